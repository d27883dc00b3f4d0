import { render } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { createMemoryRouter } from "react-router";
import { RouterProvider } from "react-router/dom";
import { SosAppContext, type SosAppDefinition, toAppContext } from "../src/app-definition";
import type { AppId } from "../src/apps";
import { SosProviders } from "../src/providers";
import { createSosRoutes } from "../src/routes";
import { createApiClient } from "../src/trpc";
import type { FakeApi } from "./fake-api";

/** One app, as mountSosApp assembles it, on an in-memory router and the fake API. */
export function renderApp({
  api,
  app = "institution",
  home,
  path = "/",
  pages = {},
}: {
  api: FakeApi;
  app?: AppId;
  home: SosAppDefinition["home"];
  path?: string;
  /** The app's further pages and menu (routes, nav, publicRoutes). */
  pages?: Omit<SosAppDefinition, "id" | "home">;
}) {
  const definition: SosAppDefinition = { id: app, home, ...pages };
  const router = createMemoryRouter(createSosRoutes(definition), { initialEntries: [path] });
  const user = userEvent.setup();
  render(
    <SosAppContext value={toAppContext(definition)}>
      <SosProviders apiClient={createApiClient({ fetch: api.fetch })}>
        <RouterProvider router={router} />
      </SosProviders>
    </SosAppContext>,
  );
  return { router, user };
}
