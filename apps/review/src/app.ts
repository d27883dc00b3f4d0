import type { SosAppDefinition } from "@sos/web";
import { HomePage } from "./home/home-page";
import { NAV, ROUTES } from "./routes";
import "./review.css";

/** The review console (prefecture officers and the ministry) as mountSosApp and the screen stories take it. */
export const REVIEW_APP: SosAppDefinition = {
  id: "review",
  home: HomePage,
  routes: ROUTES,
  nav: NAV,
};
