import { z } from "#zod";

export const ROLES = ["institution", "prefecture", "ministry", "vendor", "delegate"] as const;
export const Role = z.enum(ROLES, { error: "利用者の種別が正しくありません" });
export type Role = z.infer<typeof Role>;
