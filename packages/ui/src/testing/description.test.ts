import { describe, expect, it } from "vitest";
import { errorDescription } from "./description";

describe("errorDescription", () => {
  it("matches the prefixed message with or without the pause", () => {
    const pattern = errorDescription("数値が大きすぎます（上限 10,000,000 枚）", "枚");
    expect(pattern.test("枚 エラー：数値が大きすぎます（上限 10,000,000 枚）")).toBe(true);
    expect(pattern.test("枚 エラー： 数値が大きすぎます（上限 10,000,000 枚）")).toBe(true);
  });

  it("treats the message literally and as a whole", () => {
    const pattern = errorDescription("例：taro@example.jp (a+b)");
    expect(pattern.test("エラー：例：taro@example.jp (a+b)")).toBe(true);
    expect(pattern.test("エラー：例：taro@exampleXjp (a+b)")).toBe(false);
    expect(pattern.test("エラー：例：taro@example.jp (a+b) ほか")).toBe(false);
  });
});
