import { formFieldErrors } from "@sos/web";
import { describe, expect, it } from "vitest";
import { requestFailure } from "../src/requests/request-failure";
import { requestFormErrors } from "../src/requests/request-form-errors";
import { serverError } from "./server-error";

const STALE = serverError("他の担当者が先に更新しました。最新の内容を確認してください。", {
  code: "CONFLICT",
  httpStatus: 409,
  domainCode: "STALE_VERSION",
});

const ACCEPTED = serverError("受付完了の要請は編集できません。", {
  code: "PRECONDITION_FAILED",
  httpStatus: 412,
  domainCode: "INVALID_STATE",
});

const INVALID = serverError("入力内容に誤りがあります。各項目を確認してください。", {
  code: "BAD_REQUEST",
  httpStatus: 400,
  domainCode: "INVALID_INPUT",
  fieldErrors: {
    stock: ["在庫量は0以上の整数で入力してください", "二つ目の理由"],
    purchases: ["1週間の購入見込み量が大きすぎます"],
    id: ["IDが正しくありません"],
  },
});

describe("formFieldErrors", () => {
  it("takes the first message of each of the form's own fields, and nothing else", () => {
    expect(formFieldErrors(INVALID, ["stock", "consumption", "purchases"])).toEqual({
      stock: "在庫量は0以上の整数で入力してください",
      purchases: "1週間の購入見込み量が大きすぎます",
    });
  });

  it("is empty for an error without field messages, or that is not the server's", () => {
    expect(formFieldErrors(STALE, ["stock"])).toEqual({});
    expect(formFieldErrors(new TypeError("Failed to fetch"), ["stock"])).toEqual({});
  });
});

describe("requestFailure", () => {
  it("reloads when the request changed elsewhere or moved on", () => {
    expect(requestFailure("保存できませんでした", STALE)).toEqual({
      title: "保存できませんでした",
      message: "他の担当者が先に更新しました。最新の内容を確認してください。",
      reload: true,
    });
    expect(requestFailure("取り下げできませんでした", ACCEPTED).reload).toBe(true);
  });

  it("keeps the screen as it is for a failure that a retry may cure", () => {
    const offline = requestFailure("取り下げできませんでした", new TypeError("Failed to fetch"));
    expect(offline.reload).toBe(false);
    expect(offline.message).toContain("通信エラー");
    expect(requestFailure("保存できませんでした", INVALID).reload).toBe(false);
  });
});

describe("requestFormErrors", () => {
  it("puts field messages at the fields and leaves the form's alert empty", () => {
    const error = serverError("入力内容に誤りがあります。各項目を確認してください。", {
      code: "BAD_REQUEST",
      httpStatus: 400,
      fieldErrors: { contactPhone: ["電話番号の形式が正しくありません"] },
    });
    expect(requestFormErrors(error)).toEqual({
      fieldErrors: { contactPhone: "電話番号の形式が正しくありません" },
      serverError: null,
    });
  });

  it("words any other refusal for the form as a whole", () => {
    expect(requestFormErrors(ACCEPTED)).toEqual({
      fieldErrors: {},
      serverError: "受付完了の要請は編集できません。",
    });
  });
});
