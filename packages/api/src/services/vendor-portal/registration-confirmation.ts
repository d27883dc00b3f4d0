import { generateSecureToken, hashToken } from "@sos/auth";
import { appendAudit, type Db, enqueueMail } from "@sos/db";
import {
  confirmationsSince,
  findConfirmationByHash,
  insertConfirmation,
  markConfirmationUsed,
  registrationById,
  registryContactOfCode,
} from "@sos/db/repositories/registration";
import { PAYMENT_METHOD_LABELS, type PaymentMethod } from "@sos/domain";
import { auditIp } from "../../audit-ip";
import type { ApiConfig } from "../../context";
import { DomainError } from "../../errors";
import type { RegistrationConfirmationOutput } from "../../schemas/storefront";
import { lockRegistrationOf, writeConfirmedRegistration } from "./confirmed-registration";
import { EMAILED_TOKEN_FORMAT } from "./emailed-token";
import { registrationConfirmationMail, registrationConfirmUrl } from "./mails";
import {
  type RegistrationForm,
  type RegistrationView,
  sameAddress,
  toRegistrationView,
} from "./registration-view";

/**
 * A storefront registration is the institution's only once someone who reads
 * the mailbox the ministry's registry holds for the code opens a one-time link.
 * Long enough for a clinic that reads its mail weekly, within the 7 days the
 * table's check allows.
 */
export const REGISTRATION_CONFIRMATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Confirmation mails to one institution's registry address per day: enough to
 * retry a lost mail, too few to flood a clinic's mailbox with other people's
 * submissions.
 */
export const CONFIRMATION_MAILS_PER_CODE_PER_DAY = 5;

const DAY_MS = 24 * 60 * 60 * 1000;

const CONFIRMATION_INVALID =
  "この確認リンクは無効です。有効期限が切れたか、URLが途中で切れている可能性があります。お手数ですが、購入サイトでもう一度施設登録を行ってください。";

const ALREADY_CONFIRMED =
  "この医療機関コードの施設登録は既に確定しています。登録内容の変更は販売業者にお問い合わせください。";

/**
 * Records one anonymous submission and mails its link to the registry address
 * of the code, inside the caller's transaction (the code already locked). A
 * code the registry does not know gets no mail, and the caller answers the
 * same, so the form reveals neither the address nor which codes exist.
 */
export async function requestConfirmation(
  trx: Db,
  { form, now, ip, config }: { form: RegistrationForm; now: Date; ip: string; config: ApiConfig },
): Promise<void> {
  const institution = await registryContactOfCode(trx, form.institutionCode);
  if (institution === undefined) {
    await appendAudit(trx, {
      action: "vendor_registration.unknown_code",
      targetType: "institution_code",
      targetId: form.institutionCode,
      ip: auditIp(ip),
    });
    return;
  }
  const recent = await confirmationsSince(
    trx,
    form.institutionCode,
    new Date(now.getTime() - DAY_MS),
  );
  if (recent >= CONFIRMATION_MAILS_PER_CODE_PER_DAY) {
    throw new DomainError("RATE_LIMITED", {
      messageJa:
        "この医療機関コードには、本日すでに何度も確認メールをお送りしています。届いている確認メールのURLから登録を確定するか、翌日以降にもう一度お試しください。",
    });
  }

  const token = generateSecureToken();
  const expiresAt = new Date(now.getTime() + REGISTRATION_CONFIRMATION_TTL_MS);
  const confirmationId = await insertConfirmation(trx, {
    ...form,
    tokenHash: hashToken(token),
    sentTo: institution.email,
    createdAt: now,
    expiresAt,
  });
  const sameAsRegistry = sameAddress(form.email, institution.email);
  const mail = registrationConfirmationMail({
    ...form,
    registryName: institution.name,
    url: registrationConfirmUrl(config.publicBaseUrl, token),
    expiresAt,
    sameAddress: sameAsRegistry,
  });
  await enqueueMail(trx, {
    kind: "vendor_registration_confirm",
    to: institution.email,
    from: config.vendorMailFrom,
    subject: mail.subject,
    text: mail.text,
    secret: true,
  });
  await appendAudit(trx, {
    action: "vendor_registration.confirmation_sent",
    targetType: "vendor_registration_confirmation",
    targetId: confirmationId,
    ip: auditIp(ip),
    details: {
      institutionCode: form.institutionCode,
      email: form.email,
      sentTo: institution.email,
      emailMatchesRegistry: sameAsRegistry,
      expiresAt: expiresAt.toISOString(),
    },
  });
}

