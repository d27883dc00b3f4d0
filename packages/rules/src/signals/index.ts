export { addressKey, emailKey, phoneKey } from "./contacts";
export * from "./detect";
export { CONSTANT_HISTORY_SCALE, MODIFIED_Z_CUTOFF, type ModifiedZ, modifiedZ } from "./robust";
export * from "./types";
