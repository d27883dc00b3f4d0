import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { safeCharacters, UNSAFE_CHARACTER_MESSAGE } from "@sos/domain";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatError } from "../src/error-shape";
import { appRouter } from "../src/root";
import { createTestContext } from "../src/testing";
import { createTestCaller } from "../src/testing/probe-router";
import { listProcedures } from "./support/procedures";
import { walkSchema } from "./support/zod-walk";

const procedures = listProcedures(appRouter);

describe("every string a procedure accepts refuses NUL and lone surrogates", () => {
  it("walks some strings at all (the walker reads zod's definitions)", () => {
    const strings = procedures.flatMap(({ inputs }) =>
      inputs.flatMap((input) => walkSchema(input)).filter((visit) => visit.kind === "string"),
    );
    expect(strings.length).toBeGreaterThan(40);
  });

  it.each(procedures.filter(({ inputs }) => inputs.length > 0))(
    "$path: each string carries the shared rule, no input is opaque",
    ({ inputs }) => {
      const visits = inputs.flatMap((input) => walkSchema(input));
      const opaque = visits.filter((visit) => visit.kind === "opaque");
      expect(opaque).toEqual([]);
      const withoutRule = visits.flatMap((visit) =>
        visit.kind === "string" && !(visit.schema._zod.def.checks ?? []).includes(safeCharacters)
          ? [visit.path]
          : [],
      );
      // Build the field on inputString() (or requiredText, normalizedField…) from @sos/domain.
      expect(withoutRule).toEqual([]);
    },
  );
});

describe("the refusal reaches the client as a Japanese field error", () => {
  let tdb: TestDatabase;

  beforeAll(async () => {
    tdb = await createTestDatabase();
  });

  afterAll(async () => {
    await tdb.destroy();
  });

  async function fieldErrorsOf(call: Promise<unknown>) {
    const error = await call.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCError);
    const shape = formatError(error as TRPCError);
    expect(shape.data.code).toBe("BAD_REQUEST");
    expect(shape.data.domainCode).toBe("INVALID_INPUT");
    return shape.data.fieldErrors;
  }

  it.each([
    ["NUL", "病院\u0000"],
    ["a lone high surrogate", "病院\uD83D"],
    ["a lone low surrogate", "\uDE00病院"],
  ])("storefront.register with %s in the facility name and e-mail", async (_label, bad) => {
    const caller = createTestCaller(createTestContext(tdb.db));
    const fieldErrors = await fieldErrorsOf(
      caller.storefront.register({
        facilityName: bad,
        address: "東京都千代田区霞が関1-2-2",
        postcode: "100-8916",
        institutionCode: "1300000001",
        phone: "03-5253-1111",
        email: `a${bad}@example.jp`,
        paymentMethod: "invoice",
      }),
    );
    expect(fieldErrors).toEqual({
      facilityName: [UNSAFE_CHARACTER_MESSAGE],
      email: [UNSAFE_CHARACTER_MESSAGE],
    });
    const rows = await tdb.db.selectFrom("vendorRegistrations").select("id").execute();
    expect(rows).toEqual([]);
  });

  it("a surrogate pair (an emoji) is a character like any other", async () => {
    const caller = createTestCaller(createTestContext(tdb.db));
    const fieldErrors = await fieldErrorsOf(
      caller.auth.signIn({ username: "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", password: "" }),
    );
    expect(fieldErrors?.username).not.toContain(UNSAFE_CHARACTER_MESSAGE);
    expect(fieldErrors?.password).toBeDefined();
  });
});
