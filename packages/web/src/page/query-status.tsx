import { Alert, Button } from "@sos/ui";
import { errorMessageJa, trpcErrorCode } from "../errors";
import { RouterLinkButton } from "../routing/router-link-button";

/** While a page's data is on its way. */
export function Loading({ children }: { children: string }) {
  return (
    <p role="status" className="sos-web-loading">
      <span className="sos-web-loading__spinner" aria-hidden="true" />
      {children}
    </p>
  );
}

/**
 * A page's data could not be read: the reason in Japanese, and a retry — unless the
 * record is not there (or not the caller's to see), when retrying cannot help.
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
