import {
  DOMAIN_ERRORS,
  deny,
  domainErrorShape,
  IMPORT_ENCODINGS,
  type ImportEncoding,
  isDomainError,
  uploadRegistryFile,
} from "@sos/api";
import { type SessionUser, sessionCookieName, validateSessionToken } from "@sos/auth";
import { type Db, isReadOnly } from "@sos/db";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sendSafeError } from "./fallbacks";

export const REGISTRY_UPLOAD_ROUTE = "/api/registry-uploads";

/** 180,000 rows are 20-30 MB; twice that, and no more, is read. */
export const REGISTRY_UPLOAD_LIMIT = 64 * 1024 * 1024;

const CSV_TYPES = ["text/csv", "application/octet-stream", "application/vnd.ms-excel"];

const BAD_NAME_MESSAGE = "ファイル名を指定してください（x-file-name）。";
const BAD_ENCODING_MESSAGE = "文字コードの指定が正しくありません（auto、utf8 または cp932）。";
const TOO_LARGE_MESSAGE = `ファイルが大きすぎます（${REGISTRY_UPLOAD_LIMIT / 1024 / 1024} MB まで）。医療機関の名簿のファイルか確認してください。`;

/** The file's name as the browser sends it: percent-encoded UTF-8 in x-file-name. */
function fileNameOf(request: FastifyRequest): string | null {
  const header = request.headers["x-file-name"];
  if (typeof header !== "string" || header === "") return null;
  try {
    // Control characters dropped: the name is shown on screens and written to the audit log.
    const name = [...decodeURIComponent(header)]
      .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch !== "\u007f")
      .join("")
      .trim();
    return name === "" || name.length > 255 ? null : name;
  } catch {
    return null;
  }
}

/**
 * POST /api/registry-uploads?encoding=auto|utf8|cp932, the CSV as the raw body:
 * the ministry's registry file, kept with its preview (see services/registry/console.ts);
 * answers the upload (id, counts, preview digest) as JSON, and the screen pages the
 * preview and applies it over tRPC.
 *
 * Why a route of its own and not tRPC: the file is 20-30 MB, and tRPC would take
 * it as JSON (a base64 string a third larger, parsed whole, under the 1 MB body
 * limit every other request keeps). One raw-body POST, with its own limit in this
 * scope only, is the simplest thing the browser can send (fetch with the File as
 * body, no multipart parser to add) and the session, role and origin are checked
 * before a byte of it is read: the origin by the app-wide hook, the session and the
 * role in onRequest here, so only a ministry user's body is ever read.
 */
export async function registerRegistryUpload(
  app: FastifyInstance,
  options: { db: Db; now: () => Date; secureCookies: boolean },
): Promise<void> {
  const { db, now } = options;
  const sessionCookie = sessionCookieName(options.secureCookies);
  const users = new WeakMap<FastifyRequest, SessionUser>();

  async function ministryOnly(request: FastifyRequest, reply: FastifyReply) {
    const token = request.cookies[sessionCookie];
    const validated = token ? await validateSessionToken(db, token, now()) : null;
    if (validated === null) {
      return sendSafeError(request, reply, 401, DOMAIN_ERRORS.UNAUTHENTICATED.messageJa);
    }
    if (validated.user.role !== "ministry") {
      const refusal = await deny(
        db,
        { user: validated.user, ip: request.ip },
        {
          targetType: "route",
          targetId: REGISTRY_UPLOAD_ROUTE,
          details: { required: "ministry" },
        },
      );
      const { message, data } = domainErrorShape(refusal.code);
      return sendSafeError(request, reply, data.httpStatus, message);
    }
    if (await isReadOnly(db)) {
      return sendSafeError(request, reply, 503, DOMAIN_ERRORS.READ_ONLY_MODE.messageJa);
    }
    users.set(request, validated.user);
  }

  await app.register(async (scope) => {
    scope.addContentTypeParser(CSV_TYPES, { parseAs: "buffer" }, (_request, body, done) =>
      done(null, body),
    );
    scope.post<{ Querystring: Record<string, string | undefined> }>(
      REGISTRY_UPLOAD_ROUTE,
      {
        bodyLimit: REGISTRY_UPLOAD_LIMIT,
        onRequest: ministryOnly,
        errorHandler: (error, request, reply) => {
          if ((error as { statusCode?: number }).statusCode === 413) {
            return sendSafeError(request, reply, 413, TOO_LARGE_MESSAGE);
          }
          throw error;
        },
      },
      async (request, reply) => {
        const user = users.get(request);
        if (user === undefined)
          return sendSafeError(request, reply, 401, DOMAIN_ERRORS.UNAUTHENTICATED.messageJa);
        const fileName = fileNameOf(request);
        if (fileName === null) return sendSafeError(request, reply, 400, BAD_NAME_MESSAGE);
        const encoding = IMPORT_ENCODINGS.find((e) => e === (request.query.encoding ?? "auto"));
        if (encoding === undefined) return sendSafeError(request, reply, 400, BAD_ENCODING_MESSAGE);
        if (!Buffer.isBuffer(request.body)) {
          return sendSafeError(request, reply, 415, DOMAIN_ERRORS.CSV_UNREADABLE.messageJa);
        }
        try {
          const upload = await uploadRegistryFile(db, {
            bytes: new Uint8Array(request.body),
            fileName,
            encoding: encoding as ImportEncoding,
            actor: { userId: user.id, role: user.role, ip: request.ip },
            now: now(),
          });
          return reply
            .code(201)
            .header("cache-control", "no-store")
            .send({
              ...upload,
              uploadedAt: upload.uploadedAt.toISOString(),
              appliedAt: upload.appliedAt?.toISOString() ?? null,
            });
        } catch (error) {
          if (isDomainError(error) && error.code === "CSV_UNREADABLE") {
            return sendSafeError(request, reply, 400, error.messageJa);
          }
          throw error;
        }
      },
    );
  });
}
