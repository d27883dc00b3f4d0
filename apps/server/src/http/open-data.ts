import { createHash } from "node:crypto";
import {
  type FiguresFormat,
  OPEN_DATA_PREFIX,
  openFiguresFile,
  openRunFile,
  type RunFileKind,
} from "@sos/api";
import type { Db } from "@sos/db";
import type { FastifyInstance, FastifyReply } from "fastify";
import { NOT_FOUND_MESSAGE, sendSafeError } from "./fallbacks";
import { contentDisposition } from "./target-list-csv";

/** The public page that lists these files (the review app's public route). */
export const OPEN_DATA_PAGE = "/review/open-data";

const RUN_FILE = /^(input|result)\.json$/;
const FIGURES_FILE = /^(\d{4}-\d{2}-\d{2})\.(csv|json)$/;

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not). */
function isDate(ymd: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(ymd)) return false;
  const date = new Date(`${ymd}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === ymd;
}

function sendFile(
  reply: FastifyReply,
  file: { body: string; sha256: string },
  type: string,
  filename: string,
): FastifyReply {
  const digest = createHash("sha256").update(file.body, "utf8").digest("base64");
  return (
    reply
      .header("content-type", `${type}; charset=utf-8`)
      .header("content-disposition", contentDisposition(filename, filename))
      // A published file never changes: its SHA-256 is its version.
      .header("etag", `"${file.sha256}"`)
      .header("repr-digest", `sha-256=:${digest}:`)
      .header("cache-control", "public, max-age=3600")
      // Open data: any site's script may read it.
      .header("access-control-allow-origin", "*")
      .send(file.body)
  );
}

/**
 * The public files, no sign-in (issue 17 #3, #6): a committed allocation run's
 * recorded input and result (GET /open-data/allocation/<week>/input.json,
 * result.json) and the open weekly figures (GET /open-data/figures/<week>.csv,
 * .json). /open-data itself leads to the page that lists them.
 */
export function registerOpenData(app: FastifyInstance, options: { db: Db }): void {
  const { db } = options;
  const redirect = async (_request: unknown, reply: FastifyReply) =>
    reply.redirect(OPEN_DATA_PAGE, 302);
  app.get(OPEN_DATA_PREFIX, redirect);
  app.get(`${OPEN_DATA_PREFIX}/`, redirect);

  app.get<{ Params: { week: string; file: string } }>(
    `${OPEN_DATA_PREFIX}/allocation/:week/:file`,
    async (request, reply) => {
      const { week, file } = request.params;
      const kind = RUN_FILE.exec(file)?.[1] as RunFileKind | undefined;
      const found = kind && isDate(week) ? await openRunFile(db, week, kind) : undefined;
      if (kind === undefined || found === undefined) {
        return sendSafeError(request, reply, 404, NOT_FOUND_MESSAGE);
      }
      return sendFile(reply, found, "application/json", `sos-allocation-${week}-${kind}.json`);
    },
  );

  app.get<{ Params: { file: string } }>(
    `${OPEN_DATA_PREFIX}/figures/:file`,
    async (request, reply) => {
      const match = FIGURES_FILE.exec(request.params.file);
      const week = match?.[1];
      const format = match?.[2] as FiguresFormat | undefined;
      const found =
        week !== undefined && format !== undefined && isDate(week)
          ? await openFiguresFile(db, week, format)
          : undefined;
      if (week === undefined || format === undefined || found === undefined) {
        return sendSafeError(request, reply, 404, NOT_FOUND_MESSAGE);
      }
      const type = format === "csv" ? "text/csv" : "application/json";
      return sendFile(reply, found, type, `sos-weekly-figures-${week}.${format}`);
    },
  );
}
