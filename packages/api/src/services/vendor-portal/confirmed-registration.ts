import { appendAudit, type Db, enqueueMail } from "@sos/db";
import { revokeLiveLinksOfCode } from "@sos/db/repositories/purchase-link";
import {
  insertRegistration,
  lockRegistrationOfCode,
  updateRegistrationReturning,
} from "@sos/db/repositories/registration";
import type { ApiConfig } from "../../context";
import { registrationConfirmedMail } from "./mails";
import {
  type ConfirmedVia,
  isVouched,
  type RegistrationForm,
  type RegistrationView,
  sameAddress,
  toRegistrationView,
} from "./registration-view";

/** Serialises everything that writes the registration of one code (with hashtext(code)). */

/**
 * Locks the code for the rest of the transaction and reads its registration.
 * The advisory lock covers a code nobody registered yet, where no row could be locked.
 */
export async function lockRegistrationOf(
  trx: Db,
  institutionCode: string,
): Promise<Omit<RegistrationView, "paymentMethodLabel"> | undefined> {
  return lockRegistrationOfCode(trx, institutionCode);
}

export interface ConfirmedBy {
  via: ConfirmedVia;
  /** The institution user who registered while signed in. */
  userId: string | null;
  ip: string | null;
  /** The storefront submission whose link was opened. */
  confirmationId: string | null;
}

/**
 * Makes `form` the code's registration, confirmed by the institution, inside the
 * caller's transaction (after lockRegistrationOf). An unconfirmed registration
 * of the code — typed by anyone — is replaced; a vouched one is left alone and
 * null is returned, so the caller refuses after the rollback and can audit that.
 *
 * Links mailed to the replaced registration's address before this check existed
 * are revoked: they went to an address nobody vouched for.
 */
export async function writeConfirmedRegistration(
  trx: Db,
  {
    form,
    existing,
    by,
    now,
    config,
  }: {
    form: RegistrationForm;
    existing: Omit<RegistrationView, "paymentMethodLabel"> | undefined;
    by: ConfirmedBy;
    now: Date;
    config: ApiConfig;
  },
): Promise<RegistrationView | null> {
  if (existing !== undefined && isVouched(existing)) return null;
  const values = {
    ...form,
    source: "web" as const,
    confirmedAt: now,
    confirmedVia: by.via,
    updatedAt: now,
  };
  const row =
    existing === undefined
      ? await insertRegistration(trx, { ...values, createdAt: now })
      : await updateRegistrationReturning(trx, existing.id, values);

  const revokedLinkIds =
    existing !== undefined && !sameAddress(existing.email, form.email)
      ? await revokeLiveLinksOfCode(trx, form.institutionCode, now)
      : [];

  const mail = registrationConfirmedMail(form);
  await enqueueMail(trx, {
    kind: "vendor_registration_confirmed",
    to: form.email,
    from: config.vendorMailFrom,
    subject: mail.subject,
    text: mail.text,
  });
  await appendAudit(trx, {
    action: "vendor_registration.confirm",
    actorUserId: by.userId,
    actorRole: by.userId === null ? null : "institution",
    targetType: "vendor_registration",
    targetId: row.id,
    ip: by.ip,
    details: {
      via: by.via,
      confirmationId: by.confirmationId,
      institutionCode: form.institutionCode,
      email: form.email,
      // What an unconfirmed registration said before it was replaced.
      superseded:
        existing === undefined
          ? null
          : { email: existing.email, facilityName: existing.facilityName, source: existing.source },
      revokedLinkIds,
    },
  });
  return toRegistrationView(row);
}
