export * from "./account-scope";
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
export * from "./codes";
export * from "./deadlines";
export * from "./eligibility";
export * from "./email";
export * from "./messages";
export * from "./normalize";
export * from "./phone";
export * from "./purchase";
export * from "./quantity";
export * from "./result";
export * from "./sos-status";
