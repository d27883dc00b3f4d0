import { useEffect, useRef, useState } from "react";

export interface LiveAnnouncementProps {
  /** What to say; "" says nothing. */
  message: string;
  /**
   * How long the message must stay unchanged before it is announced, so a figure
   * typed digit by digit is read out once, not at every keystroke.
   */
  delayMs?: number | undefined;
}

/**
 * A polite, visually hidden live region for results that follow what the user types.
 * The message present on first render is not announced: it is part of the page as
 * loaded (e.g. a prefilled result), not a change.
 */
export function LiveAnnouncement({ message, delayMs = 500 }: LiveAnnouncementProps) {
  const [spoken, setSpoken] = useState("");
  const [initial] = useState(message);
  const changed = useRef(false);
  useEffect(() => {
    if (!changed.current && message === initial) return;
    changed.current = true;
    const timer = window.setTimeout(() => setSpoken(message), delayMs);
    return () => window.clearTimeout(timer);
  }, [message, delayMs, initial]);
  return (
    <p className="sos-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {spoken}
    </p>
  );
}
