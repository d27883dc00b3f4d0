import type { SosAppDefinition } from "@sos/web";
import { HOME, NAV, PUBLIC_ROUTES, ROUTES } from "./routes";
import "./institution.css";

/** The institution app as mountSosApp and the screen stories take it. */
export const INSTITUTION_APP: SosAppDefinition = {
  id: "institution",
  home: HOME,
  routes: ROUTES,
  nav: NAV,
  publicRoutes: PUBLIC_ROUTES,
};
