import { zodResolver } from "@hookform/resolvers/zod";
import { AUTH_MESSAGES, RequestPasswordResetInput } from "@sos/domain";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "../button/Button";
import { Alert } from "../feedback/Alert";
import { TextField } from "../field/TextField";
import { SUBMIT_FAILED_MESSAGE } from "./messages";
import "./AuthForm.css";

export interface ForgotPasswordFormProps {
  /**
   * Resolve once the request is accepted; the form then shows the same neutral
   * message whether or not the name exists. Put a refusal (e.g. too many requests)
   * into serverError; a rejection shows a generic retry message.
   */
  onSubmit: (values: { username: string }) => Promise<void>;
  serverError?: string | null | undefined;
  signInHref: string;
  /** Where to turn when the username is not known. */
  help?: ReactNode;
}

export function ForgotPasswordForm({
  onSubmit,
  serverError,
  signInHref,
  help = "ユーザー名が分からない場合は、事務局までお問い合わせください。",
}: ForgotPasswordFormProps) {
  const [sent, setSent] = useState(false);
  const [submitFailed, setSubmitFailed] = useState(false);
  const doneRef = useRef<HTMLDivElement>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(RequestPasswordResetInput),
    defaultValues: { username: "" },
  });

  const done = sent && !serverError;
  // The form (and the focused button) is replaced: take focus to the outcome.
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const submit = handleSubmit(async (values) => {
    setSubmitFailed(false);
    try {
      await onSubmit(values);
      setSent(true);
    } catch {
      setSubmitFailed(true);
    }
  });

  if (done) {
    return (
      <div className="sos-auth-form__done" ref={doneRef} tabIndex={-1}>
        <Alert tone="success" title="受け付けました">
          <p>{AUTH_MESSAGES.resetRequested}</p>
          <p>メールが届かない場合は、迷惑メールフォルダや受信設定を確認してください。</p>
        </Alert>
        <div className="sos-auth-form__links">
          <a href={signInHref}>ログイン画面に戻る</a>
        </div>
      </div>
    );
  }

  const message = serverError || (submitFailed ? SUBMIT_FAILED_MESSAGE : null);
  return (
    <form className="sos-auth-form" noValidate onSubmit={submit} aria-label="パスワードの再設定">
      <p>
        ユーザー名を入力してください。登録されているメールアドレスに、パスワード再設定用のリンクをお送りします。
      </p>
      {message && <Alert tone="error">{message}</Alert>}
      <TextField
        label="ユーザー名"
        required
        hint={help}
        autoComplete="username"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        error={errors.username?.message}
        {...register("username")}
      />
      <Button type="submit" size="large" fullWidth loading={isSubmitting}>
        再設定用のメールを送信
      </Button>
      <div className="sos-auth-form__links">
        <a href={signInHref}>ログイン画面に戻る</a>
      </div>
    </form>
  );
}
