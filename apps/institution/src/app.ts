import type { SosAppDefinition } from "@sos/web";
import { HomePage } from "./home/home-page";
import { NAV, PUBLIC_ROUTES, ROUTES } from "./routes";
import "./institution.css";

/** The institution app as mountSosApp and the screen stories take it. */
export const INSTITUTION_APP: SosAppDefinition = {
  id: "institution",
  home: HomePage,
  routes: ROUTES,
  nav: NAV,
  publicRoutes: PUBLIC_ROUTES,
};
