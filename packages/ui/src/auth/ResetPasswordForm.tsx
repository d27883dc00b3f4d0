import { zodResolver } from "@hookform/resolvers/zod";
import { AUTH_MESSAGES, ResetPasswordFormInput } from "@sos/domain";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "../button/Button";
import { LinkButton } from "../button/LinkButton";
import { Alert } from "../feedback/Alert";
import { PasswordField } from "../field/PasswordField";
import { SUBMIT_FAILED_MESSAGE } from "./messages";
import "./AuthForm.css";

export const PASSWORD_RULE_HINT =
  "8文字以上で、半角英大文字・英小文字・数字をそれぞれ1文字以上含めてください。";

export interface ResetPasswordFormProps {
  /**
   * Called with the new password (the token from the link is the caller's). Resolve
   * when it is set; put a refusal (link expired or used) into serverError. A
   * rejection shows a generic retry message.
   */
  onSubmit: (values: { password: string }) => Promise<void>;
  serverError?: string | null | undefined;
  signInHref: string;
}

export function ResetPasswordForm({ onSubmit, serverError, signInHref }: ResetPasswordFormProps) {
  const [changed, setChanged] = useState(false);
  const [submitFailed, setSubmitFailed] = useState(false);
  const doneRef = useRef<HTMLDivElement>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(ResetPasswordFormInput),
    defaultValues: { password: "", passwordConfirmation: "" },
  });

  const done = changed && !serverError;
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const submit = handleSubmit(async ({ password }) => {
    setSubmitFailed(false);
    try {
      await onSubmit({ password });
      setChanged(true);
    } catch {
      setSubmitFailed(true);
    }
  });

  if (done) {
    return (
      <div className="sos-auth-form__done" ref={doneRef} tabIndex={-1}>
        <Alert tone="success" title="パスワードを変更しました">
          {AUTH_MESSAGES.passwordChanged}
        </Alert>
        <LinkButton href={signInHref} size="large" fullWidth>
          ログイン画面へ
        </LinkButton>
      </div>
    );
  }

  const message = serverError || (submitFailed ? SUBMIT_FAILED_MESSAGE : null);
  return (
    <form
      className="sos-auth-form"
      noValidate
      onSubmit={submit}
      aria-label="新しいパスワードの設定"
    >
      {message && <Alert tone="error">{message}</Alert>}
      <PasswordField
        label="新しいパスワード"
        required
        hint={PASSWORD_RULE_HINT}
        autoComplete="new-password"
        error={errors.password?.message}
        {...register("password")}
      />
      <PasswordField
        label="新しいパスワード（確認）"
        required
        hint="確認のため、同じパスワードをもう一度入力してください。"
        autoComplete="new-password"
        error={errors.passwordConfirmation?.message}
        {...register("passwordConfirmation")}
      />
      <Button type="submit" size="large" fullWidth loading={isSubmitting}>
        パスワードを変更する
      </Button>
    </form>
  );
}