interface ConfirmationRow extends RegistrationForm {
  id: string;
  sentTo: string;
  expiresAt: Date;
  confirmedAt: Date | null;
  registrationId: string | null;
}

async function findConfirmation(
  db: Db,
  token: string,
  lock: boolean,
): Promise<ConfirmationRow | undefined> {
  if (!EMAILED_TOKEN_FORMAT.test(token)) return undefined;
  return findConfirmationByHash(db, hashToken(token), lock);
}

function invalid(): DomainError {
  return new DomainError("NOT_FOUND", { messageJa: CONFIRMATION_INVALID });
}

function formOf(row: ConfirmationRow): RegistrationForm {
  return {
    facilityName: row.facilityName,
    address: row.address,
    postcode: row.postcode,
    institutionCode: row.institutionCode,
    phone: row.phone,
    email: row.email,
    paymentMethod: row.paymentMethod,
  };
}

export type ConfirmationPage = RegistrationConfirmationOutput;

function pageOf(row: ConfirmationRow): ConfirmationPage {
  return {
    ...formOf(row),
    paymentMethodLabel: PAYMENT_METHOD_LABELS.ja[row.paymentMethod as PaymentMethod],
    state: row.confirmedAt === null ? "pending" : "confirmed",
    expiresAt: row.expiresAt,
    sameAddress: sameAddress(row.email, row.sentTo),
  };
}

/** What the link's page shows before 「登録を確定する」: opening it confirms nothing (mail scanners open links). */
export async function confirmationPage(
  db: Db,
  { token, now }: { token: string; now: Date },
): Promise<ConfirmationPage> {
  const row = await findConfirmation(db, token, false);
  if (row === undefined) throw invalid();
  if (row.confirmedAt === null && row.expiresAt.getTime() <= now.getTime()) throw invalid();
  return pageOf(row);
}

export interface ConfirmedRegistration {
  registration: RegistrationView;
  /** The registered address is the registry's: purchase links can go out without the vendor's check. */
  sameAddress: boolean;
}

/**
 * 「登録を確定する」: the submission behind the token becomes the code's
 * registration, replacing an unconfirmed one. Pressing it twice shows the
 * same result; a code whose registration another confirmation (or the
 * vendor) settled meanwhile is refused and audited.
 */
export async function confirmRegistration(
  db: Db,
  { token, now, ip, config }: { token: string; now: Date; ip: string; config: ApiConfig },
): Promise<ConfirmedRegistration> {
  const outcome = await db.transaction().execute(async (trx) => {
    const row = await findConfirmation(trx, token, true);
    if (row === undefined) throw invalid();
    if (row.confirmedAt !== null && row.registrationId !== null) {
      const registration = await registrationById(trx, row.registrationId);
      return { row, registration: toRegistrationView(registration) };
    }
    if (row.expiresAt.getTime() <= now.getTime()) throw invalid();
    const existing = await lockRegistrationOf(trx, row.institutionCode);
    const registration = await writeConfirmedRegistration(trx, {
      form: formOf(row),
      existing,
      by: { via: "mail", userId: null, ip: auditIp(ip), confirmationId: row.id },
      now,
      config,
    });
    if (registration === null) return { row, registration: null };
    await markConfirmationUsed(trx, row.id, { confirmedAt: now, registrationId: registration.id });
    return { row, registration };
  });
  if (outcome.registration === null) {
    await appendAudit(db, {
      action: "vendor_registration.confirm_refused",
      targetType: "vendor_registration_confirmation",
      targetId: outcome.row.id,
      ip: auditIp(ip),
      details: { institutionCode: outcome.row.institutionCode, reason: "already_vouched" },
    });
    throw new DomainError("INVALID_STATE", { messageJa: ALREADY_CONFIRMED });
  }
  return {
    registration: outcome.registration,
    sameAddress: sameAddress(outcome.row.email, outcome.row.sentTo),
  };
}
