import type { SessionUser } from "@sos/auth";
import { appendAudit, type Db } from "@sos/db";
import {
  codeIsRegistered,
  findRegistrations,
  insertRegistrationId,
  institutionDetailsForRegistration,
  lockRegistration,
  updateRegistrationReturning,
} from "@sos/db/repositories/registration";
import type { PaymentMethod, RegistrationSource } from "@sos/domain";
import { auditIp } from "../../audit-ip";
import type { ApiConfig } from "../../context";
import { DomainError } from "../../errors";
import type { RegistrationsOutput } from "../../schemas/vendor-portal";
import type { VendorActor } from "./actor";
import { lockRegistrationOf, writeConfirmedRegistration } from "./confirmed-registration";
import { isUniqueViolation } from "./pg-errors";
import { admitRegistrationAttempt } from "./register-throttle";
import { REGISTRATION_CONFIRMATION_TTL_MS, requestConfirmation } from "./registration-confirmation";
import {
  duplicateCode,
  isVouched,
  type RegistrationForm,
  type RegistrationView,
  toRegistrationView,
} from "./registration-view";
import { paymentMethodsOf } from "./settings";

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

/** The institution a signed-in institution user acts for, as the storefront may prefill it. */
export interface SignedInInstitution {
  institutionCode: string;
  facilityName: string;
  postcode: string;
  address: string;
  phone: string;
  email: string;
}

export async function signedInInstitutionOf(
  db: Db,
  user: SessionUser | null,
): Promise<SignedInInstitution | null> {
  if (user === null || user.role !== "institution" || user.institutionId === null) return null;
  return (await institutionDetailsForRegistration(db, user.institutionId)) ?? null;
}

export type RegistrationOutcome =
  /** Registered by the institution itself (signed in): settled now. */
  | { status: "registered"; registration: RegistrationView }
  /** Anonymous: waits for the link mailed to the registry address (the form says no more). */
  | { status: "confirmation_sent"; form: RegistrationForm; submittedAt: Date; confirmBy: Date };

/**
 * ①' a facility registers on the storefront. Signed in to the institution app
 * as the institution of the code, the registration is the institution's at
 * once. Anyone else's submission waits for the one-time link mailed to the
 * address the ministry's registry holds for the code, and until then is at
 * most an unconfirmed registration the vendor holds as 要確認: it never
 * receives a purchase link, and a confirmed submission replaces it. A code
 * whose registration is already the institution's own is refused with the
 * same message whoever asks, and no mail goes out.
 */
export async function registerFacility(
  db: Db,
  {
    form,
    now,
    ip,
    config,
    user,
  }: {
    form: RegistrationForm;
    now: Date;
    ip: string;
    config: ApiConfig;
    user: SessionUser | null;
  },
): Promise<RegistrationOutcome> {
  assertPaymentMethodOffered(config, form.paymentMethod);
  if (!(await admitRegistrationAttempt(db, ip, now))) throw new DomainError("RATE_LIMITED");
  const own = await signedInInstitutionOf(db, user);
  const byInstitution = own !== null && own.institutionCode === form.institutionCode;

  const outcome = await db.transaction().execute(async (trx) => {
    const existing = await lockRegistrationOf(trx, form.institutionCode);
    if (existing !== undefined && isVouched(existing)) return null;
    if (byInstitution) {
      const registration = await writeConfirmedRegistration(trx, {
        form,
        existing,
        by: { via: "institution", userId: user?.id ?? null, ip: auditIp(ip), confirmationId: null },
        now,
        config,
      });
      return registration === null ? null : ({ status: "registered", registration } as const);
    }
    if (existing === undefined) {
      // Shown to the vendor as 要確認 until confirmed; never sent a purchase link as it is.
      const id = await insertRegistrationId(trx, {
        ...form,
        source: "web",
        createdAt: now,
        updatedAt: now,
      });
      await appendAudit(trx, {
        action: "vendor_registration.create",
        targetType: "vendor_registration",
        targetId: id,
        ip: auditIp(ip),
        details: {
          source: "web",
          confirmed: false,
          institutionCode: form.institutionCode,
          email: form.email,
        },
      });
    }
    await requestConfirmation(trx, { form, now, ip, config });
    return {
      status: "confirmation_sent",
      form,
      submittedAt: now,
      confirmBy: new Date(now.getTime() + REGISTRATION_CONFIRMATION_TTL_MS),
    } as const;
  });

  if (outcome === null) {
    await appendAudit(db, {
      action: "vendor_registration.duplicate",
      actorUserId: byInstitution ? (user?.id ?? null) : null,
      targetType: "institution_code",
      targetId: form.institutionCode,
      ip: auditIp(ip),
    });
    throw duplicateCode();
  }
  return outcome;
}

export interface RegistrationListQuery {
  /** Start of the code, or part of the facility name / email. */
  search: string | null;
  source: RegistrationSource | null;
  page: number;
  pageSize: number;
}

export type RegistrationPage = RegistrationsOutput;

/** The vendor's own registrations (its customers), newest first. */
export async function listRegistrations(
  db: Db,
  query: RegistrationListQuery,
): Promise<RegistrationPage> {
  const { rows, total } = await findRegistrations(db, query, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    items: rows.map(toRegistrationView),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * The vendor corrects a registration (the storefront tells facilities to ask
 * the vendor for changes). The code may change too, e.g. a mistyped digit,
 * but never onto another registration's code; the institution's confirmation
 * was for the old code, so it does not carry over to the new one.
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
    const before = await lockRegistration(trx, id);
    if (before === undefined) throw new DomainError("NOT_FOUND");
    if (form.institutionCode !== before.institutionCode) {
      if (await codeIsRegistered(trx, form.institutionCode)) {
        throw duplicateCode("この医療機関コードは別の登録で使われています。");
      }
    }
    const changes: Record<string, { from: string; to: string }> = {};
    for (const key of Object.keys(form) as (keyof RegistrationForm)[]) {
      if (before[key] !== form[key]) changes[key] = { from: before[key], to: form[key] };
    }
    if (Object.keys(changes).length === 0) return toRegistrationView(before);
    const recoded = form.institutionCode !== before.institutionCode;
    const row = await updateRegistrationReturning(trx, id, {
      ...form,
      updatedAt: now,
      ...(recoded ? { confirmedAt: null, confirmedVia: null } : {}),
    }).catch((error: unknown) => {
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
      details: { changes, confirmationCleared: recoded && before.confirmedAt !== null },
    });
    return toRegistrationView(row);
  });
}
