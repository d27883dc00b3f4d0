import { describe, expect, it } from "vitest";
import {
  EMAIL_ERROR_MESSAGES,
  INSTITUTION_CODE_ERROR_MESSAGES,
  PHONE_ERROR_MESSAGES,
  POSTCODE_ERROR_MESSAGES,
  PURCHASE_ERROR_MESSAGES,
  type QuantityError,
  quantityErrorMessage,
  TRANSITION_ERROR_MESSAGES,
} from "../src/index";

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const QUANTITY_ERRORS: QuantityError[] = [
  "required",
  "not_a_number",
  "not_integer",
  "negative",
  "too_large",
];

describe("Japanese messages for every error code", () => {
  it.each([
    [
      "institution code",
      INSTITUTION_CODE_ERROR_MESSAGES,
      ["required", "not_digits", "invalid_length"],
    ],
    ["postcode", POSTCODE_ERROR_MESSAGES, ["required", "not_digits", "invalid_length"]],
    ["phone", PHONE_ERROR_MESSAGES, ["required", "not_digits", "invalid_length", "invalid_prefix"]],
    ["email", EMAIL_ERROR_MESSAGES, ["required", "invalid"]],
    [
      "purchase",
      PURCHASE_ERROR_MESSAGES,
      ["empty", "over_limit", "not_whole_sets", "negative", "duplicate_size"],
    ],
    ["transition", TRANSITION_ERROR_MESSAGES, ["not_allowed"]],
  ])("%s: one distinct Japanese sentence per code", (_name, messages, codes) => {
    expect(Object.keys(messages).sort()).toEqual([...codes].sort());
    const texts = Object.values(messages);
    for (const text of texts) {
      expect(text).toMatch(JAPANESE);
      expect(text.endsWith("。")).toBe(true);
    }
    expect(new Set(texts).size).toBe(texts.length);
  });

  it("quantity messages name the field and differ per code", () => {
    const texts = QUANTITY_ERRORS.map((e) => quantityErrorMessage(e, "在庫量"));
    for (const text of texts) expect(text.startsWith("在庫量")).toBe(true);
    expect(new Set(texts).size).toBe(QUANTITY_ERRORS.length);
    expect(quantityErrorMessage("required")).toBe("数量を入力してください。");
    expect(quantityErrorMessage("too_large", "在庫量")).toBe(
      "在庫量は10,000,000枚以下で入力してください。",
    );
  });
});
