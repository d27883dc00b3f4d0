/**
 * Wording shared by the server and the screens, so both say exactly the same thing.
 * Apart from the schemas, so a screen that only shows a message loads no zod.
 */
export const AUTH_MESSAGES = {
  // Deliberately does not say which of the two was wrong.
  signInFailed: "ユーザー名またはパスワードが正しくありません",
  tooManyAttempts: "ログインの試行回数が上限を超えました。しばらく時間をおいてからお試しください",
  // Identical whether or not the user exists, so the form cannot be used to probe names.
  resetRequested:
    "入力されたユーザー名が登録されている場合、パスワード再設定用のメールを送信しました。",
  resetLinkInvalid:
    "パスワード再設定用のリンクが無効か、有効期限が切れています。もう一度パスワード再設定を申請してください",
  passwordChanged: "パスワードを変更しました。新しいパスワードでログインしてください",
  passwordMismatch: "パスワードが一致しません",
  confirmationRequired: "確認のため、もう一度パスワードを入力してください",
  sessionExpired: "ログインの有効期限が切れました。もう一度ログインしてください",
} as const;
