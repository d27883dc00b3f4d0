import type { AppNavItem } from "@sos/web";
import type { RouteObject } from "react-router";
import { PATHS } from "./paths";
import { EditRequestPage } from "./requests/edit-request-page";
import { NewRequestPage } from "./requests/new-request-page";
import { RequestListPage } from "./requests/request-list-page";
import { RequestPage } from "./requests/request-page";
import { SelfCheckPage } from "./self-check/self-check-page";
import { SurveyListPage } from "./surveys/survey-list-page";
import { SurveyPage } from "./surveys/survey-page";

/** The main menu, in the order of the weekly routine. */
export const NAV: readonly AppNavItem[] = [
  { to: PATHS.home, label: "ホーム", end: true },
  { to: PATHS.surveys, label: "週次調査" },
  { to: PATHS.selfCheck, label: "自己チェック" },
  { to: PATHS.requests, label: "緊急配布要請" },
];

export const ROUTES: RouteObject[] = [
  { path: PATHS.surveys, element: <SurveyListPage /> },
  { path: "/surveys/:surveyId", element: <SurveyPage /> },
  { path: PATHS.requests, element: <RequestListPage /> },
  { path: PATHS.newRequest, element: <NewRequestPage /> },
  { path: "/requests/:requestId", element: <RequestPage /> },
  { path: "/requests/:requestId/edit", element: <EditRequestPage /> },
];

/** The self-check sheet is for anyone weighing whether to ask, signed in or not. */
export const PUBLIC_ROUTES: RouteObject[] = [{ path: PATHS.selfCheck, element: <SelfCheckPage /> }];
