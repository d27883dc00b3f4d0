import type { AppRouter } from "@sos/api";
import type { inferRouterOutputs } from "@trpc/server";
import { createContext, useContext } from "react";

/** Exactly what `auth.me` returns for a signed-in user. */
export type SignedInUser = NonNullable<inferRouterOutputs<AppRouter>["auth"]["me"]>;

export const SignedInUserContext = createContext<SignedInUser | null>(null);

/** The user the route guard let through; only valid inside the signed-in pages. */
export function useSignedInUser(): SignedInUser {
  const user = useContext(SignedInUserContext);
  if (user === null) throw new Error("useSignedInUser is used outside the signed-in routes");
  return user;
}

/**
 * The signed-in user of this app, or null: for the public pages, which work both ways
 * (signed out, or signed in as a user of another app, they get null).
 */
export function useOptionalSignedInUser(): SignedInUser | null {
  return useContext(SignedInUserContext);
}
