import type { SignInValues } from "@sos/domain";
import { Alert, SignInForm } from "@sos/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Navigate, useHref, useLocation, useSearchParams } from "react-router";
import { SignedOutPage } from "../components/signed-out-page";
import { errorMessageJa } from "../errors";
import { NEXT_PARAM, safeNextPath } from "../session/next-path";
import { replaceSession } from "../session/session-cache";
import { SIGN_IN_NOTICES, signInNoticeOf } from "../session/sign-in-notice";
import { useTRPC } from "../trpc";

export function SignInPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get(NEXT_PARAM));
  const forgotPasswordHref = useHref("/forgot-password");
  const me = useQuery(trpc.auth.me.queryOptions());
  const signIn = useMutation(trpc.auth.signIn.mutationOptions());
  const [serverError, setServerError] = useState<string | null>(null);
  const notice = signInNoticeOf(location.state);

  // Already signed in (another tab, or the back button): nothing to do here.
  if (me.data) return <Navigate to={next} replace />;

  const submit = async (values: SignInValues) => {
    try {
      const user = await signIn.mutateAsync(values);
      setServerError(null);
      // The page then re-renders signed in and moves on to `next`.
      replaceSession(queryClient, trpc.auth.me.queryKey(), user);
    } catch (error) {
      setServerError(errorMessageJa(error));
    }
  };

  return (
    <SignedOutPage title="ログイン">
      {notice && serverError === null && (
        <Alert tone={SIGN_IN_NOTICES[notice].tone}>{SIGN_IN_NOTICES[notice].message}</Alert>
      )}
      <SignInForm
        onSubmit={submit}
        serverError={serverError}
        forgotPasswordHref={forgotPasswordHref}
      />
    </SignedOutPage>
  );
}
