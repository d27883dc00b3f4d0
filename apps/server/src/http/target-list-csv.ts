import { isIP } from "node:net";
import {
  type CsvDownload,
  type CsvEncoding,
  DOMAIN_ERRORS,
  deny,
  domainErrorShape,
  isDomainError,
  openTargetListCsv,
} from "@sos/api";
import { sessionCookieName, validateSessionToken } from "@sos/auth";
import { appendAudit, type Db } from "@sos/db";
import type { FastifyInstance } from "fastify";
import { sendSafeError } from "./fallbacks";
import type { ReadRouting } from "./read-your-writes";

export const TARGET_LIST_CSV_ROUTE = "/api/target-lists/:file";

const FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.csv$/i;

const ENCODINGS: Readonly<Record<string, CsvEncoding>> = { utf8: "utf8-bom", sjis: "cp932" };

const BAD_ENCODING_MESSAGE = "文字コードの指定が正しくありません（utf8 または sjis）。";

/** RFC 6266 / 5987: an ASCII fallback for old clients, the Japanese name for the rest. */
export function contentDisposition(filename: string, asciiFilename: string): string {
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiFilename}"; filename*=UTF-8''${encoded}`;
}

/**
 * GET /api/target-lists/<batchId>.csv?encoding=utf8|sjis[&replace=1]: the
 * target list (④) as a file a browser saves, for the ministry and the vendor.
 * A Shift_JIS download with characters Shift_JIS lacks is refused (412) unless
 * replace=1 says the user accepted 〓 in their place. Every download is
 * audited: the file carries institutions' contact data.
 */
export function registerTargetListCsv(
  app: FastifyInstance,
  options: { db: Db; now: () => Date; secureCookies: boolean; reads?: ReadRouting },
) {
  const { db, now } = options;
  const sessionCookie = sessionCookieName(options.secureCookies);
  app.get<{ Params: { file: string }; Querystring: Record<string, string | undefined> }>(
    TARGET_LIST_CSV_ROUTE,
    async (request, reply) => {
      const token = request.cookies[sessionCookie];
      const validated = token ? await validateSessionToken(db, token, now()) : null;
      if (validated === null) {
        return sendSafeError(request, reply, 401, DOMAIN_ERRORS.UNAUTHENTICATED.messageJa);
      }
      const { user } = validated;
      const ip = isIP(request.ip) === 0 ? null : request.ip;
      if (user.role !== "ministry" && user.role !== "vendor") {
        const refusal = await deny(
          db,
          { user, ip: request.ip },
          {
            targetType: "route",
            targetId: TARGET_LIST_CSV_ROUTE,
            details: { required: "ministry|vendor" },
          },
        );
        const { message, data } = domainErrorShape(refusal.code);
        return sendSafeError(request, reply, data.httpStatus, message);
      }
      const batchId = FILE.exec(request.params.file)?.[1];
      if (batchId === undefined) {
        return sendSafeError(request, reply, 404, DOMAIN_ERRORS.NOT_FOUND.messageJa);
      }
      const encoding = ENCODINGS[request.query.encoding ?? "utf8"];
      if (encoding === undefined) return sendSafeError(request, reply, 400, BAD_ENCODING_MESSAGE);
      const allowReplacement = request.query.replace === "1";

      let file: CsvDownload;
      try {
        const readDb = options.reads ? await options.reads.readDb(request, reply) : db;
        file = await openTargetListCsv(readDb, batchId, encoding, { allowReplacement }).catch(
          // A list issued a moment ago may not have reached the replica yet.
          (error: unknown) =>
            readDb !== db && isDomainError(error) && error.code === "NOT_FOUND"
              ? openTargetListCsv(db, batchId, encoding, { allowReplacement })
              : Promise.reject(error),
        );
      } catch (error) {
        if (!isDomainError(error)) throw error;
        const status = error.code === "NOT_FOUND" ? 404 : 412;
        return sendSafeError(request, reply, status, error.messageJa);
      }
      await appendAudit(db, {
        action: "target_list.download",
        actorUserId: user.id,
        actorRole: user.role,
        targetType: "target_batch",
        targetId: batchId,
        ip,
        details: { encoding, replaced: file.unrepresentable.length },
      });
      // Audited before the first row is read. Fastify pipes the stream (a slow client
      // holds the cursor back) and destroys it when the client goes, which closes the cursor.
      return reply
        .header("content-type", file.contentType)
        .header("content-disposition", contentDisposition(file.filename, file.asciiFilename))
        .header("cache-control", "no-store")
        .send(file.body);
    },
  );
}
