import { Alert, AppShell } from "@sos/ui";
import type { ReactNode } from "react";
import { useHref } from "react-router";
import { useSosApp } from "../app-definition";
import { APP_NAMES_JA, SERVICE_NAME } from "../apps";
import { errorMessageJa } from "../errors";
import { renderRouterNavLink, useAppNavItems } from "../routing/app-nav";
import { IdleWarning } from "./idle-warning";
import { ReadOnlyBanner } from "./read-only-banner";
import type { SignedInUser } from "./signed-in-user";
import { userDetailJa } from "./user-detail";

export interface AppFrameProps {
  /** Who is signed in; null on a public page visited signed out. */
  user: SignedInUser | null;
  /** The app's menu: only for a user of this app (anyone else cannot open its pages). */
  showNav: boolean;
  onSignOut?: () => void;
  signingOut?: boolean;
  /** Why signing out failed, if it did. */
  signOutError?: unknown;
  /** Replaces the app's name in the header (the storefront's own name). */
  appTitle?: string | undefined;
  children: ReactNode;
}

/** The AppShell as every page of an app has it: product, app, menu, user and sign-out. */
export function AppFrame({
  user,
  showNav,
  onSignOut,
  signingOut = false,
  signOutError = null,
  appTitle,
  children,
}: AppFrameProps) {
  const app = useSosApp();
  const homeHref = useHref("/");
  const nav = useAppNavItems(user);
  return (
    <AppShell
      productName={SERVICE_NAME}
      appTitle={appTitle ?? APP_NAMES_JA[app.id]}
      homeHref={homeHref}
      nav={showNav ? nav : []}
      renderLink={renderRouterNavLink}
      user={user && { displayName: user.displayName, detail: userDetailJa(user) }}
      {...(onSignOut ? { onSignOut } : {})}
      signingOut={signingOut}
      wide={app.wide === true && showNav}
    >
      <ReadOnlyBanner />
      {user !== null && <IdleWarning />}
      {signOutError !== null && (
        <Alert tone="error" title="ログアウトできませんでした">
          <p>{errorMessageJa(signOutError)}</p>
        </Alert>
      )}
      {children}
    </AppShell>
  );
}
