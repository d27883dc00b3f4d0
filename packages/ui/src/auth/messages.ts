/** Shown when onSubmit rejects: the request itself failed, not the server's answer. */
export const SUBMIT_FAILED_MESSAGE =
  "送信できませんでした。通信環境を確認して、もう一度お試しください。";
