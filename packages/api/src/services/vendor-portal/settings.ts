import { formatJaDateTime, PAYMENT_METHODS, type PaymentMethod } from "@sos/domain";
import { addDaysYmd, tokyoDate, tokyoTime } from "@sos/rules";
import type { ApiConfig } from "../../context";
import { DomainError } from "../../errors";

/** Days a purchase link stays valid when no fixed end of sale is configured. */
export const DEFAULT_PURCHASE_LINK_TTL_DAYS = 14;

const LAST_MINUTE_MS = 59_999;

/** The storefront's payment methods in display order; every method when none is configured. */
export function paymentMethodsOf(config: ApiConfig): readonly PaymentMethod[] {
  const configured = config.paymentMethods;
  return configured !== undefined && configured.length > 0 ? configured : PAYMENT_METHODS;
}

/**
 * When a link sent now expires: the configured end of sale, or the last minute
 * (23:59 Tokyo) of the day `ttlDays` after today, which reads naturally in the
 * mail (「12月16日（水）23:59まで」). A configured end already past refuses the
 * send: a link that is dead on arrival only produces calls to the vendor.
 */
export function purchaseLinkExpiry(config: ApiConfig, now: Date): Date {
  const fixed = config.purchaseLinks?.expiresAt ?? null;
  if (fixed !== null) {
    if (fixed.getTime() <= now.getTime()) {
      throw new DomainError("INVALID_STATE", {
        messageJa: `購入リンクの有効期限として設定された日時（${formatJaDateTime(fixed)}）を過ぎているため、リンクを送信できません。システム管理者に有効期限の設定を確認してください。`,
      });
    }
    return fixed;
  }
  const days = config.purchaseLinks?.ttlDays ?? DEFAULT_PURCHASE_LINK_TTL_DAYS;
  const lastDay = addDaysYmd(tokyoDate(now), days);
  return new Date(tokyoTime(lastDay, 23, 59).getTime() + LAST_MINUTE_MS);
}
