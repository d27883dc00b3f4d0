import { appendAudit, type Db, enqueueMail } from "@sos/db";
import { PAYMENT_METHOD_LABELS, type PaymentMethod, type RegistrationSource } from "@sos/domain";
import { sql } from "kysely";
import { auditIp } from "../../audit-ip";
import type { ApiConfig } from "../../context";
import { DOMAIN_ERRORS, DomainError } from "../../errors";
import type { VendorActor } from "./actor";
import { registrationConfirmedMail } from "./mails";
import { isUniqueViolation } from "./pg-errors";
import { admitRegistrationAttempt } from "./register-throttle";
import { paymentMethodsOf } from "./settings";

/** ①' what a facility enters on the storefront, already normalised by the field schemas. */
export interface RegistrationForm {
  facilityName: string;
  address: string;
  postcode: string;
  institutionCode: string;
  phone: string;
  email: string;
  paymentMethod: PaymentMethod;
}

export interface RegistrationView extends RegistrationForm {
  id: string;
  paymentMethodLabel: string;
  source: RegistrationSource;
  createdAt: Date;
  updatedAt: Date;
}

const PAYMENT_METHOD_UNAVAILABLE =
  "このお支払い方法は現在ご利用いただけません。別の方法を選択してください。";

export function assertPaymentMethodOffered(config: ApiConfig, method: PaymentMethod): void {
  if (!paymentMethodsOf(config).includes(method)) {
    throw new DomainError("INVALID_INPUT", {
      messageJa: PAYMENT_METHOD_UNAVAILABLE,
      fieldErrors: { paymentMethod: [PAYMENT_METHOD_UNAVAILABLE] },
    });
  }
}

function duplicateCode(messageJa: string = DOMAIN_ERRORS.REGISTRATION_DUPLICATE.messageJa) {
  return new DomainError("REGISTRATION_DUPLICATE", {
    messageJa,
    fieldErrors: { institutionCode: [messageJa] },
  });
}

function toView(row: {
  id: string;
  institutionCode: string;
  facilityName: string;
  postcode: string;
  address: string;
  phone: string;
  email: string;
  paymentMethod: PaymentMethod;
  source: RegistrationSource;
  createdAt: Date;
  updatedAt: Date;
}): RegistrationView {
  return { ...row, paymentMethodLabel: PAYMENT_METHOD_LABELS.ja[row.paymentMethod] };
}

const REGISTRATION_COLUMNS = [
  "id",
  "institutionCode",
  "facilityName",
  "postcode",
  "address",
  "phone",
  "email",
  "paymentMethod",
  "source",
  "createdAt",
  "updatedAt",
] as const;

/**
 * ①' a facility registers itself on the storefront. A code that is already
 * registered is refused with the same message whoever holds it, and no mail
 * goes out, so the form tells nobody whose code it is nor where its mail goes.
 */
export async function registerFacility(
  db: Db,
  { form, now, ip, config }: { form: RegistrationForm; now: Date; ip: string; config: ApiConfig },
): Promise<RegistrationView> {
  assertPaymentMethodOffered(config, form.paymentMethod);
  if (!(await admitRegistrationAttempt(db, ip, now))) throw new DomainError("RATE_LIMITED");

  const created = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("vendorRegistrations")
      .values({ ...form, source: "web", createdAt: now, updatedAt: now })
      .onConflict((oc) => oc.column("institutionCode").doNothing())
      .returning(REGISTRATION_COLUMNS)
      .executeTakeFirst();
    if (row === undefined) return null;
    const mail = registrationConfirmedMail(form);
    await enqueueMail(trx, {
      kind: "vendor_registration_confirmed",
      to: form.email,
      from: config.vendorMailFrom,
      subject: mail.subject,
      text: mail.text,
    });
    await appendAudit(trx, {
      action: "vendor_registration.create",
      targetType: "vendor_registration",
      targetId: row.id,
      ip: auditIp(ip),
      details: { source: "web", institutionCode: form.institutionCode },
    });
    return row;
  });

  if (created === null) {
    await appendAudit(db, {
      action: "vendor_registration.duplicate",
      targetType: "institution_code",
      targetId: form.institutionCode,
      ip: auditIp(ip),
    });
    throw duplicateCode();
  }
  return toView(created);
}

export interface RegistrationListQuery {
  /** Start of the code, or part of the facility name / email. */
  search: string | null;
  source: RegistrationSource | null;
  page: number;
  pageSize: number;
}

export interface RegistrationPage {
  items: RegistrationView[];
  total: number;
  page: number;
  pageSize: number;
}

function likePattern(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The vendor's own registrations (its customers), newest first. */
export async function listRegistrations(
  db: Db,
  query: RegistrationListQuery,
): Promise<RegistrationPage> {
  let base = db.selectFrom("vendorRegistrations");
  if (query.source !== null) base = base.where("source", "=", query.source);
  if (query.search !== null) {
    const digits = query.search.replace(/[\s-]/g, "");
    const pattern = `%${likePattern(query.search)}%`;
    base = base.where((eb) =>
      eb.or([
        ...(/^[0-9]+$/.test(digits)
          ? [eb("institutionCode", "like", `${likePattern(digits)}%`)]
          : []),
        eb("facilityName", "ilike", pattern),
        eb("email", "ilike", pattern),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    base
      .select(REGISTRATION_COLUMNS)
      .orderBy("updatedAt", "desc")
      .orderBy("id")
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select(sql<number>`count(*)::int`.as("total")).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map(toView),
    total: count.total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * The vendor corrects a registration (the storefront tells facilities to ask
 * the vendor for changes). The code may change too, e.g. a mistyped digit,
 * but never onto another registration's code.
 */
export async function updateRegistration(
  db: Db,
  {
    id,
    form,
    actor,
    now,
    config,
  }: { id: string; form: RegistrationForm; actor: VendorActor; now: Date; config: ApiConfig },
): Promise<RegistrationView> {
  assertPaymentMethodOffered(config, form.paymentMethod);
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("vendorRegistrations")
      .select(REGISTRATION_COLUMNS)
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (before === undefined) throw new DomainError("NOT_FOUND");
    if (form.institutionCode !== before.institutionCode) {
      const taken = await trx
        .selectFrom("vendorRegistrations")
        .select("id")
        .where("institutionCode", "=", form.institutionCode)
        .executeTakeFirst();
      if (taken !== undefined) {
        throw duplicateCode("この医療機関コードは別の登録で使われています。");
      }
    }
    const changes: Record<string, { from: string; to: string }> = {};
    for (const key of Object.keys(form) as (keyof RegistrationForm)[]) {
      if (before[key] !== form[key]) changes[key] = { from: before[key], to: form[key] };
    }
    if (Object.keys(changes).length === 0) return toView(before);
    const row = await trx
      .updateTable("vendorRegistrations")
      .set({ ...form, updatedAt: now })
      .where("id", "=", id)
      .returning(REGISTRATION_COLUMNS)
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        // Another registration took the code between the check and the update.
        if (isUniqueViolation(error))
          throw duplicateCode("この医療機関コードは別の登録で使われています。");
        throw error;
      });
    await appendAudit(trx, {
      action: "vendor_registration.update",
      actorUserId: actor.userId,
      actorRole: "vendor",
      targetType: "vendor_registration",
      targetId: id,
      ip: actor.ip,
      details: { changes },
    });
    return toView(row);
  });
}
