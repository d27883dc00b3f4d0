export {
  importRegistry,
  type RegistryImportCounts,
  type RegistryImportOptions,
  type RegistryImportReport,
} from "./import";
export { MAX_REGISTRY_ROWS, type RegistryRowError, readRegistryFile } from "./registry-file";
