import type { RouteObject } from "react-router";
import type { SosAppDefinition } from "./app-definition";
import { ForgotPasswordPage } from "./pages/forgot-password-page";
import { NotFoundPage } from "./pages/not-found-page";
import { ResetPasswordPage } from "./pages/reset-password-page";
import { SignInPage } from "./pages/sign-in-page";
import { RootLayout } from "./routing/root-layout";
import { PublicLayout } from "./session/public-layout";
import { SignedInLayout } from "./session/signed-in-layout";

/**
 * Every app's routes: the signed-out pages, the app's public pages, then its own pages
 * behind the guard.
 * Unknown URLs are answered inside the guard too, so they reveal nothing signed out.
 */
export function createSosRoutes(app: SosAppDefinition): RouteObject[] {
  const Home = app.home;
  return [
    {
      element: <RootLayout />,
      children: [
        { path: "/sign-in", element: <SignInPage /> },
        { path: "/forgot-password", element: <ForgotPasswordPage /> },
        { path: "/reset-password", element: <ResetPasswordPage /> },
        ...(app.publicRoutes && app.publicRoutes.length > 0
          ? [{ element: <PublicLayout />, children: app.publicRoutes }]
          : []),
        {
          element: <SignedInLayout />,
          children: [
            { index: true, element: <Home /> },
            ...(app.routes ?? []),
            { path: "*", element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ];
}
