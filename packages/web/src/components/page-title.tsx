import { useSosApp } from "../app-definition";
import { APP_NAMES_JA, SERVICE_NAME } from "../apps";

/** The tab's title, page first so it is what a screen reader and a crowded tab bar show. */
export function PageTitle({ children }: { children: string }) {
  const app = useSosApp();
  // React 19 hoists <title> into <head>.
  return <title>{`${children} | ${APP_NAMES_JA[app.id]} | ${SERVICE_NAME}`}</title>;
}
