import type { ReactNode } from "react";
import "./review-parts.css";

/** A small labelled chip; the words carry the meaning, the colour only supports them. */
export function ReviewTag({
  tone = "neutral",
  children,
}: {
  tone?: "neutral" | "warning" | "error" | "info";
  children: ReactNode;
}) {
  return <span className={`sos-review-tag sos-review-tag--${tone}`}>{children}</span>;
}
