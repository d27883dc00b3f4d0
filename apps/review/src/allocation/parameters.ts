import { normalizeDigitsText } from "@sos/rules";
import type { AllocationParameters, AllocationParametersInput } from "../api-types";

/** The tier orders the screen offers, as the rule names them (first criterion first). */
export const TIER_ORDERS = [
  {
    value: "agreement-cover",
    label: "協定の有無 → 在庫週数",
    order: ["supply_agreement", "weeks_of_cover"],
  },
  {
    value: "cover-agreement",
    label: "在庫週数 → 協定の有無",
    order: ["weeks_of_cover", "supply_agreement"],
  },
  { value: "agreement", label: "協定の有無のみ", order: ["supply_agreement"] },
  { value: "cover", label: "在庫週数のみ", order: ["weeks_of_cover"] },
  { value: "none", label: "順位を付けない", order: [] },
] as const;

export type TierOrderChoice = (typeof TIER_ORDERS)[number]["value"];

export interface ParameterDraft {
  thresholdWeeks: string;
  coverBands: string;
  tierOrder: TierOrderChoice;
}

export function draftOf(parameters: AllocationParameters): ParameterDraft {
  const joined = parameters.tierOrder.join(",");
  const tier = TIER_ORDERS.find((choice) => choice.order.join(",") === joined);
  return {
    thresholdWeeks: String(parameters.thresholdWeeks),
    coverBands: parameters.coverBandsWeeks.join("、"),
    tierOrder: tier?.value ?? "agreement-cover",
  };
}

export type ParameterErrors = Partial<Record<"thresholdWeeks" | "coverBands", string>>;

const WHOLE = /^\d{1,2}$/;

/**
 * Reads the boxes as typed (full-width digits and 、 or , between bands); the
 * server checks again. Errors name the box in Japanese.
 */
export function parseDraft(
  draft: ParameterDraft,
): { ok: true; value: AllocationParametersInput } | { ok: false; errors: ParameterErrors } {
  const errors: ParameterErrors = {};
  const threshold = normalizeDigitsText(draft.thresholdWeeks).trim();
  const thresholdWeeks = Number(threshold);
  if (!WHOLE.test(threshold) || thresholdWeeks < 1 || thresholdWeeks > 52) {
    errors.thresholdWeeks = "基準週数は1〜52の整数で入力してください";
  }
  const bandTexts = normalizeDigitsText(draft.coverBands)
    .split(/[,、，\s]+/u)
    .filter((text) => text !== "");
  const bands = bandTexts.map(Number);
  if (
    bandTexts.some((text) => !WHOLE.test(text)) ||
    bands.some((weeks) => weeks < 1 || weeks > 52) ||
    bands.some((weeks, i) => i > 0 && weeks <= (bands[i - 1] ?? 0)) ||
    bands.length > 8
  ) {
    errors.coverBands =
      "在庫週数の帯は1〜52の整数を小さい順に「1、2」のように入力してください（8つまで）";
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const tier = TIER_ORDERS.find((choice) => choice.value === draft.tierOrder);
  return {
    ok: true,
    value: { thresholdWeeks, coverBandsWeeks: bands, tierOrder: [...(tier?.order ?? [])] },
  };
}

export function sameParameters(a: AllocationParameters, b: AllocationParameters): boolean {
  return (
    a.thresholdWeeks === b.thresholdWeeks &&
    a.tierOrder.join(",") === b.tierOrder.join(",") &&
    a.coverBandsWeeks.join(",") === b.coverBandsWeeks.join(",")
  );
}

/** 0.456 → 「45.6%」; null (nothing asked) → 「—」. */
export function formatRate(rate: number | null): string {
  return rate === null ? "—" : `${(Math.round(rate * 1000) / 10).toLocaleString("ja-JP")}%`;
}
