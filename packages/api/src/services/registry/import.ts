import { appendAudit, type Db } from "@sos/db";
import {
  applyStagedRegistry,
  type RegistryComparedField,
  registryDifferences,
  registryGone,
  stageRegistry,
} from "@sos/db/repositories/institution";
import type { DetectedEncoding, ImportEncoding } from "../../csv-table";
import { type RegistryRowError, readRegistryFile } from "./registry-file";

/**
 * The ministry's registry import: a preview of what the file would change
 * (writing nothing), and the apply that makes the registry say what the file
 * says, in one transaction, audited. Nothing is deleted: an institution the
 * file no longer lists becomes inactive, and comes back if a later file lists it.
 */

export interface RegistryImportCounts {
  new: number;
  changed: number;
  /** Of `changed`: inactive institutions the file lists again. */
  returning: number;
  gone: number;
  unchanged: number;
}

export interface RegistryImportReport {
  encoding: DetectedEncoding;
  rowCount: number;
  errors: RegistryRowError[];
  counts: RegistryImportCounts;
  added: Array<{ code: string; name: string }>;
  changed: Array<{
    code: string;
    name: string;
    fields: RegistryComparedField[];
    returning: boolean;
  }>;
  gone: Array<{ code: string; name: string }>;
  applied: boolean;
  /** Why nothing was applied, when apply was asked for. */
  refusalJa: string | null;
}

export interface RegistryImportOptions {
  apply: boolean;
  encoding?: ImportEncoding;
  /** Who applied it: a ministry user, or null for the operators' command. */
  actor?: { userId: string | null; role: string | null; via: "cli" | "console" };
  fileName?: string;
}

/** Thrown inside the transaction so a preview rolls back whatever staging wrote. */
class PreviewDone extends Error {
  constructor(readonly report: RegistryImportReport) {
    super("preview");
  }
}

export async function importRegistry(
  db: Db,
  bytes: Uint8Array,
  options: RegistryImportOptions,
): Promise<RegistryImportReport> {
  const file = readRegistryFile(bytes, options.encoding);
  const refused = options.apply && file.errors.length > 0;
  try {
    return await db.transaction().execute(async (trx) => {
      await stageRegistry(trx, file.entries);
      const differences = await registryDifferences(trx);
      const gone = await registryGone(trx);
      const added = differences.filter((d) => d.isNew).map(({ code, name }) => ({ code, name }));
      const changed = differences
        .filter((d) => !d.isNew)
        .map((d) => ({
          code: d.code,
          name: d.name,
          fields: d.changedFields,
          returning: d.returning,
        }));
      const counts: RegistryImportCounts = {
        new: added.length,
        changed: changed.length,
        returning: changed.filter((c) => c.returning).length,
        gone: gone.length,
        unchanged: file.entries.length - differences.length,
      };
      const report: RegistryImportReport = {
        encoding: file.encoding,
        rowCount: file.rowCount,
        errors: file.errors,
        counts,
        added,
        changed,
        gone,
        applied: false,
        refusalJa: refused
          ? `誤りのある行が${file.errors.length}件あるため、取り込みを行いませんでした。ファイルを直してからもう一度実行してください。`
          : null,
      };
      if (!options.apply || refused) throw new PreviewDone(report);
      await applyStagedRegistry(trx);
      await appendAudit(trx, {
        action: "registry.import",
        actorUserId: options.actor?.userId ?? null,
        actorRole: options.actor?.role ?? null,
        targetType: "institutions",
        details: {
          via: options.actor?.via ?? "cli",
          fileName: options.fileName ?? null,
          encoding: file.encoding,
          rows: file.rowCount,
          ...counts,
        },
      });
      return { ...report, applied: true };
    });
  } catch (error) {
    if (error instanceof PreviewDone) return error.report;
    throw error;
  }
}
