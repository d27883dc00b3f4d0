import { manageScopeOf } from "@sos/rules";
import { type AppNavItem, type LazyPage, lazyPage, type SignedInUser } from "@sos/web";
import type { RouteObject } from "react-router";
import { RequireRole } from "./common/require-role";
import { PATHS } from "./paths";

/**
 * The main menu: the same console for both roles, each with its own work. The
 * prefecture checks its requests; the ministry approves, hands the list to the
 * vendor, and keeps the sanctions and the publication.
 */
export const NAV: readonly AppNavItem[] = [
  { to: PATHS.home, label: "ホーム", end: true },
  { to: PATHS.requests, label: "確認待ちの要請", roles: ["prefecture"] },
  { to: PATHS.requests, label: "要請の確認・承認", roles: ["ministry"] },
  { to: PATHS.progress, label: "進捗状況", roles: ["ministry"] },
  { to: PATHS.targetLists, label: "対象医療機関リスト", roles: ["ministry"] },
  { to: PATHS.sanctions, label: "措置", roles: ["ministry"] },
  { to: PATHS.publication, label: "公表用一覧", roles: ["ministry"] },
  { to: PATHS.allocation, label: "供給不足時の割当", roles: ["ministry"] },
  { to: PATHS.registry, label: "医療機関名簿", roles: ["ministry"] },
  { to: PATHS.invitations, label: "医療機関の招待", roles: ["ministry"] },
  { to: PATHS.undeliverableInvitations, label: "招待の不達", roles: ["prefecture"] },
  {
    to: PATHS.accounts,
    label: "アカウント管理",
    roles: ["ministry", "prefecture"],
    visibleTo: managesAccounts,
    end: true,
  },
  {
    to: PATHS.permissions,
    label: "権限の一覧",
    roles: ["ministry", "prefecture"],
    visibleTo: managesAccounts,
  },
];

/**
 * The ministry, and a prefecture's lead officer (for its own officers), as the
 * account policy says; the accounts router asks the database again on each call.
 */
function managesAccounts(user: SignedInUser): boolean {
  return manageScopeOf(user).kind !== "none";
}

/** A ministry page: anyone else reaching the address gets RequireRole's explanation. */
function ministryOnly(title: string, page: LazyPage): Pick<RouteObject, "lazy"> {
  return roleOnly("ministry", title, page);
}

function roleOnly(
  forRole: "ministry" | "prefecture",
  title: string,
  page: LazyPage,
): Pick<RouteObject, "lazy"> {
  return {
    lazy: async () => {
      const { Component: Page } = await page.lazy();
      return {
        element: (
          <RequireRole forRole={forRole} title={title}>
            <Page />
          </RequireRole>
        ),
      };
    },
  };
}

// Each page is its own chunk, fetched on its first visit (see lazyPage).
export const HOME = lazyPage(() => import("./home/home-page"), "HomePage");

export const ROUTES: RouteObject[] = [
  {
    path: PATHS.accounts,
    ...lazyPage(() => import("./accounts/accounts-page"), "AccountsPage"),
  },
  {
    path: PATHS.permissions,
    ...lazyPage(() => import("./accounts/permissions-page"), "PermissionsPage"),
  },
  { path: PATHS.requests, ...lazyPage(() => import("./queue/queue-page"), "QueuePage") },
  {
    path: "/requests/:requestId",
    ...lazyPage(() => import("./requests/request-page"), "RequestPage"),
  },
  {
    path: PATHS.progress,
    ...ministryOnly(
      "進捗状況",
      lazyPage(() => import("./progress/progress-page"), "ProgressPage"),
    ),
  },
  {
    path: PATHS.targetLists,
    ...ministryOnly(
      "対象医療機関リスト",
      lazyPage(() => import("./target-lists/target-lists-page"), "TargetListsPage"),
    ),
  },
  {
    path: "/target-lists/:batchId",
    ...ministryOnly(
      "対象医療機関リスト",
      lazyPage(() => import("./target-lists/target-batch-page"), "TargetBatchPage"),
    ),
  },
  {
    path: PATHS.sanctions,
    ...ministryOnly(
      "措置",
      lazyPage(() => import("./sanctions/sanctions-page"), "SanctionsPage"),
    ),
  },
  {
    path: PATHS.registry,
    ...ministryOnly(
      "医療機関名簿の取り込み",
      lazyPage(() => import("./registry/registry-page"), "RegistryImportPage"),
    ),
  },
  {
    path: PATHS.publication,
    ...ministryOnly(
      "公表用一覧",
      lazyPage(() => import("./publication/publication-page"), "PublicationPage"),
    ),
  },
  {
    path: PATHS.allocation,
    ...ministryOnly(
      "供給不足時の割当",
      lazyPage(() => import("./allocation/allocation-page"), "AllocationPage"),
    ),
  },
  {
    path: PATHS.invitations,
    ...ministryOnly(
      "医療機関の招待",
      lazyPage(() => import("./invitations/invitations-page"), "InvitationsPage"),
    ),
  },
  {
    path: PATHS.undeliverableInvitations,
    ...roleOnly(
      "prefecture",
      "招待メールが届かなかった医療機関",
      lazyPage(() => import("./invitations/undeliverable-page"), "UndeliverablePage"),
    ),
  },
];

/** The public page (公開情報): anyone, signed in or not (issue 17). */
export const PUBLIC_ROUTES: RouteObject[] = [
  {
    path: PATHS.openData,
    ...lazyPage(() => import("./open-data/open-data-page"), "OpenDataPage"),
  },
];
