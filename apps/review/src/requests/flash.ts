/**
 * The outcome of a decision, carried to the page shown next (the next request in the
 * queue, or the queue itself) in the history entry's state.
 */
export interface DecisionFlash {
  kind: "completed" | "approved" | "notEligible" | "returned";
  institutionName: string;
  /** For notEligible: when the institution is emailed (ISO instant). */
  noticeAt?: string;
}

const KINDS = ["completed", "approved", "notEligible", "returned"] as const;

export function decisionFlashOf(state: unknown): DecisionFlash | null {
  if (typeof state !== "object" || state === null || !("reviewFlash" in state)) return null;
  const flash = state.reviewFlash;
  if (typeof flash !== "object" || flash === null) return null;
  const { kind, institutionName, noticeAt } = flash as Record<string, unknown>;
  const known = KINDS.find((candidate) => candidate === kind);
  if (known === undefined || typeof institutionName !== "string") return null;
  return {
    kind: known,
    institutionName,
    ...(typeof noticeAt === "string" ? { noticeAt } : {}),
  };
}

/** 「千代田中央病院」の確認を完了しました (国確認中になりました)。 */
export function decisionTitle(flash: DecisionFlash): string {
  const name = `「${flash.institutionName}」`;
  switch (flash.kind) {
    case "completed":
      return `${name}の都道府県確認を完了しました`;
    case "approved":
      return `${name}の要請を承認しました（受付完了）`;
    case "notEligible":
      return `${name}の要請を対象外としました`;
    case "returned":
      return `${name}の要請を都道府県に差し戻しました`;
  }
}
