import "@sos/ui/styles.css";
import { mountSosApp } from "@sos/web";
import { HomePage } from "./home/home-page";
import { NAV, ROUTES } from "./routes";
import "./review.css";

mountSosApp(
  { id: "review", home: HomePage, routes: ROUTES, nav: NAV },
  {
    basename: import.meta.env.BASE_URL,
  },
);
