import { PREFECTURES } from "@sos/domain";

/** The 47 prefectures for a filter, in JIS order. */
export const PREFECTURE_OPTIONS = PREFECTURES.map((prefecture) => ({
  value: String(prefecture.code),
  label: prefecture.name,
}));
