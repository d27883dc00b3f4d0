import { type Db, switchReadOnly } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { formatError } from "../src/error-shape";
import { appRouter } from "../src/root";
import {
  CALLER_KINDS,
  type CallerWorld,
  callerOf,
  createCallerWorld,
} from "./fixtures/caller-world";
import type { Caller } from "./fixtures/institution-world";
import { listProcedures } from "./support/procedures";
import { arbitraryFor, oddValue } from "./support/zod-arbitrary";

/** Inputs per procedure and kind of caller; FUZZ_RUNS raises it for a longer hunt. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);

const procedures = listProcedures(appRouter);

let tdb: TestDatabase;
let db: Db;
let world: CallerWorld;
let cases = 0;
const serverErrors: string[] = [];

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  world = await createCallerWorld(db);
});

// The ministry's fuzzed operations.setReadOnly may switch read-only mode on; every later
// procedure would then be refused whole (503) whatever its input, and test nothing.
afterEach(async () => {
  await switchReadOnly(db, {
    readOnly: false,
    reason: "fuzz: back to normal",
    at: new Date(),
    actor: null,
    via: "cli",
  });
});

afterAll(async () => {
  console.info(
    `input fuzz: ${cases} calls (${procedures.length} procedures × ${CALLER_KINDS.length} callers × ${RUNS}), ${serverErrors.length} answered 5xx`,
  );
  await tdb.destroy();
});

/** Calls "a.b" on a caller with any input, as a client could send it. */
function call(caller: Caller, path: string, input: unknown): Promise<unknown> {
  const [router, name] = path.split(".") as [string, string];
  const procedures = (caller as unknown as Record<string, Record<string, (i: unknown) => unknown>>)[
    router
  ];
  return Promise.resolve().then(() => procedures?.[name]?.(input));
}

const JAPANESE = /[ぁ-んァ-ヶ一-龠]/;

describe("arbitrary input to every procedure, as every kind of caller", () => {
  it.each(procedures)("$path never answers 5xx", async ({ path, inputs }) => {
    const [schema] = inputs;
    const context = {
      ids: [
        ...world.secrets,
        world.registrationId,
        world.productId,
        world.sizeId,
        world.a.batchId,
        world.colleagueOfA.id,
        world.a.revocableDelegationId,
        world.ungrantedOrganisationId,
      ],
      tokens: [world.unusedToken, world.a.confirmationToken],
    };
    const input = schema === undefined ? oddValue : arbitraryFor(schema, context);
    for (const [index, kind] of CALLER_KINDS.entries()) {
      const caller = await callerOf(db, world, kind);
      await fc.assert(
        fc.asyncProperty(input, async (value) => {
          cases += 1;
          const error = await call(caller, path, value).then(
            () => null,
            (e: unknown) => e,
          );
          if (error === null) return;
          expect(error).toBeInstanceOf(TRPCError);
          const trpcError = error as TRPCError;
          const status = getHTTPStatusCodeFromError(trpcError);
          if (status >= 500) {
            serverErrors.push(`${path} as ${kind}: ${String(trpcError.cause ?? trpcError)}`);
          }
          expect(trpcError.code, `${path} as ${kind}: ${String(trpcError.cause)}`).not.toBe(
            "INTERNAL_SERVER_ERROR",
          );
          expect(status).toBeLessThan(500);
          // What the client would be shown is Japanese, whatever was sent.
          expect(formatError(trpcError).message).toMatch(JAPANESE);
        }),
        {
          numRuns: RUNS,
          seed: SEED + index,
          endOnFailure: true,
          reporter: (details) => {
            if (!details.failed) return;
            // Counterexamples can be a megabyte of text: report the start of each.
            const shown = fc.stringify(details.counterexample).slice(0, 1000);
            const cause = String(details.errorInstance).slice(0, 1000);
            throw new Error(`${path} as ${kind} (seed ${details.seed}): ${cause}\n${shown}`);
          },
        },
      );
    }
  });
});
