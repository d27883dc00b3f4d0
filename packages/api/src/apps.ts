import type { Role } from "@sos/domain";

export const APP_NAMES = ["institution", "review", "vendor"] as const;
export type AppName = (typeof APP_NAMES)[number];

/**
 * Each app's folder under apps/. The vendor's is not named `vendor/`: tools such as GitHub's
 * linguist and duplicate-code finders take a folder of that name for third-party code.
 */
export const APP_FOLDERS: Readonly<Record<AppName, string>> = {
  institution: "institution",
  review: "review",
  vendor: "vendor-portal",
};

/** Which of the three apps each role signs in to. */
export const APP_BY_ROLE: Readonly<Record<Role, AppName>> = {
  institution: "institution",
  prefecture: "review",
  ministry: "review",
  vendor: "vendor",
  delegate: "institution",
};

/** "https://host/base" + "/review", whatever trailing slash the configured base has. */
export function appBaseUrl(publicBaseUrl: string, role: Role): string {
  return `${publicBaseUrl.replace(/\/+$/, "")}/${APP_BY_ROLE[role]}`;
}
