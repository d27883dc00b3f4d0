import type { SosAppDefinition } from "@sos/web";
import { HOME, NAV, ROUTES } from "./routes";
import "./review.css";

/** The review console (prefecture officers and the ministry) as mountSosApp and the screen stories take it. */
export const REVIEW_APP: SosAppDefinition = {
  id: "review",
  home: HOME,
  routes: ROUTES,
  nav: NAV,
};
