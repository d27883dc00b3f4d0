import { sql } from "kysely";
import type { Db } from "../connect";

/**
 * Registry files the ministry uploaded in the review console (registry_uploads,
 * 0016): the bytes and their digest until applied, the preview's counts and
 * digest, and the preview's lines (registry_upload_items) for paging.
 */

export type RegistryUploadItemKind = "error" | "new" | "changed" | "gone";

export interface NewRegistryUpload {
  fileName: string;
  fileDigest: string;
  bytes: Buffer;
  encoding: "utf8" | "cp932";
  rowCount: number;
  errorCount: number;
  counts: Record<string, number>;
  previewDigest: string;
  uploadedBy: string;
  uploadedAt: Date;
}

export async function insertRegistryUpload(trx: Db, upload: NewRegistryUpload): Promise<string> {
  const row = await trx
    .insertInto("registryUploads")
    .values({ ...upload, counts: JSON.stringify(upload.counts) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

// A statement's parameters stay a few megabytes however long the preview.
const ITEM_CHUNK = 20_000;

export async function insertRegistryUploadItems(
  trx: Db,
  uploadId: string,
  kind: RegistryUploadItemKind,
  items: readonly unknown[],
): Promise<void> {
  for (let at = 0; at < items.length; at += ITEM_CHUNK) {
    const part = items.slice(at, at + ITEM_CHUNK).map((item) => JSON.stringify(item));
    await sql`
      insert into registry_upload_items (upload_id, kind, seq, item)
      select ${uploadId}::uuid, ${kind}, ${at} + n - 1, item
      from unnest(${part}::jsonb[]) with ordinality as u(item, n)`.execute(trx);
  }
}

export interface RegistryUploadRow {
  id: string;
  fileName: string;
  fileDigest: string;
  encoding: "utf8" | "cp932";
  rowCount: number;
  errorCount: number;
  counts: unknown;
  previewDigest: string;
  uploadedAt: Date;
  uploadedByName: string;
  appliedAt: Date | null;
  appliedByName: string | null;
}

/** The upload without its bytes; `lock` holds it until the transaction ends. */
export async function findRegistryUpload(
  db: Db,
  id: string,
  lock = false,
): Promise<RegistryUploadRow | undefined> {
  const query = db
    .selectFrom("registryUploads as u")
    .innerJoin("users as up", "up.id", "u.uploadedBy")
    .leftJoin("users as ap", "ap.id", "u.appliedBy")
    .select([
      "u.id",
      "u.fileName",
      "u.fileDigest",
      "u.encoding",
      "u.rowCount",
      "u.errorCount",
      "u.counts",
      "u.previewDigest",
      "u.uploadedAt",
      "up.displayName as uploadedByName",
      "u.appliedAt",
      "ap.displayName as appliedByName",
    ])
    .where("u.id", "=", id);
  return lock ? query.forUpdate("u").executeTakeFirst() : query.executeTakeFirst();
}

export async function registryUploadBytes(db: Db, id: string): Promise<Buffer | null> {
  const row = await db
    .selectFrom("registryUploads")
    .select("bytes")
    .where("id", "=", id)
    .executeTakeFirst();
  return row?.bytes ?? null;
}

export async function registryUploadItems(
  db: Db,
  uploadId: string,
  kind: RegistryUploadItemKind,
  page: { offset: number; limit: number },
): Promise<unknown[]> {
  const rows = await db
    .selectFrom("registryUploadItems")
    .select("item")
    .where("uploadId", "=", uploadId)
    .where("kind", "=", kind)
    .where("seq", ">=", page.offset)
    .where("seq", "<", page.offset + page.limit)
    .orderBy("seq")
    .execute();
  return rows.map((row) => row.item);
}

/**
 * Applied: the bytes are no longer needed (the digest and the audit entry stay);
 * what the apply did joins the preview's counts, for the page that shows it later.
 */
export async function markRegistryUploadApplied(
  trx: Db,
  id: string,
  by: { userId: string; at: Date },
  outcome: Record<string, number>,
): Promise<void> {
  await trx
    .updateTable("registryUploads")
    .set({
      appliedAt: by.at,
      appliedBy: by.userId,
      bytes: null,
      counts: sql`counts || ${JSON.stringify(outcome)}::jsonb`,
    })
    .where("id", "=", id)
    .execute();
}

/** Uploads previewed but never applied, older than `before`: their files go. */
export async function deleteStaleRegistryUploads(trx: Db, before: Date): Promise<void> {
  await trx
    .deleteFrom("registryUploads")
    .where("appliedAt", "is", null)
    .where("uploadedAt", "<", before)
    .execute();
}
