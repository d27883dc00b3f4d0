import { Alert, Button } from "@sos/ui";
import { errorMessageJa } from "../errors";

/** While `auth.me` answers for the first time (usually a few tens of milliseconds). */
export function SessionLoading() {
  return (
    <p role="status" className="sos-web-status">
      ログイン状態を確認しています…
    </p>
  );
}

/** `auth.me` failed before we knew who is signed in: say why and offer a retry. */
export function SessionLoadFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div className="sos-stack sos-web-status">
      <Alert tone="error" title="ログイン状態を確認できませんでした">
        <p>{errorMessageJa(error)}</p>
      </Alert>
      <Button variant="secondary" onClick={onRetry}>
        再読み込み
      </Button>
    </div>
  );
}
