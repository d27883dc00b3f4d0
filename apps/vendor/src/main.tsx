import "@sos/ui/styles.css";
import { mountSosApp } from "@sos/web";
import { HomePage } from "./home/home-page";
import { NAV, PUBLIC_ROUTES, ROUTES } from "./routes";
import { STOREFRONT_NAME } from "./storefront/storefront-title";
import "./vendor.css";

mountSosApp(
  {
    id: "vendor",
    home: HomePage,
    routes: ROUTES,
    nav: NAV,
    publicRoutes: PUBLIC_ROUTES,
    // Facilities use the storefront without an account: no sign-in offered there.
    publicFrame: { appTitle: STOREFRONT_NAME, signInPrompt: false },
  },
  { basename: import.meta.env.BASE_URL },
);
