import { zodResolver } from "@hookform/resolvers/zod";
import { SignInInput, type SignInValues } from "@sos/domain";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "../button/Button";
import { Alert } from "../feedback/Alert";
import { PasswordField } from "../field/PasswordField";
import { TextField } from "../field/TextField";
import { SUBMIT_FAILED_MESSAGE } from "./messages";
import "./AuthForm.css";

export interface SignInFormProps {
  /**
   * Called with the normalised values. Resolve when the server has answered; put a
   * refusal (wrong password, locked) into serverError. A rejection means the request
   * itself failed and shows a generic retry message.
   */
  onSubmit: (values: SignInValues) => Promise<void>;
  serverError?: string | null | undefined;
  forgotPasswordHref: string;
  defaultUsername?: string;
}

export function SignInForm({
  onSubmit,
  serverError,
  forgotPasswordHref,
  defaultUsername = "",
}: SignInFormProps) {
  const [submitFailed, setSubmitFailed] = useState(false);
  const {
    register,
    handleSubmit,
    resetField,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(SignInInput),
    defaultValues: { username: defaultUsername, password: "" },
  });

  const submit = handleSubmit(async (values) => {
    setSubmitFailed(false);
    try {
      await onSubmit(values);
    } catch {
      setSubmitFailed(true);
    }
    // A refused or failed attempt starts again from an empty password box.
    resetField("password");
  });

  const message = serverError || (submitFailed ? SUBMIT_FAILED_MESSAGE : null);
  return (
    <form className="sos-auth-form" noValidate onSubmit={submit} aria-label="ログイン">
      {message && <Alert tone="error">{message}</Alert>}
      <TextField
        label="ユーザー名"
        required
        autoComplete="username"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        enterKeyHint="next"
        error={errors.username?.message}
        {...register("username")}
      />
      <PasswordField
        label="パスワード"
        required
        autoComplete="current-password"
        enterKeyHint="go"
        error={errors.password?.message}
        {...register("password")}
      />
      <Button type="submit" size="large" fullWidth loading={isSubmitting}>
        ログイン
      </Button>
      <div className="sos-auth-form__links">
        <a href={forgotPasswordHref}>パスワードをお忘れですか？</a>
      </div>
    </form>
  );
}
