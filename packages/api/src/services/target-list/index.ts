export {
  findTargetBatch,
  finishTargetBatch,
  getTargetBatch,
  issueTargetList,
  listTargetBatches,
  pendingHandOver,
  targetBatchItems,
} from "./target-list";
export { type Cp932Check, computeCp932Check, cp932CheckOf } from "./target-list-check";
export {
  CSV_ENCODINGS,
  type CsvDownload,
  type CsvEncoding,
  type CsvFile,
  openTargetListCsv,
  targetListCsv,
  targetListCsvCheck,
} from "./target-list-csv";
