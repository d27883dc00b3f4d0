import type { Role } from "@sos/domain";
import { type ComponentType, createContext, useContext } from "react";
import type { RouteObject } from "react-router";
import { type AppId, rolesOfApp } from "./apps";
import type { SignedInUser } from "./session/signed-in-user";

/** One entry of the app's main menu (the AppShell's navigation). */
export interface AppNavItem {
  /** An in-app path, e.g. "/surveys"; the basename is added by the router. */
  to: string;
  label: string;
  /**
   * Current only on exactly this path; otherwise also on the pages under it
   * (「週次調査」 stays current on /surveys/123). Set it for "/".
   */
  end?: boolean;
  /**
   * Shown only to users of these roles (an app shared by two roles, each with its own
   * pages); to every user of the app when absent.
   */
  roles?: readonly Role[];
  /**
   * Shown only to those of them this allows: a menu that depends on more than the
   * role (a prefecture's lead officer sees the account pages, other officers do not).
   * Only hides the entry; the API refuses on its own.
   */
  visibleTo?: (user: SignedInUser) => boolean;
}

/**
 * A page whose code is fetched the first time it is shown (React Router's `lazy`), so
 * an app's first load carries its frame and not every screen; see lazyPage.
 */
export interface LazyPage {
  lazy: () => Promise<{ Component: ComponentType }>;
}

/** What makes one app different from the other two; everything else is shared. */
export interface SosAppDefinition {
  id: AppId;
  /** The signed-in landing page (route "/"), as a component or fetched on first visit. */
  home: ComponentType | LazyPage;
  /** Further signed-in pages, rendered inside the app shell behind the guard. */
  routes?: RouteObject[];
  /** The main menu of the signed-in pages; none when absent. */
  nav?: readonly AppNavItem[];
  /**
   * Pages that also work signed out (e.g. the self-check sheet). A signed-in user of
   * this app gets them inside the app shell with the menu, like any other page;
   * anyone else gets them in a plain frame with a way to sign in.
   * useOptionalSignedInUser() tells the page which it is.
   */
  publicRoutes?: RouteObject[];
  /** How the public pages look to a visitor who is not a user of this app. */
  publicFrame?: PublicFrame;
  /** The signed-in pages are mostly tables: the frame runs wider (AppShell wide). */
  wide?: boolean;
}

/**
 * The vendor's storefront serves facilities that never sign in: its pages name the
 * shop rather than the back office and do not offer a sign-in.
 */
export interface PublicFrame {
  /** Replaces the app's name in the header (e.g. 「医療用手袋 購入サイト」). */
  appTitle?: string;
  /** The 「ログインしていません。ログインする」 bar; shown unless false. */
  signInPrompt?: boolean;
}

export interface SosAppContextValue extends SosAppDefinition {
  roles: readonly Role[];
}

export const SosAppContext = createContext<SosAppContextValue | null>(null);

export function toAppContext(definition: SosAppDefinition): SosAppContextValue {
  return { ...definition, roles: rolesOfApp(definition.id) };
}

export function useSosApp(): SosAppContextValue {
  const app = useContext(SosAppContext);
  if (app === null) throw new Error("useSosApp is used outside SosAppContext");
  return app;
}
