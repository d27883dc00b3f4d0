import { Alert, Button } from "@sos/ui";
import { errorMessageJa, RouterLinkButton, trpcErrorCode } from "@sos/web";

/** While a page's data is on its way. */
export function Loading({ children }: { children: string }) {
  return (
    <p role="status" className="vendor-loading">
      <span className="vendor-loading__spinner" aria-hidden="true" />
      {children}
    </p>
  );
}

/**
 * A page's data could not be read: the reason in Japanese, and a retry — unless the
 * record is not there, when retrying cannot help.
 */
export function LoadFailed({
  title,
  error,
  onRetry,
  back,
}: {
  title: string;
  error: unknown;
  onRetry: () => void;
  back?: { to: string; label: string };
}) {
  const missing = trpcErrorCode(error) === "NOT_FOUND" || trpcErrorCode(error) === "FORBIDDEN";
  return (
    <div className="sos-stack">
      <Alert tone="error" title={title}>
        <p>{errorMessageJa(error)}</p>
      </Alert>
      {!missing && (
        <Button variant="secondary" onClick={onRetry}>
          再読み込み
        </Button>
      )}
      {back && (
        <RouterLinkButton to={back.to} variant={missing ? "primary" : "tertiary"}>
          {back.label}
        </RouterLinkButton>
      )}
    </div>
  );
}
