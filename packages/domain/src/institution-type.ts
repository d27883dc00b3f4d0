import { z } from "#zod";
import type { LabelMap } from "./locale";

/** The facility types eligible for this scheme (対象となる医療機関). */
export const INSTITUTION_TYPES = [
  "hospital",
  "clinic",
  "home_nursing",
  "pharmacy",
  "midwifery",
] as const;
export const InstitutionType = z.enum(INSTITUTION_TYPES, {
  error: "施設種別を選択してください",
});
export type InstitutionType = z.infer<typeof InstitutionType>;

export const INSTITUTION_TYPE_LABELS: LabelMap<InstitutionType> = {
  ja: {
    hospital: "病院",
    clinic: "診療所（歯科を含む）",
    home_nursing: "訪問看護事業所",
    pharmacy: "薬局",
    midwifery: "助産所",
  },
  en: {
    hospital: "Hospital",
    clinic: "Clinic (incl. dental clinic)",
    home_nursing: "Home-visit nursing station",
    pharmacy: "Pharmacy",
    midwifery: "Midwifery home",
  },
};
