import "@sos/ui/styles.css";
import { mountSosApp } from "@sos/web";
import { INSTITUTION_APP } from "./app";

mountSosApp(INSTITUTION_APP, { basename: import.meta.env.BASE_URL });
