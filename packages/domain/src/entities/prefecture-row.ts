import { z } from "zod";
import { PrefectureCode } from "../prefectures";

/** A row of the prefectures table (seeded from PREFECTURES). */
export const PrefectureRow = z.object({
  code: PrefectureCode,
  name: z.string().min(1),
  nameEn: z.string().min(1),
});
export type PrefectureRow = z.infer<typeof PrefectureRow>;
