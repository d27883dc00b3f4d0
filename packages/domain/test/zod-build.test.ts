import { describe, expect, it } from "vitest";
import { Id, SignInInput } from "../src/index";

// Classic zod gives every schema methods such as .nullable(); zod/mini has none of them.
const isClassic = (schema: object) => "nullable" in schema;

describe("the zod build the schemas are made with", () => {
  it("is the one this run stands for", () => {
    const expected = process.env.EXPECTED_ZOD_BUILD;
    expect(["zod", "zod/mini"]).toContain(expected);
    expect(isClassic(Id)).toBe(expected === "zod");
    expect(isClassic(SignInInput)).toBe(expected === "zod");
  });
});
