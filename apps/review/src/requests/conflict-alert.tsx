import { Alert, Button } from "@sos/ui";
import { CONFLICT_DETAIL, CONFLICT_MESSAGE, RELOAD_LABEL } from "../common/messages";
import "../common/review-parts.css";

export interface ConflictAlertProps {
  /** Fetches the request again; the form then shows what the other officer saved. */
  onReload?: (() => void) | undefined;
}

/**
 * Someone saved the request after this screen loaded it (version check): nothing was
 * overwritten, and the officer is told to look at the latest before deciding again.
 */
export function ConflictAlert({ onReload }: ConflictAlertProps) {
  return (
    <Alert tone="error" title={CONFLICT_MESSAGE}>
      <div className="sos-review-conflict">
        <p>{CONFLICT_DETAIL}</p>
        {onReload !== undefined && (
          <Button variant="secondary" onClick={onReload}>
            {RELOAD_LABEL}
          </Button>
        )}
      </div>
    </Alert>
  );
}
