import { ForgotPasswordForm } from "@sos/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useHref } from "react-router";
import { SUPPORT_CONTACT_JA } from "../apps";
import { SignedOutPage } from "../components/signed-out-page";
import { errorMessageJa } from "../errors";
import { useTRPC } from "../trpc";

export function ForgotPasswordPage() {
  const trpc = useTRPC();
  const signInHref = useHref("/sign-in");
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  // Cleared only by a success: the form counts a resolved submit as sent unless an
  // error is showing, so a retry must not clear it before the answer arrives.
  const [serverError, setServerError] = useState<string | null>(null);

  const submit = async (values: { username: string }) => {
    try {
      await request.mutateAsync(values);
      setServerError(null);
    } catch (error) {
      setServerError(errorMessageJa(error));
    }
  };

  return (
    <SignedOutPage title="パスワードをお忘れの方">
      <ForgotPasswordForm
        onSubmit={submit}
        serverError={serverError}
        signInHref={signInHref}
        help={<SupportContact />}
      />
    </SignedOutPage>
  );
}

/** 「事務局までお問い合わせください」 with the 事務局's number and hours, as a link to call. */
function SupportContact() {
  const { name, phone, hours } = SUPPORT_CONTACT_JA;
  return (
    <>
      ユーザー名が分からない場合は、{name}までお問い合わせください。電話{" "}
      <a href={`tel:${phone.replaceAll("-", "")}`}>{phone}</a>（{hours}）
    </>
  );
}
