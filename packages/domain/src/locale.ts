/** Japanese is the product's language; English exists for officers' exports and tooling. */
export const LOCALES = ["ja", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** A display label for every value of an enum, per locale. */
export type LabelMap<T extends string> = Readonly<Record<Locale, Readonly<Record<T, string>>>>;

export function labelOf<T extends string>(labels: LabelMap<T>, value: T, locale: Locale = "ja") {
  return labels[locale][value];
}
