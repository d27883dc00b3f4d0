import { type AppNavItem, lazyPage } from "@sos/web";
import type { RouteObject } from "react-router";
import { PATHS } from "./paths";

/** The main menu, in the order of the weekly routine. */
export const NAV: readonly AppNavItem[] = [
  { to: PATHS.home, label: "ホーム", end: true },
  { to: PATHS.surveys, label: "週次調査" },
  { to: PATHS.selfCheck, label: "自己チェック" },
  { to: PATHS.requests, label: "緊急配布要請" },
  { to: PATHS.allocation, label: "割当のセット数" },
  { to: PATHS.colleagues, label: "職員の管理", roles: ["institution"] },
  { to: PATHS.delegation, label: "代理入力の許可", roles: ["institution"] },
];

// Each page is its own chunk, fetched on its first visit (see lazyPage).
export const HOME = lazyPage(() => import("./home/home-page"), "HomePage");

export const ROUTES: RouteObject[] = [
  {
    path: PATHS.colleagues,
    ...lazyPage(() => import("./colleagues/colleagues-page"), "ColleaguesPage"),
  },
  {
    path: PATHS.surveys,
    ...lazyPage(() => import("./surveys/survey-list-page"), "SurveyListPage"),
  },
  { path: "/surveys/:surveyId", ...lazyPage(() => import("./surveys/survey-page"), "SurveyPage") },
  {
    path: PATHS.requests,
    ...lazyPage(() => import("./requests/request-list-page"), "RequestListPage"),
  },
  {
    path: PATHS.newRequest,
    ...lazyPage(() => import("./requests/new-request-page"), "NewRequestPage"),
  },
  {
    path: "/requests/:requestId",
    ...lazyPage(() => import("./requests/request-page"), "RequestPage"),
  },
  {
    path: "/requests/:requestId/edit",
    ...lazyPage(() => import("./requests/edit-request-page"), "EditRequestPage"),
  },
  {
    path: PATHS.allocation,
    ...lazyPage(() => import("./allocation/allocation-page"), "AllocationPage"),
  },
  {
    path: PATHS.delegation,
    ...lazyPage(() => import("./delegation/delegation-page"), "DelegationPage"),
  },
];

/** The self-check sheet is for anyone weighing whether to ask, signed in or not. */
export const PUBLIC_ROUTES: RouteObject[] = [
  {
    path: PATHS.selfCheck,
    ...lazyPage(() => import("./self-check/self-check-page"), "SelfCheckPage"),
  },
];
