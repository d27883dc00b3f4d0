import type { Role } from "@sos/domain";
import { type ComponentType, createContext, useContext } from "react";
import type { RouteObject } from "react-router";
import { type AppId, rolesOfApp } from "./apps";

/** What makes one app different from the other two; everything else is shared. */
export interface SosAppDefinition {
  id: AppId;
  /** The signed-in landing page (route "/"). */
  home: ComponentType;
  /** Further signed-in pages, rendered inside the app shell behind the guard. */
  routes?: RouteObject[];
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
