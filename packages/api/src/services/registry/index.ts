export type {
  RegistryChanged,
  RegistryComparison,
  RegistryContactChange,
  RegistryFieldChange,
  RegistryImportCounts,
} from "./compare";
export {
  applyRegistryUpload,
  getRegistryUpload,
  type RegistryConsoleActor,
  registryUploadPage,
  uploadRegistryFile,
} from "./console";
export {
  importRegistry,
  type RegistryImportOptions,
  type RegistryImportReport,
} from "./import";
export { registryNoticeMails } from "./notices";
export { MAX_REGISTRY_ROWS, type RegistryRowError, readRegistryFile } from "./registry-file";
