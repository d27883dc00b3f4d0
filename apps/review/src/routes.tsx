import type { AppNavItem } from "@sos/web";
import type { ReactNode } from "react";
import type { RouteObject } from "react-router";
import { RequireRole } from "./common/require-role";
import { PATHS } from "./paths";
import { ProgressPage } from "./progress/progress-page";
import { PublicationPage } from "./publication/publication-page";
import { QueuePage } from "./queue/queue-page";
import { RequestPage } from "./requests/request-page";
import { SanctionsPage } from "./sanctions/sanctions-page";
import { TargetBatchPage } from "./target-lists/target-batch-page";
import { TargetListsPage } from "./target-lists/target-lists-page";

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
];

function ministryOnly(title: string, element: ReactNode) {
  return (
    <RequireRole forRole="ministry" title={title}>
      {element}
    </RequireRole>
  );
}

export const ROUTES: RouteObject[] = [
  { path: PATHS.requests, element: <QueuePage /> },
  { path: "/requests/:requestId", element: <RequestPage /> },
  { path: PATHS.progress, element: ministryOnly("進捗状況", <ProgressPage />) },
  { path: PATHS.targetLists, element: ministryOnly("対象医療機関リスト", <TargetListsPage />) },
  {
    path: "/target-lists/:batchId",
    element: ministryOnly("対象医療機関リスト", <TargetBatchPage />),
  },
  { path: PATHS.sanctions, element: ministryOnly("措置", <SanctionsPage />) },
  { path: PATHS.publication, element: ministryOnly("公表用一覧", <PublicationPage />) },
];
