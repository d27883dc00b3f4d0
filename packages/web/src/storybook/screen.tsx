import { useState, useSyncExternalStore } from "react";
import { createMemoryRouter, type InitialEntry } from "react-router";
import { RouterProvider } from "react-router/dom";
import { SosAppContext, type SosAppDefinition, toAppContext } from "../app-definition";
import { SosProviders } from "../providers";
import { createSosRoutes } from "../routes";
import type { SignedInUser } from "../session/signed-in-user";
import { type ApiFixtures, createFixtureClient, type FixtureCall } from "./fixture-client";
import "../web.css";

export interface ScreenProps {
  /** The app whose routes, menu and frame render the screen, as mountSosApp gets it. */
  app: SosAppDefinition;
  /**
   * The in-app URL to open, e.g. "/requests/…" (the app's basename left out), or a
   * history entry with state, as a redirect leaves it.
   */
  path: InitialEntry;
  /** Who `auth.me` says is signed in; null for a visitor. */
  user: SignedInUser | null;
  /** The rest of the server's answers. */
  api?: ApiFixtures;
  /** Receives every call the screen makes, so a play function can check the writes. */
  calls?: FixtureCall[];
}

/**
 * One screen of an app exactly as it runs (route guard, frame, menu, page, queries),
 * with the server replaced by fixtures: the page-level stories are built from this.
 */
export function Screen({ app, path, user, api = {}, calls }: ScreenProps) {
  const [client] = useState(() =>
    createFixtureClient(
      {
        ...api,
        auth: {
          me: () => user,
          // No idle end to warn of unless a story says so (the idle warning's own stories).
          // Only a signed-in frame asks, so a story that signs in is answered as signed in.
          session: () => ({ idleExpiresInMs: null, expiresInMs: 43_200_000 }),
          ...api.auth,
        },
        // Every frame asks whether the ministry's maintenance mode is on.
        operations: { readOnlyStatus: () => ({ readOnly: false, since: null }), ...api.operations },
      },
      calls,
    ),
  );
  const [router] = useState(() =>
    createMemoryRouter(createSosRoutes(app), { initialEntries: [path] }),
  );
  // The pages are lazy routes: the screen appears once its page's code is in, so a
  // story's checks meet the page, never the "loading" line before it.
  const pageLoaded = useSyncExternalStore(
    (onChange) => router.subscribe(onChange),
    () => router.state.initialized,
  );
  return (
    <SosAppContext value={toAppContext(app)}>
      <SosProviders apiClient={client}>
        {pageLoaded && <RouterProvider router={router} />}
      </SosProviders>
    </SosAppContext>
  );
}
