import { SURVEY_FIGURE_LABELS } from "@sos/domain";

/** The three glove figures, in the manual's order (① 在庫量 ② 想定消費量 ③ 購入見込み量). */
export const FIGURE_KEYS = ["stock", "consumption", "purchases"] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

/** The circled numbers the manual and the self-check sheet refer to the figures by. */
export const FIGURE_MARKS: Readonly<Record<FigureKey, string>> = {
  stock: "①",
  consumption: "②",
  purchases: "③",
};

export const FIGURE_LABELS: Readonly<Record<FigureKey, string>> = SURVEY_FIGURE_LABELS;
