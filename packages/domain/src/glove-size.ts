import { z } from "#zod";
import type { LabelMap } from "./locale";

/** Every size code the scheme knows; the vendor decides which of them a product offers. */
export const GLOVE_SIZES = ["SS", "S", "M", "L", "LL"] as const;
export const GloveSize = z.enum(GLOVE_SIZES, { error: "サイズを選択してください" });
export type GloveSize = z.infer<typeof GloveSize>;

export const GLOVE_SIZE_LABELS: LabelMap<GloveSize> = {
  ja: { SS: "SSサイズ", S: "Sサイズ", M: "Mサイズ", L: "Lサイズ", LL: "LLサイズ" },
  en: { SS: "Size SS", S: "Size S", M: "Size M", L: "Size L", LL: "Size LL" },
};
