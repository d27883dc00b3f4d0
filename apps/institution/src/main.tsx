import "@sos/ui/styles.css";
import { mountSosApp } from "@sos/web";
import { HomePage } from "./home/home-page";
import { NAV, PUBLIC_ROUTES, ROUTES } from "./routes";
import "./institution.css";

mountSosApp(
  { id: "institution", home: HomePage, routes: ROUTES, nav: NAV, publicRoutes: PUBLIC_ROUTES },
  { basename: import.meta.env.BASE_URL },
);
