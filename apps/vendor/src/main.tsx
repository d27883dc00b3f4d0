import "@sos/ui/styles.css";
import { mountSosApp } from "@sos/web";
import { HomePage } from "./home-page";

mountSosApp({ id: "vendor", home: HomePage }, { basename: import.meta.env.BASE_URL });
