export { auditAccessDenied } from "./access-denied";
export { APP_BY_ROLE, APP_FOLDERS, APP_NAMES, type AppName, appBaseUrl } from "./apps";
export type { ApiConfig, Context } from "./context";
export { IMPORT_ENCODINGS, type ImportEncoding } from "./csv-table";
export { type DenialAnswer, deny } from "./deny";
export {
  domainErrorShape,
  formatError,
  httpErrorShape,
  INTERNAL_ERROR_MESSAGE,
  isUnexpected,
  type SafeErrorData,
  type SafeErrorShape,
} from "./error-shape";
export {
  DOMAIN_ERRORS,
  DomainError,
  type DomainErrorCode,
  type DomainErrorOptions,
  isDomainError,
} from "./errors";
export { isPassiveRequest, PASSIVE_PROCEDURES } from "./passive-procedures";
export { readConnection } from "./read-connection";
export { type AppRouter, appRouter, createCaller } from "./root";
export type {
  TargetBatchDetail,
  TargetBatchSummary,
  UnrepresentableChar,
} from "./schemas/target-list";
export {
  createInvitation,
  type InviteActor,
  runInvitationBatch,
  startBulkInvitation,
} from "./services/invitations";
export { buildWeeklyFigures, figuresAsOf, publishDueFigures } from "./services/open-data/figures";
export { openFiguresFile, openRunFile } from "./services/open-data/files";
export {
  type FiguresFormat,
  figuresPath,
  OPEN_DATA_PREFIX,
  type RunFileKind,
  runFilePath,
} from "./services/open-data/paths";
export {
  applyRegistryUpload,
  importRegistry,
  type RegistryImportReport,
  type RegistryRowError,
  uploadRegistryFile,
} from "./services/registry";
export { createWeeklySurveys } from "./services/survey";
export {
  CSV_ENCODINGS,
  type CsvDownload,
  type CsvEncoding,
  type CsvFile,
  findTargetBatch,
  finishTargetBatch,
  getTargetBatch,
  listTargetBatches,
  openTargetListCsv,
  targetListCsv,
} from "./services/target-list";
export {
  authedProcedure,
  createCallerFactory,
  type DelegateUser,
  delegateProcedure,
  type InstitutionUser,
  institutionProcedure,
  institutionSelfProcedure,
  type MinistryUser,
  middleware,
  ministryProcedure,
  type PrefectureUser,
  prefectureProcedure,
  publicProcedure,
  type ReviewScope,
  reviewerProcedure,
  router,
  type VendorUser,
  vendorProcedure,
} from "./trpc";
