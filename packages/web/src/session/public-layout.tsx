import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, Navigate, Outlet, useLocation } from "react-router";
import { useSosApp } from "../app-definition";
import { useTRPC } from "../trpc";
import { AppFrame } from "./app-frame";
import { signInPathFor } from "./next-path";
import { SessionLoading } from "./session-status";
import type { SignInState } from "./sign-in-notice";
import { SignedInUserContext } from "./signed-in-user";
import { useSignOut } from "./use-sign-out";

/**
 * The frame of the pages that work signed out too. It waits for the session check,
 * so a signed-in user's page does not first render signed out and then lose what
 * was typed when the frame changes; if the check fails, the page is shown signed out.
 */
export function PublicLayout() {
  const app = useSosApp();
  const trpc = useTRPC();
  const location = useLocation();
  const me = useQuery(trpc.auth.me.queryOptions());
  const [signedOut, setSignedOut] = useState(false);
  const signOut = useSignOut({ onSignedOut: () => setSignedOut(true) });

  if (signedOut) {
    return <Navigate to="/sign-in" replace state={{ notice: "signedOut" } satisfies SignInState} />;
  }
  if (me.isPending) return <SessionLoading />;

  const someone = me.data ?? null;
  const ours = someone !== null && app.roles.includes(someone.role) ? someone : null;
  return (
    <SignedInUserContext value={ours}>
      <AppFrame
        user={someone}
        showNav={ours !== null}
        appTitle={ours === null ? app.publicFrame?.appTitle : undefined}
        {...(someone === null
          ? {}
          : { onSignOut: () => signOut.mutate(), signingOut: signOut.isPending })}
        signOutError={signOut.error}
      >
        {someone === null && app.publicFrame?.signInPrompt !== false && (
          <p className="sos-web-public-bar">
            ログインしていません。
            <Link to={signInPathFor(location)}>ログインする</Link>
          </p>
        )}
        <Outlet />
      </AppFrame>
    </SignedInUserContext>
  );
}
