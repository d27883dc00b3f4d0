import { describe, expect, it } from "vitest";
import { QUANTITY_MESSAGES, quantityField, quantityFieldNamed } from "../src/index";
import { messagesOf } from "./issues";

describe("quantityField", () => {
  it.each([
    ["0", 0],
    ["2000", 2000],
    ["2,000", 2000],
    [" 1,000 ", 1000],
    ["２０００", 2000],
    ["１，０００", 1000],
    ["2000枚", 2000],
    ["10,000,000", 10_000_000],
    [2400, 2400],
    [0, 0],
  ])("reads %j as %d pieces", (input, pieces) => {
    expect(quantityField.parse(input)).toBe(pieces);
  });

  it.each([
    ["", "枚数を入力してください"],
    ["   ", "枚数を入力してください"],
    [undefined, "枚数を入力してください"],
    [null, "枚数を入力してください"],
    ["abc", "数字で入力してください（例：1,000）"],
    ["2箱", "数字で入力してください（例：1,000）"],
    ["2,00", "数字で入力してください（例：1,000）"],
    [true, "数字で入力してください（例：1,000）"],
    ["1.5", "0以上の整数で入力してください"],
    [1.5, "0以上の整数で入力してください"],
    ["-1", "0以上の整数で入力してください"],
    ["－５", "0以上の整数で入力してください"],
    [-3, "0以上の整数で入力してください"],
    ["10,000,001", "数値が大きすぎます（上限 10,000,000 枚）"],
    [99_999_999, "数値が大きすぎます（上限 10,000,000 枚）"],
  ])("refuses %j with 「%s」", (input, message) => {
    expect(messagesOf(quantityField, input)).toEqual([message]);
  });

  it("names the figure in the missing-value message", () => {
    const stock = quantityFieldNamed("在庫量");
    expect(messagesOf(stock, "")).toEqual(["在庫量を入力してください"]);
    expect(messagesOf(stock, undefined)).toEqual(["在庫量を入力してください"]);
    expect(messagesOf(stock, "x")).toEqual([QUANTITY_MESSAGES.not_a_number]);
    expect(stock.parse("３，０００")).toBe(3000);
  });
});
