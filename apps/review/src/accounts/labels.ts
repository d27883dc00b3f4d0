import { formatJaDateTime } from "@sos/ui";
import type { Account } from "../api-types";

export const ACCOUNT_STATUS_LABELS: Readonly<Record<Account["status"], string>> = {
  active: "利用中",
  disabled: "利用停止",
  removed: "削除済み",
};

/** Where the person may act (the screens' 「権限」). */
export function roleAndPlace(person: Account): string {
  if (person.role === "ministry") return "国（厚生労働省）・全国";
  if (person.role === "vendor") return "販売業者";
  if (person.role === "institution") return `医療機関・${person.institution?.name ?? ""}`;
  const place = person.prefecture?.name ?? "";
  return person.leadOfficer ? `${place}の担当者（主担当）` : `${place}の担当者`;
}

/** Whom the person manages, as the account policy's scopes say. */
export const MANAGES_LABELS: Readonly<Record<Account["manages"], string>> = {
  none: "なし",
  institution: "自施設の職員",
  prefecture: "自都道府県の担当者",
  ministry: "都道府県担当者・販売業者",
};

export function lastSignIn(person: Account): string {
  return person.lastSignInAt === null
    ? "記録なし"
    : formatJaDateTime(new Date(person.lastSignInAt));
}
