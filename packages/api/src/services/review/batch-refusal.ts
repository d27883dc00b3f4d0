import { DomainError, type DomainErrorCode } from "../../errors";

/** Why one item of a batch (approval, prefecture completion) cannot be done. */
export interface Refusal {
  index: number;
  code: DomainErrorCode;
  /** The field of the item the message belongs to, when it is about one. */
  field: string | null;
  message: string;
}

/** Which code the whole batch reports when its items fail for different reasons. */
const REFUSAL_PRECEDENCE: readonly DomainErrorCode[] = [
  "NOT_FOUND",
  "STALE_VERSION",
  "INVALID_STATE",
  "INVALID_INPUT",
];

/**
 * The one error of an all-or-nothing batch: every failing item under
 * fieldErrors "items.<index>[.field]", and a message that says how many failed,
 * names the first, and that nothing was done (e.g. 「選択した3件のうち1件は承認でき
 * ません（…）。いずれの要請も承認していません。」).
 */
export function batchRefusal(
  itemCount: number,
  refusals: readonly Refusal[],
  nameOf: (index: number) => string | undefined,
  words: { cannot: string; noneDone: string },
): DomainError {
  const code =
    REFUSAL_PRECEDENCE.find((c) => refusals.some((r) => r.code === c)) ?? "INVALID_INPUT";
  const fieldErrors: Record<string, string[]> = {};
  for (const refusal of refusals) {
    const key = `items.${refusal.index}${refusal.field === null ? "" : `.${refusal.field}`}`;
    fieldErrors[key] = [...(fieldErrors[key] ?? []), refusal.message];
  }
  const failed = new Set(refusals.map((r) => r.index));
  const first = refusals[0];
  const firstName = first === undefined ? undefined : nameOf(first.index);
  const example =
    first === undefined
      ? ""
      : `（${firstName === undefined ? "" : `${firstName}：`}${first.message}）`;
  const messageJa =
    itemCount === 1
      ? `${first?.message ?? ""}${words.noneDone}`
      : `選択した${itemCount}件のうち${failed.size}件は${words.cannot}${example}。${words.noneDone}`;
  return new DomainError(code, { messageJa, fieldErrors });
}
