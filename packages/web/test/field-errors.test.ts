import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { formFieldErrors } from "../src/field-errors";

function serverError(data: Record<string, unknown>) {
  return TRPCClientError.from({
    error: { message: "入力内容に誤りがあります。", code: -32600, data },
  });
}

describe("formFieldErrors", () => {
  it("keeps the first message of each of the form's own fields", () => {
    const error = serverError({
      code: "BAD_REQUEST",
      fieldErrors: {
        contactName: ["担当者氏名を入力してください", "二つ目"],
        "lines.0.sets": ["セット数を入力してください"],
      },
    });
    expect(formFieldErrors(error, ["contactName", "notes"] as const)).toEqual({
      contactName: "担当者氏名を入力してください",
    });
  });

  it("gives nothing for an error without field messages", () => {
    expect(formFieldErrors(new Error("offline"), ["contactName"])).toEqual({});
    expect(formFieldErrors(serverError({ code: "CONFLICT" }), ["contactName"])).toEqual({});
  });
});
