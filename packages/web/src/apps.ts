import type { Role } from "@sos/domain";

/** The three browser apps; each is served by apps/server under `/<id>/`. */
export const APP_IDS = ["institution", "review", "vendor"] as const;
export type AppId = (typeof APP_IDS)[number];

/** Product name, as @sos/ui's AppShell and the mails write it. */
export const SERVICE_NAME = "SOS Supply";
/**
 * Who answers when the product cannot help itself (a forgotten user name): a message that
 * says 「事務局までお問い合わせください」 must say how. The ministry's main line, which
 * forwards to the office running the scheme.
 */
export const SUPPORT_CONTACT_JA = {
  name: "SOS Supply 事務局（厚生労働省 医政局）",
  phone: "03-5253-1111",
  hours: "平日 9:30〜18:15",
} as const;

/** What the product is, for page titles and the signed-out pages. */
export const SERVICE_DESCRIPTION_JA = "医療用手袋の緊急配布";

export const APP_NAMES_JA: Readonly<Record<AppId, string>> = {
  institution: "医療機関向け",
  review: "都道府県・国向け",
  vendor: "販売業者向け",
};

/** Which app a role works in: prefecture and ministry officers share the review app. */
export const APP_OF_ROLE: Readonly<Record<Role, AppId>> = {
  institution: "institution",
  prefecture: "review",
  ministry: "review",
  vendor: "vendor",
  // A delegate (医師会, 法人本部) enters in the institution app for the institutions that consented.
  delegate: "institution",
};

export function rolesOfApp(app: AppId): readonly Role[] {
  return (Object.keys(APP_OF_ROLE) as Role[]).filter((role) => APP_OF_ROLE[role] === app);
}

/** Root URL of an app on the shared origin (the apps link to each other, not via the router). */
export function appHref(app: AppId): string {
  return `/${app}/`;
}
