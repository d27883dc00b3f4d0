import { SUBMIT_FAILED_MESSAGE } from "@sos/ui";
import { useEffect, useRef, useState } from "react";

export interface ConfirmStepOptions<Values> {
  /** Resolves once done; a rejection brings the input step back with a message. */
  onSubmit: (values: Values) => Promise<void>;
  /** The server's reasons for the fields; any given one means no generic retry message. */
  fieldErrors: Readonly<Record<string, string | undefined>> | null | undefined;
  serverError: string | null | undefined;
  /** Where the input step takes focus again after 「戻る」. */
  focusInput: () => void;
}

/**
 * The storefront forms' input → confirm → submit steps: the checked values wait on a
 * confirmation step (its heading takes focus), and a failed submit returns to the
 * input step with the server's reasons or a retry message.
 */
export function useConfirmStep<Values>({
  onSubmit,
  fieldErrors,
  serverError,
  focusInput,
}: ConfirmStepOptions<Values>) {
  const [confirming, setConfirming] = useState<Values | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [failed, setFailed] = useState(false);
  const [failures, setFailures] = useState(0);
  const confirmHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (confirming !== null) confirmHeading.current?.focus();
  }, [confirming]);

  const toConfirmation = (values: Values) => {
    setFailed(false);
    setConfirming(values);
  };

  const confirm = async () => {
    if (confirming === null) return;
    setSubmitting(true);
    setFailed(false);
    try {
      await onSubmit(confirming);
    } catch {
      setFailed(true);
      setFailures((count) => count + 1);
      setConfirming(null);
    } finally {
      setSubmitting(false);
    }
  };

  const backToInput = () => {
    setConfirming(null);
    // After the hidden fields are shown again.
    window.setTimeout(focusInput, 0);
  };

  const hasFieldErrors = Object.values(fieldErrors ?? {}).some(Boolean);
  const failure = serverError || (failed && !hasFieldErrors ? SUBMIT_FAILED_MESSAGE : null);
  return {
    confirming,
    failures,
    toConfirmation,
    /** Spread on ConfirmStepForm. */
    input: { hidden: confirming !== null, failure, failures },
    /** Spread on the confirmation step, beside the form's id. */
    section: {
      headingRef: confirmHeading,
      submitting,
      onConfirm: () => void confirm(),
      onBack: backToInput,
    },
  };
}
