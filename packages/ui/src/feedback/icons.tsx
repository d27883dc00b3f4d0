export type Tone = "info" | "success" | "warning" | "error";

/** One shape per tone, so the tone never rests on colour alone. */
export function ToneIcon({ tone, className }: { tone: Tone; className?: string }) {
  return (
    <svg className={className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {tone === "info" && (
        <>
          <circle cx="12" cy="12" r="10" fill="currentColor" />
          <path d="M11 10h2v8h-2zM11 6h2v2h-2z" fill="#fff" />
        </>
      )}
      {tone === "success" && (
        <>
          <circle cx="12" cy="12" r="10" fill="currentColor" />
          <path d="m10.2 15.6-3.5-3.5 1.4-1.4 2.1 2.1 5.6-5.6 1.4 1.4z" fill="#fff" />
        </>
      )}
      {tone === "warning" && (
        <>
          <path d="M12 2 1 21h22z" fill="currentColor" />
          <path d="M11 9h2v6h-2zM11 17h2v2h-2z" fill="#fff" />
        </>
      )}
      {tone === "error" && (
        <>
          <path d="M7.9 2h8.2L22 7.9v8.2L16.1 22H7.9L2 16.1V7.9z" fill="currentColor" />
          <path d="M11 6h2v8h-2zM11 16h2v2h-2z" fill="#fff" />
        </>
      )}
    </svg>
  );
}

export const TONE_LABELS: Readonly<Record<Tone, string>> = {
  info: "お知らせ",
  success: "完了",
  warning: "注意",
  error: "エラー",
};
