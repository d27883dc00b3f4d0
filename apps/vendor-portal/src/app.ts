import type { SosAppDefinition } from "@sos/web";
import { HOME, NAV, PUBLIC_ROUTES, ROUTES } from "./routes";
import { STOREFRONT_NAME } from "./storefront/storefront-title";
import "./vendor.css";

/** The vendor's back office and storefront as mountSosApp and the screen stories take it. */
export const VENDOR_APP: SosAppDefinition = {
  id: "vendor",
  home: HOME,
  routes: ROUTES,
  nav: NAV,
  publicRoutes: PUBLIC_ROUTES,
  // Facilities use the storefront without an account: no sign-in offered there.
  publicFrame: { appTitle: STOREFRONT_NAME, signInPrompt: false },
  // Lists, registrations and orders are tables: 60rem broke their cells mid-word.
  wide: true,
};
