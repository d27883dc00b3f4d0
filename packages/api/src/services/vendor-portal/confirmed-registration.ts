import { appendAudit, type Db, enqueueMail } from "@sos/db";
import { sql } from "kysely";
import type { ApiConfig } from "../../context";
import { registrationConfirmedMail } from "./mails";
import {
  type ConfirmedVia,
  isVouched,
  REGISTRATION_COLUMNS,
  type RegistrationForm,
  type RegistrationView,
  sameAddress,
  toRegistrationView,
} from "./registration-view";

/** Serialises everything that writes the registration of one code (with hashtext(code)). */
const REGISTRATION_CODE_LOCK = 742_302;

/**
 * Locks the code for the rest of the transaction and reads its registration.
 * The advisory lock covers a code nobody registered yet, where no row could be locked.
 */
export async function lockRegistrationOf(
  trx: Db,
  institutionCode: string,
): Promise<Omit<RegistrationView, "paymentMethodLabel"> | undefined> {
  await sql`select pg_advisory_xact_lock(${REGISTRATION_CODE_LOCK}, hashtext(${institutionCode}))`.execute(
    trx,
  );
  return trx
    .selectFrom("vendorRegistrations")
    .select(REGISTRATION_COLUMNS)
    .where("institutionCode", "=", institutionCode)
    .forUpdate()
    .executeTakeFirst();
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
      ? await trx
          .insertInto("vendorRegistrations")
          .values({ ...values, createdAt: now })
          .returning(REGISTRATION_COLUMNS)
          .executeTakeFirstOrThrow()
      : await trx
          .updateTable("vendorRegistrations")
          .set(values)
          .where("id", "=", existing.id)
          .returning(REGISTRATION_COLUMNS)
          .executeTakeFirstOrThrow();

  const revoked =
    existing !== undefined && !sameAddress(existing.email, form.email)
      ? await sql<{ id: string }>`
          update purchase_links pl set revoked_at = ${now}
          from target_items t
          where t.id = pl.target_item_id and t.institution_code = ${form.institutionCode}
            and pl.revoked_at is null
            and not exists (select 1 from orders o where o.target_item_id = t.id)
          returning pl.id`.execute(trx)
      : { rows: [] };

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
      revokedLinkIds: revoked.rows.map((link) => link.id),
    },
  });
  return toRegistrationView(row);
}
