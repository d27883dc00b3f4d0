export * from "./account-scope";
export * from "./allocation";
export { byLottery, lotteryKey, seedCommitment } from "./allocation-lottery";
export * from "./allocation-text";
export * from "./allocation-types";
export {
  ALLOCATION_LIMITS,
  validateAllocationInput,
  validateAllocationParameters,
} from "./allocation-validate";
export {
  addDaysYmd,
  businessDayOnOrAfter,
  dayOfWeek,
  isBusinessDay,
  isYearEndClosure,
  japaneseHoliday,
  nextBusinessDay,
  TOKYO,
  tokyoDate,
  tokyoTime,
} from "./business-days";
export * from "./canonical-json";
export * from "./codes";
export * from "./deadlines";
export * from "./eligibility";
export * from "./email";
export * from "./forecast/stock-out";
export * from "./messages";
export * from "./normalize";
export * from "./phone";
export * from "./purchase";
export * from "./quantity";
export * from "./result";
export * from "./signals/index";
export * from "./small-cell-suppression";
export * from "./small-cell-table";
export * from "./sos-status";
