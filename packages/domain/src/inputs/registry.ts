import { normalizeDigitsText, toHalfWidth } from "@sos/rules";
import { z } from "#zod";
import { ADDRESS_MAX_LENGTH, FACILITY_NAME_MAX_LENGTH } from "../api-limits";
import { inputString } from "../fields/characters";
import { emailField } from "../fields/email";
import { institutionCodeField } from "../fields/institution-code";
import { phoneField } from "../fields/phone";
import { postcodeField } from "../fields/postcode";
import { requiredText } from "../fields/text";
import {
  INSTITUTION_TYPE_LABELS,
  INSTITUTION_TYPES,
  type InstitutionType,
} from "../institution-type";
import { PREFECTURES } from "../prefectures";

/**
 * One row of the ministry's register of medical institutions, as the registry
 * import reads it: the same field rules as the rest of the product, plus the
 * type and prefecture written the way the register writes them (labels or codes).
 */

function wordKey(cell: string): string {
  return toHalfWidth(cell).replace(/\s+/g, "").toLowerCase();
}

/** The labels, the codes, and the shorter names the register and people use. */
const TYPE_WORDS: ReadonlyMap<string, InstitutionType> = new Map(
  [
    ...INSTITUTION_TYPES.map((t) => [t, t] as const),
    ...INSTITUTION_TYPES.map((t) => [INSTITUTION_TYPE_LABELS.ja[t], t] as const),
    ["診療所", "clinic"],
    ["医科診療所", "clinic"],
    ["歯科診療所", "clinic"],
    ["訪問看護ステーション", "home_nursing"],
  ].map(([word, type]) => [wordKey(word), type as InstitutionType] as const),
);

const TYPE_CHOICES = INSTITUTION_TYPES.map((t) => INSTITUTION_TYPE_LABELS.ja[t]).join("・");

export function readInstitutionType(cell: string): InstitutionType | undefined {
  return TYPE_WORDS.get(wordKey(cell));
}

/** Official names, names without 都/府/県 (北海道 keeps its own), and JIS codes 1..47 or 01..47. */
const PREFECTURE_WORDS: ReadonlyMap<string, number> = new Map(
  PREFECTURES.flatMap((p) => [
    [p.name, p.code] as const,
    [p.name.replace(/[都府県]$/, ""), p.code] as const,
    [String(p.code), p.code] as const,
    [String(p.code).padStart(2, "0"), p.code] as const,
  ]),
);

export function readPrefecture(cell: string): number | undefined {
  return PREFECTURE_WORDS.get(wordKey(cell));
}

const institutionTypeCell = z.pipe(
  inputString({ error: "種別を入力してください" }),
  z.transform((input: string, ctx) => {
    if (input.trim() === "") {
      ctx.issues.push({ code: "custom", message: "種別を入力してください", input });
      return z.NEVER;
    }
    const type = readInstitutionType(input);
    if (type !== undefined) return type;
    ctx.issues.push({
      code: "custom",
      message: `種別「${input.trim()}」は使えません（${TYPE_CHOICES}のいずれか）`,
      input,
    });
    return z.NEVER;
  }),
);

const prefectureCell = z.pipe(
  inputString({ error: "都道府県を入力してください" }),
  z.transform((input: string, ctx) => {
    if (input.trim() === "") {
      ctx.issues.push({ code: "custom", message: "都道府県を入力してください", input });
      return z.NEVER;
    }
    const code = readPrefecture(input);
    if (code !== undefined) return code;
    ctx.issues.push({
      code: "custom",
      message: `都道府県「${input.trim()}」が見つかりません（都道府県名または JIS コード 01〜47）`,
      input,
    });
    return z.NEVER;
  }),
);

export const RegistryRowFields = {
  institutionCode: institutionCodeField,
  name: requiredText("名称", FACILITY_NAME_MAX_LENGTH),
  type: institutionTypeCell,
  prefectureCode: prefectureCell,
  postcode: postcodeField,
  address: z.pipe(requiredText("住所", ADDRESS_MAX_LENGTH), z.transform(normalizeDigitsText)),
  phone: phoneField,
  email: emailField,
};

export const RegistryRow = z.object(RegistryRowFields);
export type RegistryRow = z.output<typeof RegistryRow>;
export type RegistryField = keyof typeof RegistryRowFields;

export const REGISTRY_FIELDS = Object.keys(RegistryRowFields) as RegistryField[];

/** Column headings as the ministry's file has them, for messages. */
export const REGISTRY_FIELD_LABELS: Readonly<Record<RegistryField, string>> = {
  institutionCode: "医療機関コード",
  name: "名称",
  type: "種別",
  prefectureCode: "都道府県",
  postcode: "郵便番号",
  address: "住所",
  phone: "電話",
  email: "e-mail",
};
