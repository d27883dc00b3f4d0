import type { RouteObject } from "react-router";
import type { SosAppDefinition } from "./app-definition";
import { isLazyPage, lazyPage } from "./lazy-page";
import { Loading } from "./page/query-status";
import { RouteErrorPage } from "./pages/route-error-page";
import { RootLayout } from "./routing/root-layout";
import { PublicLayout } from "./session/public-layout";
import { SignedInLayout } from "./session/signed-in-layout";

/**
 * Every app's routes: the signed-out pages, the app's public pages, then its own pages
 * behind the guard.
 * Unknown URLs are answered inside the guard too, so they reveal nothing signed out.
 * The pages, shared ones included, come in their own chunks (lazyPage): a first load
 * carries the frames and the session check, and each page's code on its first visit.
 */
export function createSosRoutes(app: SosAppDefinition): RouteObject[] {
  const home = app.home;
  return [
    {
      element: <RootLayout />,
      // Shown while the first page's chunk arrives, before any frame can render.
      hydrateFallbackElement: (
        <div className="sos-web-status">
          <Loading>画面を読み込んでいます…</Loading>
        </div>
      ),
      errorElement: <RouteErrorPage />,
      children: [
        {
          path: "/sign-in",
          ...lazyPage(() => import("./pages/sign-in-page"), "SignInPage"),
        },
        {
          path: "/forgot-password",
          ...lazyPage(() => import("./pages/forgot-password-page"), "ForgotPasswordPage"),
        },
        {
          path: "/reset-password",
          ...lazyPage(() => import("./pages/reset-password-page"), "ResetPasswordPage"),
        },
        {
          // The page behind a mailed invitation link (every app: the link names the invitee's).
          path: "/invitation/:token",
          ...lazyPage(() => import("./pages/accept-invitation-page"), "AcceptInvitationPage"),
        },
        ...(app.publicRoutes && app.publicRoutes.length > 0
          ? [{ element: <PublicLayout />, children: app.publicRoutes }]
          : []),
        {
          element: <SignedInLayout />,
          children: [
            isLazyPage(home) ? { index: true, ...home } : { index: true, Component: home },
            ...(app.routes ?? []),
            { path: "*", ...lazyPage(() => import("./pages/not-found-page"), "NotFoundPage") },
          ],
        },
      ],
    },
  ];
}
