import { SERVICE_NAME } from "@sos/web";

/** The storefront's own name, in the header and the tab title of its public pages. */
export const STOREFRONT_NAME = "医療用手袋 購入サイト";

/** The tab title of a storefront page (React 19 hoists <title> into <head>). */
export function StorefrontTitle({ children }: { children: string }) {
  return <title>{`${children} | ${STOREFRONT_NAME} | ${SERVICE_NAME}`}</title>;
}
