import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter } from "react-router";
import { RouterProvider } from "react-router/dom";
import { SosAppContext, type SosAppDefinition, toAppContext } from "./app-definition";
import { SosProviders } from "./providers";
import { createSosRoutes } from "./routes";
import "./web.css";

export interface MountOptions {
  /** Vite's `import.meta.env.BASE_URL` of the app, e.g. "/institution/". */
  basename: string;
  /** Defaults to the element with id "root" in index.html. */
  container?: HTMLElement;
}

/** Starts an app: providers, the router and the shared pages around its own pages. */
export function mountSosApp(app: SosAppDefinition, { basename, container }: MountOptions): void {
  const root = container ?? document.getElementById("root");
  if (root === null) throw new Error('index.html has no element with id "root"');
  const router = createBrowserRouter(createSosRoutes(app), { basename });
  createRoot(root).render(
    <StrictMode>
      <SosAppContext value={toAppContext(app)}>
        <SosProviders>
          <RouterProvider router={router} />
        </SosProviders>
      </SosAppContext>
    </StrictMode>,
  );
}
