import { hashKey, type QueryClient, type QueryKey } from "@tanstack/react-query";
import type { SignedInUser } from "./signed-in-user";

/**
 * Records who is signed in now (`null`: nobody) and drops every other cached answer,
 * which belonged to the previous session — on a shared phone, another person's data.
 * The `auth.me` entry itself is updated in place, so the mounted route guard sees it.
 */
export function replaceSession(
  queryClient: QueryClient,
  meKey: QueryKey,
  user: SignedInUser | null,
): void {
  const meHash = hashKey(meKey);
  queryClient.removeQueries({ predicate: (query) => query.queryHash !== meHash });
  queryClient.setQueryData(meKey, user);
}
