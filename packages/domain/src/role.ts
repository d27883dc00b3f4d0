import { z } from "zod";
import type { LabelMap } from "./locale";

export const ROLES = ["institution", "prefecture", "ministry", "vendor"] as const;
export const Role = z.enum(ROLES, { error: "利用者の種別が正しくありません" });
export type Role = z.infer<typeof Role>;

export const ROLE_LABELS: LabelMap<Role> = {
  ja: {
    institution: "医療機関",
    prefecture: "都道府県担当者",
    ministry: "国（厚生労働省）",
    vendor: "販売業者",
  },
  en: {
    institution: "Medical institution",
    prefecture: "Prefecture officer",
    ministry: "Ministry (MHLW)",
    vendor: "Vendor",
  },
};
