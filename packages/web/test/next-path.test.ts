import { describe, expect, it } from "vitest";
import { safeNextPath, signInPathFor } from "../src/session/next-path";

describe("safeNextPath", () => {
  it("keeps a path inside the app", () => {
    expect(safeNextPath("/requests/42?tab=history#top")).toBe("/requests/42?tab=history#top");
  });

  it.each([
    [null],
    [""],
    ["https://evil.example/"],
    ["//evil.example/path"],
    ["/\\evil.example"],
    ["javascript:alert(1)"],
    ["/ok\nSet-Cookie: x"],
  ])("turns %j into the home page", (value) => {
    expect(safeNextPath(value)).toBe("/");
  });
});

describe("signInPathFor", () => {
  it("asks to come back to where the visitor was", () => {
    expect(signInPathFor({ pathname: "/requests/42", search: "?tab=1", hash: "" })).toBe(
      "/sign-in?next=%2Frequests%2F42%3Ftab%3D1",
    );
  });

  it("leaves out the home page, where sign-in goes anyway", () => {
    expect(signInPathFor({ pathname: "/", search: "", hash: "" })).toBe("/sign-in");
  });
});
