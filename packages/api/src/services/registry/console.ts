import { createHash } from "node:crypto";
import { appendAudit, type Db } from "@sos/db";
import {
  deleteStaleRegistryUploads,
  findRegistryUpload,
  insertRegistryUpload,
  insertRegistryUploadItems,
  markRegistryUploadApplied,
  type RegistryUploadRow,
  registryUploadBytes,
  registryUploadItems,
} from "@sos/db/repositories/registry-upload";
import type { ImportEncoding } from "../../csv-table";
import { DomainError } from "../../errors";
import {
  REGISTRY_PAGE_SIZE,
  type RegistryApplied,
  type RegistryItemKind,
  type RegistryItems,
  type RegistryUpload,
} from "../../schemas/registry";
import { compareRegistry, type RegistryImportCounts } from "./compare";
import { applyCompared, linksAtRisk } from "./import";
import { readRegistryFile } from "./registry-file";

/**
 * The registry import in the review console, in two honest steps. The upload
 * keeps the file (bytes and SHA-256) with the preview it produced: its counts,
 * its lines for paging, and the digest of the difference. "反映する" names the
 * upload and the preview digest the ministry saw; the apply reads the same bytes,
 * compares again under the import lock and writes only if the difference is
 * still that one. Applied once: a second apply of the upload writes nothing.
 */

export interface RegistryConsoleActor {
  userId: string;
  role: string;
  ip: string | null;
}

/** Previews nobody applied within a day are dropped when the next file comes. */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

/** The preview's counts, with what the preview saw beside the difference and what the apply did. */
interface StoredCounts extends RegistryImportCounts {
  purchaseLinksAtRisk?: number;
  purchaseLinksRevoked?: number;
}

function uploadOf(row: RegistryUploadRow): RegistryUpload {
  const { purchaseLinksAtRisk = 0, purchaseLinksRevoked, ...counts } = row.counts as StoredCounts;
  return {
    id: row.id,
    fileName: row.fileName,
    encoding: row.encoding,
    rowCount: row.rowCount,
    errorCount: row.errorCount,
    counts,
    purchaseLinksAtRisk,
    purchaseLinksRevoked: row.appliedAt === null ? null : (purchaseLinksRevoked ?? null),
    previewDigest: row.previewDigest,
    uploadedAt: row.uploadedAt,
    uploadedBy: row.uploadedByName,
    appliedAt: row.appliedAt,
    appliedBy: row.appliedByName,
  };
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Reads and previews the file, keeps it with its preview; a file it cannot read at all throws. */
export async function uploadRegistryFile(
  db: Db,
  input: {
    bytes: Uint8Array;
    fileName: string;
    encoding: ImportEncoding;
    actor: RegistryConsoleActor;
    now: Date;
  },
): Promise<RegistryUpload> {
  const file = readRegistryFile(input.bytes, input.encoding);
  const id = await db.transaction().execute(async (trx) => {
    const comparison = await compareRegistry(trx, file);
    const purchaseLinksAtRisk = await linksAtRisk(trx, comparison, input.now);
    await deleteStaleRegistryUploads(trx, new Date(input.now.getTime() - STALE_AFTER_MS));
    const uploadId = await insertRegistryUpload(trx, {
      fileName: input.fileName,
      fileDigest: sha256(input.bytes),
      bytes: Buffer.from(input.bytes),
      encoding: file.encoding,
      rowCount: file.rowCount,
      errorCount: comparison.errors.length,
      counts: { ...comparison.counts, purchaseLinksAtRisk },
      previewDigest: comparison.digest,
      uploadedBy: input.actor.userId,
      uploadedAt: input.now,
    });
    await insertRegistryUploadItems(trx, uploadId, "error", comparison.errors);
    await insertRegistryUploadItems(trx, uploadId, "new", comparison.added);
    await insertRegistryUploadItems(
      trx,
      uploadId,
      "changed",
      comparison.changed.map(({ code, name, returning, changes }) => ({
        code,
        name,
        returning,
        changes,
      })),
    );
    await insertRegistryUploadItems(trx, uploadId, "gone", comparison.gone);
    await appendAudit(trx, {
      action: "registry.upload",
      actorUserId: input.actor.userId,
      actorRole: input.actor.role,
      targetType: "registry_upload",
      targetId: uploadId,
      ip: input.actor.ip,
      details: {
        fileName: input.fileName,
        rows: file.rowCount,
        errors: comparison.errors.length,
        ...comparison.counts,
        purchaseLinksAtRisk,
      },
    });
    return uploadId;
  });
  return getRegistryUpload(db, id);
}

export async function getRegistryUpload(db: Db, id: string): Promise<RegistryUpload> {
  const row = await findRegistryUpload(db, id);
  if (row === undefined) throw new DomainError("NOT_FOUND");
  return uploadOf(row);
}

const TOTAL_OF: Readonly<Record<RegistryItemKind, (u: RegistryUpload) => number>> = {
  error: (u) => u.errorCount,
  new: (u) => u.counts.new,
  changed: (u) => u.counts.changed,
  gone: (u) => u.counts.gone,
};

/** One page of the preview's errors, new, changed or gone institutions. */
export async function registryUploadPage(
  db: Db,
  input: { id: string; kind: RegistryItemKind; page: number },
): Promise<RegistryItems> {
  const upload = await getRegistryUpload(db, input.id);
  const items = await registryUploadItems(db, input.id, input.kind, {
    offset: (input.page - 1) * REGISTRY_PAGE_SIZE,
    limit: REGISTRY_PAGE_SIZE,
  });
  return { kind: input.kind, total: TOTAL_OF[input.kind](upload), items } as RegistryItems;
}

export async function applyRegistryUpload(
  db: Db,
  input: {
    id: string;
    previewDigest: string;
    actor: RegistryConsoleActor;
    now: Date;
    mailFrom: string;
  },
): Promise<RegistryApplied> {
  const outcome = await db.transaction().execute(async (trx) => {
    const row = await findRegistryUpload(trx, input.id, true);
    if (row === undefined) throw new DomainError("NOT_FOUND");
    // Applied already (a second click, a retried request): nothing more to write.
    if (row.appliedAt !== null) {
      return { alreadyApplied: true, mailsQueued: 0, purchaseLinksRevoked: 0 };
    }
    if (row.previewDigest !== input.previewDigest) throw new DomainError("REGISTRY_CHANGED");
    const bytes = await registryUploadBytes(trx, input.id);
    if (bytes === null || sha256(bytes) !== row.fileDigest) throw new DomainError("CONFLICT");
    const file = readRegistryFile(new Uint8Array(bytes), row.encoding);
    const comparison = await compareRegistry(trx, file);
    if (comparison.digest !== row.previewDigest) throw new DomainError("REGISTRY_CHANGED");
    if (comparison.errors.length > 0) throw new DomainError("REGISTRY_HAS_ERRORS");
    const applied = await applyCompared(trx, comparison, {
      actor: { userId: input.actor.userId, role: input.actor.role, via: "console" },
      fileName: row.fileName,
      encoding: file.encoding,
      rows: file.rowCount,
      mailFrom: input.mailFrom,
      uploadId: row.id,
      now: input.now,
    });
    await markRegistryUploadApplied(
      trx,
      row.id,
      { userId: input.actor.userId, at: input.now },
      { purchaseLinksRevoked: applied.purchaseLinksRevoked },
    );
    return { alreadyApplied: false, ...applied };
  });
  return { upload: await getRegistryUpload(db, input.id), ...outcome };
}
