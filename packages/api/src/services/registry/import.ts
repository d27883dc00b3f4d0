import { appendAudit, type Db } from "@sos/db";
import { applyStagedRegistry } from "@sos/db/repositories/institution";
import {
  countUsableLinksOfCodes,
  revokeLinksForRegistryEmail,
} from "@sos/db/repositories/purchase-link";
import type { DetectedEncoding, ImportEncoding } from "../../csv-table";
import {
  compareRegistry,
  type RegistryChanged,
  type RegistryComparison,
  type RegistryImportCounts,
} from "./compare";
import { queueRegistryNotices } from "./notices";
import { type RegistryRowError, readRegistryFile } from "./registry-file";

/**
 * The ministry's registry import: a preview of what the file would change
 * (writing nothing), and the apply that makes the registry say what the file
 * says, in one transaction, audited. Nothing is deleted: an institution the
 * file no longer lists becomes inactive, and comes back if a later file lists it.
 */

export interface RegistryImportReport {
  encoding: DetectedEncoding;
  rowCount: number;
  errors: RegistryRowError[];
  counts: RegistryImportCounts;
  added: Array<{ code: string; name: string }>;
  changed: RegistryChanged[];
  gone: Array<{ code: string; name: string }>;
  /** SHA-256 of the difference shown (see compareRegistry). */
  digest: string;
  applied: boolean;
  /** Notices of a changed e-mail or postal address queued by the apply. */
  mailsQueued: number;
  /** Purchase links usable now at the e-mail addresses the file changes: an apply revokes them. */
  purchaseLinksAtRisk: number;
  /** Purchase links revoked because their institution's e-mail address changed. */
  purchaseLinksRevoked: number;
  /** Why nothing was applied, when apply was asked for. */
  refusalJa: string | null;
}

export interface RegistryActor {
  /** A ministry user, or null for the operators' command. */
  userId: string | null;
  role: string | null;
  via: "cli" | "console";
}

export interface RegistryImportOptions {
  apply: boolean;
  encoding?: ImportEncoding;
  actor?: RegistryActor;
  fileName?: string;
  /** The sender of the change notices; without it an apply queues none (tests of the reader only). */
  mailFrom?: string;
  /** When the apply happens (purchase links live at that instant are revoked); the clock by default. */
  now?: Date;
}

/** Thrown inside the transaction so a preview rolls back whatever staging wrote. */
class PreviewDone extends Error {
  constructor(readonly report: RegistryImportReport) {
    super("preview");
  }
}

export function rowErrorRefusal(count: number): string {
  return `誤りのある行が${count}件あるため、取り込みを行いませんでした。ファイルを直してからもう一度実行してください。`;
}

/** Institutions whose registry e-mail the file changes (a change of case is the same mailbox). */
export function emailChanges(comparison: RegistryComparison) {
  return comparison.contactChanges
    .filter((c) => c.before.email.toLowerCase() !== c.after.email.toLowerCase())
    .map((c) => ({ institutionCode: c.code, oldEmail: c.before.email, newEmail: c.after.email }));
}

/**
 * Read only, beside the preview (not in its digest: a link sent or bought since
 * does not make the previewed difference another): the usable links the apply
 * would revoke at `now`.
 */
export function linksAtRisk(trx: Db, comparison: RegistryComparison, now: Date): Promise<number> {
  const codes = emailChanges(comparison).map((change) => change.institutionCode);
  return countUsableLinksOfCodes(trx, codes, now);
}

/**
 * After compareRegistry in the same transaction: writes the staged rows,
 * revokes the purchase links mailed to an address the registry no longer holds,
 * queues the notices and audits. Returns how many mails it queued and links it revoked.
 */
export async function applyCompared(
  trx: Db,
  comparison: RegistryComparison,
  details: {
    actor: RegistryActor;
    fileName: string | null;
    encoding: string;
    rows: number;
    mailFrom: string | null;
    uploadId?: string;
    now: Date;
  },
): Promise<{ mailsQueued: number; purchaseLinksRevoked: number }> {
  await applyStagedRegistry(trx);
  // The link is a bearer key mailed to the old address: whoever keeps that mailbox
  // must not buy with it. The vendor sends a new one to the registry's new address.
  const revokedLinks = await revokeLinksForRegistryEmail(trx, emailChanges(comparison), {
    now: details.now,
    actor: details.actor,
    uploadId: details.uploadId ?? null,
  });
  const mailsQueued =
    details.mailFrom === null
      ? 0
      : await queueRegistryNotices(trx, comparison.contactChanges, details.mailFrom, revokedLinks);
  const purchaseLinksRevoked = [...revokedLinks.values()].reduce((sum, n) => sum + n, 0);
  await appendAudit(trx, {
    action: "registry.import",
    actorUserId: details.actor.userId,
    actorRole: details.actor.role,
    targetType: "institutions",
    targetId: details.uploadId ?? null,
    details: {
      via: details.actor.via,
      fileName: details.fileName,
      encoding: details.encoding,
      rows: details.rows,
      ...comparison.counts,
      mailsQueued,
      purchaseLinksRevoked,
    },
  });
  return { mailsQueued, purchaseLinksRevoked };
}

export async function importRegistry(
  db: Db,
  bytes: Uint8Array,
  options: RegistryImportOptions,
): Promise<RegistryImportReport> {
  const file = readRegistryFile(bytes, options.encoding);
  const now = options.now ?? new Date();
  try {
    return await db.transaction().execute(async (trx) => {
      const comparison = await compareRegistry(trx, file);
      const refused = options.apply && comparison.errors.length > 0;
      const report: RegistryImportReport = {
        encoding: file.encoding,
        rowCount: file.rowCount,
        errors: comparison.errors,
        counts: comparison.counts,
        added: comparison.added,
        changed: comparison.changed,
        gone: comparison.gone,
        digest: comparison.digest,
        applied: false,
        mailsQueued: 0,
        purchaseLinksAtRisk: await linksAtRisk(trx, comparison, now),
        purchaseLinksRevoked: 0,
        refusalJa: refused ? rowErrorRefusal(comparison.errors.length) : null,
      };
      if (!options.apply || refused) throw new PreviewDone(report);
      const outcome = await applyCompared(trx, comparison, {
        actor: options.actor ?? { userId: null, role: null, via: "cli" },
        fileName: options.fileName ?? null,
        encoding: file.encoding,
        rows: file.rowCount,
        mailFrom: options.mailFrom ?? null,
        now,
      });
      return { ...report, applied: true, ...outcome };
    });
  } catch (error) {
    if (error instanceof PreviewDone) return error.report;
    throw error;
  }
}
