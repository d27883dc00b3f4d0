import type { Db } from "@sos/db";
import { figuresFile, runFilesOfWeek } from "@sos/db/repositories/open-data";
import type { FiguresFormat, RunFileKind } from "./paths";

export interface OpenFile {
  body: string;
  sha256: string;
}

/** A committed run's recorded input or result, byte for byte as stored; undefined if none. */
export async function openRunFile(
  db: Db,
  weekStart: string,
  kind: RunFileKind,
): Promise<OpenFile | undefined> {
  const run = await runFilesOfWeek(db, weekStart);
  if (run === undefined) return undefined;
  return kind === "input"
    ? { body: run.inputJson, sha256: run.inputSha256 }
    : { body: run.resultJson, sha256: run.resultSha256 };
}

/** A week's published figures as published; undefined if not (yet) published. */
export async function openFiguresFile(
  db: Db,
  weekStart: string,
  format: FiguresFormat,
): Promise<OpenFile | undefined> {
  const file = await figuresFile(db, weekStart);
  if (file === undefined) return undefined;
  return format === "csv"
    ? { body: file.csv, sha256: file.csvSha256 }
    : { body: file.json, sha256: file.jsonSha256 };
}
