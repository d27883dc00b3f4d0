/*
 * The schemas import zod as "#zod" (package.json "imports"): classic zod on the server,
 * where packages/api chains methods onto them (.nullable(), .extend()), and zod/mini
 * under the "browser" condition of the apps' builds, a fraction of the size. So they
 * are written only with what both offer: z.pipe, z.nullable, .check(z.minLength(…)),
 * never a classic method; `pnpm typecheck` and the tests check them both ways.
 */
export * from "./api-limits";
export * from "./carriers";
export * from "./consent";
export * from "./error-messages";
export * from "./fields/characters";
export * from "./fields/email";
export * from "./fields/id";
export * from "./fields/institution-code";
export * from "./fields/iso-date";
export * from "./fields/normalized";
export * from "./fields/password";
export * from "./fields/phone";
export * from "./fields/postcode";
export * from "./fields/quantity";
export * from "./fields/text";
export * from "./fields/username";
export * from "./format/dates";
export * from "./format/numbers";
export * from "./glove-size";
export * from "./inputs/auth";
export * from "./inputs/auth-messages";
export * from "./inputs/registration";
export * from "./inputs/registry";
export * from "./inputs/sos-request-form";
export * from "./inputs/survey";
export * from "./institution-type";
export * from "./link-state";
export * from "./locale";
export * from "./match";
export * from "./on-behalf";
export * from "./order-status";
export * from "./payment-method";
export * from "./prefecture-code";
export * from "./prefectures";
export * from "./registration-source";
export * from "./review-stage";
export * from "./role";
export * from "./role-labels";
export * from "./sos-status";
export * from "./survey-status";
