import { errorMessageJa, trpcErrorCode } from "@sos/web";

export interface RequestFailure {
  title: string;
  message: string;
  /**
   * The request changed elsewhere (another tab, another person, the review): the
   * data on screen is out of date and is read again before the user tries again.
   */
  reload: boolean;
}

/** What to tell the user when saving, applying or withdrawing a request failed. */
export function requestFailure(title: string, error: unknown): RequestFailure {
  const code = trpcErrorCode(error);
  return {
    title,
    message: errorMessageJa(error),
    reload: code === "CONFLICT" || code === "PRECONDITION_FAILED",
  };
}
