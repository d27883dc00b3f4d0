import { PAYMENT_METHOD_LABELS, type PaymentMethod, type RegistrationSource } from "@sos/domain";
import { DOMAIN_ERRORS, DomainError } from "../../errors";
import type { RegistrationOutput } from "../../schemas/vendor-portal";

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

export type ConfirmedVia = "mail" | "institution";

export type RegistrationView = RegistrationOutput;

export function toRegistrationView(row: Omit<RegistrationView, "paymentMethodLabel">) {
  return { ...row, paymentMethodLabel: PAYMENT_METHOD_LABELS.ja[row.paymentMethod] };
}

/**
 * Counts as the institution's own: confirmed by it, or the vendor's own customer
 * file. Such a registration is not replaced from the storefront.
 */
export function isVouched(row: { confirmedAt: Date | null; source: RegistrationSource }): boolean {
  return row.confirmedAt !== null || row.source === "import";
}

export function sameAddress(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function duplicateCode(
  messageJa: string = DOMAIN_ERRORS.REGISTRATION_DUPLICATE.messageJa,
): DomainError {
  return new DomainError("REGISTRATION_DUPLICATE", {
    messageJa,
    fieldErrors: { institutionCode: [messageJa] },
  });
}
