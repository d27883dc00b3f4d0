import { formatJaDateTime } from "@sos/ui";

/** 「第3回（2026年12月3日（木）18:00）」: how a batch is named on every screen. */
export function batchTitle(number: number): string {
  return `第${number.toLocaleString("ja-JP")}回`;
}

export function issuedText(issuedAt: string): string {
  return `${formatJaDateTime(new Date(issuedAt))} 受領`;
}
