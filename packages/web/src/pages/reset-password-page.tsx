import { PasswordResetToken } from "@sos/domain";
import { Alert, LinkButton, ResetPasswordForm } from "@sos/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useHref, useLocation, useNavigate } from "react-router";
import { SignedOutPage } from "../components/signed-out-page";
import { domainErrorCode, errorMessageJa } from "../errors";
import { KEEP_FOCUS_STATE } from "../routing/root-layout";
import { replaceSession } from "../session/session-cache";
import type { SignInState } from "../session/sign-in-notice";
import { useTRPC } from "../trpc";

/** The token from the emailed link, or from the history entry once it left the URL. */
function tokenOf(location: { search: string; state: unknown }): string | null {
  const fromUrl = new URLSearchParams(location.search).get("token");
  if (fromUrl !== null) return fromUrl;
  const state = location.state;
  return typeof state === "object" && state !== null && "resetToken" in state
    ? String(state.resetToken)
    : null;
}

export function ResetPasswordPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const signInHref = useHref("/sign-in");
  const forgotPasswordHref = useHref("/forgot-password");
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions());
  const [failure, setFailure] = useState<unknown>(null);
  const token = tokenOf(location);
  const tokenInUrl = new URLSearchParams(location.search).has("token");

  // Take the token out of the address bar (history, screenshots, shoulder-surfing);
  // it stays in this history entry's state so a reload still works. Only the address
  // changes, not the page: focus stays in the box the user may already be typing in.
  useEffect(() => {
    if (tokenInUrl && token !== null) {
      void navigate(location.pathname, {
        replace: true,
        state: { resetToken: token, ...KEEP_FOCUS_STATE },
      });
    }
  }, [tokenInUrl, token, navigate, location.pathname]);

  if (token === null || !PasswordResetToken.safeParse(token).success) {
    return (
      <SignedOutPage title="パスワード再設定">
        <Alert tone="error" title="このリンクは使用できません">
          <p>
            パスワード再設定用のリンクが正しくないか、途中で切れています。メールに記載された URL
            をもう一度開くか、パスワード再設定をもう一度申請してください。
          </p>
        </Alert>
        <LinkButton href={forgotPasswordHref} fullWidth>
          パスワード再設定を申請する
        </LinkButton>
        <a href={signInHref}>ログイン画面に戻る</a>
      </SignedOutPage>
    );
  }

  const submit = async ({ password }: { password: string }) => {
    try {
      await reset.mutateAsync({ token, password });
      setFailure(null);
      // Every session of the user ended on the server, this browser's included.
      replaceSession(queryClient, trpc.auth.me.queryKey(), null);
      await navigate("/sign-in", {
        replace: true,
        state: { notice: "passwordChanged" } satisfies SignInState,
      });
      // The sign-in page is a lazy route: the router shows it a moment after the
      // navigation resolves. Until then the form stays as it is, submitting, so its own
      // "changed" view never flashes up before the sign-in page says the same.
      await new Promise<never>(() => {});
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <SignedOutPage title="パスワード再設定">
      <ResetPasswordForm
        onSubmit={submit}
        serverError={failure === null ? null : errorMessageJa(failure)}
        signInHref={signInHref}
      />
      {domainErrorCode(failure) === "RESET_TOKEN_INVALID" && (
        <LinkButton href={forgotPasswordHref} variant="secondary" fullWidth>
          パスワード再設定をもう一度申請する
        </LinkButton>
      )}
    </SignedOutPage>
  );
}
