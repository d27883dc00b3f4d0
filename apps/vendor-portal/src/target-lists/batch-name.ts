import { targetListNumberJa } from "@sos/domain";
import { formatJaDateTime } from "@sos/ui";

/** 「第3号」: how a list is named on every screen, as the ministry and the mail name it. */
export function batchTitle(number: number): string {
  return targetListNumberJa(number);
}

export function issuedText(issuedAt: string): string {
  return `${formatJaDateTime(new Date(issuedAt))} 受領`;
}
