import { describe, expect, it } from "vitest";
import { ADDRESS_MAX_LENGTH, FACILITY_NAME_MAX_LENGTH, RegistrationInput } from "../src/index";
import { messagesAt } from "./issues";

const valid = {
  facilityName: "さくら診療所",
  address: "東京都千代田区霞が関１－２－２",
  postcode: "〒100-8916",
  institutionCode: "1312345678",
  phone: "03-5253-1111",
  email: "sakura@example.jp",
  paymentMethod: "invoice",
};

describe("RegistrationInput (storefront form and API alike)", () => {
  it("normalises digits and dashes in the address, keeping its kanji", () => {
    const parsed = RegistrationInput.parse(valid);
    expect(parsed.address).toBe("東京都千代田区霞が関1-2-2");
    expect(parsed.postcode).toBe("1008916");
  });

  it("takes its length limits from api-limits, boundaries included", () => {
    expect(FACILITY_NAME_MAX_LENGTH).toBe(200);
    expect(ADDRESS_MAX_LENGTH).toBe(300);
    const at = { ...valid, facilityName: "あ".repeat(200), address: "い".repeat(300) };
    expect(RegistrationInput.safeParse(at).success).toBe(true);
    const over = { ...valid, facilityName: "あ".repeat(201), address: "い".repeat(301) };
    expect(messagesAt(RegistrationInput, over, "facilityName")).toEqual([
      "施設名は200文字以内で入力してください",
    ]);
    expect(messagesAt(RegistrationInput, over, "address")).toEqual([
      "住所は300文字以内で入力してください",
    ]);
  });

  it("asks for a payment method", () => {
    expect(messagesAt(RegistrationInput, { ...valid, paymentMethod: "" }, "paymentMethod")).toEqual(
      ["お支払い方法を選択してください"],
    );
  });
});
