import { prefectureName, ROLE_LABELS } from "@sos/domain";
import type { SignedInUser } from "./signed-in-user";

/** What the user acts as, e.g. 「東京都 都道府県担当者」 or 「販売業者」. */
export function userDetailJa(user: SignedInUser): string {
  const role = ROLE_LABELS.ja[user.role];
  if (user.role === "prefecture" && user.prefectureCode !== null) {
    return `${prefectureName(user.prefectureCode) ?? ""} ${role}`.trim();
  }
  return role;
}
