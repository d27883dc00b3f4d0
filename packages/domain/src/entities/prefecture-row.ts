import { z } from "#zod";
import { PrefectureCode } from "../prefecture-code";

/** A row of the prefectures table (seeded from PREFECTURES). */
export const PrefectureRow = z.object({
  code: PrefectureCode,
  name: z.string().check(z.minLength(1)),
  nameEn: z.string().check(z.minLength(1)),
});
export type PrefectureRow = z.infer<typeof PrefectureRow>;
