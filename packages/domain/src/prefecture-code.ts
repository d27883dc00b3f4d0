import { z } from "#zod";
import { PREFECTURE_CODE_MAX, PREFECTURE_CODE_MIN } from "./prefectures";

const CHOOSE_PREFECTURE = "都道府県を選択してください";

/** A JIS X 0401 code. Apart from the list, so a screen naming a prefecture loads no zod. */
export const PrefectureCode = z
  .number({ error: CHOOSE_PREFECTURE })
  .check(
    z.int({ error: CHOOSE_PREFECTURE }),
    z.gte(PREFECTURE_CODE_MIN, { error: CHOOSE_PREFECTURE }),
    z.lte(PREFECTURE_CODE_MAX, { error: CHOOSE_PREFECTURE }),
  );
export type PrefectureCode = z.infer<typeof PrefectureCode>;
