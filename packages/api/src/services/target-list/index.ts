export {
  findTargetBatch,
  finishTargetBatch,
  getTargetBatch,
  issueTargetList,
  listTargetBatches,
  type PendingHandOver,
  pendingHandOver,
  type TargetBatchDetail,
  type TargetBatchSummary,
  type TargetItemView,
  targetBatchItems,
} from "./target-list";
export { type Cp932Check, computeCp932Check, cp932CheckOf } from "./target-list-check";
export {
  CSV_ENCODINGS,
  type CsvDownload,
  type CsvEncoding,
  type CsvFile,
  openTargetListCsv,
  TARGET_LIST_CSV_HEADER,
  type TargetListColumn,
  targetListCsv,
  targetListCsvCheck,
  type UnrepresentableChar,
} from "./target-list-csv";
