import type { LabelMap } from "./locale";
import type { Role } from "./role";

/** Apart from the schema, so the frame that names the signed-in user's role loads no zod. */
export const ROLE_LABELS: LabelMap<Role> = {
  ja: {
    institution: "医療機関",
    prefecture: "都道府県担当者",
    ministry: "国（厚生労働省）",
    vendor: "販売業者",
    delegate: "代理入力団体",
  },
  en: {
    institution: "Medical institution",
    prefecture: "Prefecture officer",
    ministry: "Ministry (MHLW)",
    vendor: "Vendor",
    delegate: "Delegate (medical association, head office)",
  },
};
