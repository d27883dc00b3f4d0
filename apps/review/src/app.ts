import type { SosAppDefinition } from "@sos/web";
import { HOME, NAV, PUBLIC_ROUTES, ROUTES } from "./routes";
import "./review.css";

/** The review console (prefecture officers and the ministry) as mountSosApp and the screen stories take it. */
export const REVIEW_APP: SosAppDefinition = {
  id: "review",
  home: HOME,
  routes: ROUTES,
  nav: NAV,
  publicRoutes: PUBLIC_ROUTES,
  // The public page is read by anyone: it names the page, and offers no sign-in.
  publicFrame: { appTitle: "公開情報（医療用手袋の緊急配布）", signInPrompt: false },
};
