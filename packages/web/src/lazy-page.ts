import type { ComponentType } from "react";
import type { LazyPage } from "./app-definition";

const declaredPages = new Set<() => Promise<unknown>>();

/**
 * A route's page loaded from its own chunk the first time it is shown:
 * `{ path: "/orders", ...lazyPage(() => import("./orders/orders-page"), "OrdersPage") }`.
 * The router fetches it before it leaves the current page, so nothing flashes empty.
 */
export function lazyPage<Name extends string, Module extends Record<Name, ComponentType>>(
  load: () => Promise<Module>,
  name: Name,
): LazyPage {
  declaredPages.add(load);
  return { lazy: async () => ({ Component: (await load())[name] }) };
}

export function isLazyPage(page: ComponentType | LazyPage): page is LazyPage {
  return typeof page === "object" && "lazy" in page;
}

/**
 * Fetches the code of every page declared so far. Storybook awaits it before a story
 * renders (a loader), so a story that moves to another page never waits on the dev
 * server compiling that page; the apps themselves never call it.
 */
export async function preloadDeclaredPages(): Promise<void> {
  await Promise.all([...declaredPages].map((load) => load()));
}
