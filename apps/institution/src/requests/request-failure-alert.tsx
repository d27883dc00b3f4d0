import { Alert } from "@sos/ui";
import type { RequestFailure } from "./request-failure";

export function RequestFailureAlert({ failure }: { failure: RequestFailure }) {
  return (
    <Alert tone="error" title={failure.title}>
      <p>{failure.message}</p>
      {failure.reload && (
        <p>最新の内容を読み込みました。内容を確認してから、もう一度操作してください。</p>
      )}
    </Alert>
  );
}
