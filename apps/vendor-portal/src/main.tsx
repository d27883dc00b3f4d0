import "@sos/ui/styles.css";
import { mountSosApp } from "@sos/web";
import { VENDOR_APP } from "./app";

mountSosApp(VENDOR_APP, { basename: import.meta.env.BASE_URL });
