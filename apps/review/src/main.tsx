import "@sos/ui/styles.css";
import { mountSosApp } from "@sos/web";
import { REVIEW_APP } from "./app";

mountSosApp(REVIEW_APP, { basename: import.meta.env.BASE_URL });
