import { Alert, AppShell } from "@sos/ui";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Navigate, Outlet, useHref, useLocation } from "react-router";
import { useSosApp } from "../app-definition";
import { APP_NAMES_JA, SERVICE_NAME } from "../apps";
import { errorMessageJa } from "../errors";
import { useTRPC } from "../trpc";
import { signInPathFor } from "./next-path";
import { SessionLoadFailed, SessionLoading } from "./session-status";
import type { SignInState } from "./sign-in-notice";
import { SignedInUserContext } from "./signed-in-user";
import { useSignOut } from "./use-sign-out";
import { userDetailJa } from "./user-detail";
import { WrongAppNotice } from "./wrong-app-notice";

/**
 * The route guard and frame of every signed-in page: signed-out visitors go to the
 * sign-in page (and come back here after it), users of another app are shown the
 * way to their own, everyone else gets the app's pages inside the AppShell.
 */
export function SignedInLayout() {
  const app = useSosApp();
  const trpc = useTRPC();
  const location = useLocation();
  const homeHref = useHref("/");
  const me = useQuery(trpc.auth.me.queryOptions());
  const [signedOut, setSignedOut] = useState(false);
  const signOut = useSignOut({ onSignedOut: () => setSignedOut(true) });
  // Having seen a user here, losing them without signing out means the session ended.
  const hadUser = useRef(false);
  useEffect(() => {
    if (me.data) hadUser.current = true;
  }, [me.data]);

  if (me.data === undefined) {
    return me.isError ? (
      <SessionLoadFailed error={me.error} onRetry={() => void me.refetch()} />
    ) : (
      <SessionLoading />
    );
  }
  if (me.data === null) {
    if (signedOut) {
      return (
        <Navigate to="/sign-in" replace state={{ notice: "signedOut" } satisfies SignInState} />
      );
    }
    const state: SignInState = hadUser.current ? { notice: "sessionExpired" } : {};
    return <Navigate to={signInPathFor(location)} replace state={state} />;
  }

  const user = me.data;
  return (
    <SignedInUserContext value={user}>
      <AppShell
        productName={SERVICE_NAME}
        appTitle={APP_NAMES_JA[app.id]}
        homeHref={homeHref}
        user={{ displayName: user.displayName, detail: userDetailJa(user) }}
        onSignOut={() => signOut.mutate()}
        signingOut={signOut.isPending}
      >
        {signOut.isError && (
          <Alert tone="error" title="ログアウトできませんでした">
            <p>{errorMessageJa(signOut.error)}</p>
          </Alert>
        )}
        {app.roles.includes(user.role) ? <Outlet /> : <WrongAppNotice user={user} />}
      </AppShell>
    </SignedInUserContext>
  );
}
