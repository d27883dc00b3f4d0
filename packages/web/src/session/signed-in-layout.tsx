import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Navigate, Outlet, useLocation } from "react-router";
import { useSosApp } from "../app-definition";
import { useTRPC } from "../trpc";
import { AppFrame } from "./app-frame";
import { signInPathFor } from "./next-path";
import { SessionLoadFailed, SessionLoading } from "./session-status";
import type { SignInState } from "./sign-in-notice";
import { SignedInUserContext } from "./signed-in-user";
import { useSignOut } from "./use-sign-out";
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
  const ours = app.roles.includes(user.role);
  return (
    <SignedInUserContext value={user}>
      <AppFrame
        user={user}
        showNav={ours}
        onSignOut={() => signOut.mutate()}
        signingOut={signOut.isPending}
        signOutError={signOut.error}
      >
        {ours ? <Outlet /> : <WrongAppNotice user={user} />}
      </AppFrame>
    </SignedInUserContext>
  );
}
