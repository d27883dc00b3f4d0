import { useRef } from "react";

/** A random v4 UUID; crypto.randomUUID is missing outside secure contexts (plain http). */
function randomKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The idempotency key of a submission. Pressing 保存 again with the same
 * content (a double click, or a retry after an error) sends the same key, so
 * the server saves it once and answers with the same receipt; new content, or
 * a submission after a saved one, gets a new key.
 */
export function useSubmissionKey(): { keyFor(content: unknown): string; saved(): void } {
  const current = useRef<{ content: string; key: string } | null>(null);
  return {
    keyFor(content) {
      const fingerprint = JSON.stringify(content);
      if (current.current?.content !== fingerprint) {
        current.current = { content: fingerprint, key: randomKey() };
      }
      return current.current.key;
    },
    saved() {
      current.current = null;
    },
  };
}
