import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { purchaseFieldErrors } from "../src/storefront/purchase-errors";

/** A refusal as the API's error formatter sends it. */
function refusal(fieldErrors: Record<string, string[]>) {
  return new TRPCClientError<never>("在庫が不足しています。", {
    result: { error: { code: -32009, message: "", data: { code: "CONFLICT", fieldErrors } } },
  } as never);
}

const SENT = {
  lines: [
    { size: "S", sets: 2 },
    { size: "M", sets: 1 },
  ],
  delivery: {
    name: "千代田中央病院",
    postcode: "1000001",
    address: "東京都千代田区千代田1-1",
    phone: "0312345678",
  },
  paymentMethod: "invoice",
} as const;

describe("the server's purchase refusals, at the form's fields", () => {
  it("finds a line's size through the lines that were sent", () => {
    expect(
      purchaseFieldErrors(refusal({ "lines.1.sets": ["残り 0 セットです"] }), {
        ...SENT,
        lines: [...SENT.lines],
      }),
    ).toEqual({ "sets.M": "残り 0 セットです" });
  });

  it("maps the delivery, the payment method and the whole order", () => {
    expect(
      purchaseFieldErrors(
        refusal({
          "delivery.postcode": ["郵便番号は7桁の数字で入力してください（例：100-8916）"],
          paymentMethod: ["このお支払い方法は現在ご利用いただけません。"],
          lines: ["購入上限数（4セット）を超えています。"],
        }),
        { ...SENT, lines: [...SENT.lines] },
      ),
    ).toEqual({
      deliveryPostcode: "郵便番号は7桁の数字で入力してください（例：100-8916）",
      paymentMethod: "このお支払い方法は現在ご利用いただけません。",
      "sets.total": "購入上限数（4セット）を超えています。",
    });
  });

  it("leaves out what it cannot place (a line that was not sent, an unknown key)", () => {
    expect(
      purchaseFieldErrors(refusal({ "lines.5.sets": ["x"], token: ["y"] }), {
        ...SENT,
        lines: [...SENT.lines],
      }),
    ).toEqual({});
    expect(purchaseFieldErrors(new Error("offline"), { ...SENT, lines: [...SENT.lines] })).toEqual(
      {},
    );
  });
});
