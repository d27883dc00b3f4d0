import { createCaller } from "@sos/api";
import { createTestContext } from "@sos/api/testing";
import { createSession, toSessionUser } from "@sos/auth";
import { type BenchContext, query } from "../context";
import { LoadClient } from "../load";
import { median, medianRep, num, withSpread } from "../report";
import { captureSql, replay, rounds } from "../sql-capture";

/** Samples of each side per repetition; the repetition's figure is their median. */
const SAMPLES = 7;

/**
 * review.queue sorted by institution name, the ministry's nationwide view: the
 * product over HTTP (session, tRPC, the queue's queries, output validation)
 * against the very SQL it sent, captured at the driver and replayed bare through
 * pg with the same parameters. Two sizes from one data set: the requests in
 * review this week, and every filed request.
 */
export async function reviewQueuePair(context: BenchContext): Promise<void> {
  const { options, report, world } = context;
  report.section(
    `review queue, name sort, ministry nationwide, page 1 of 50 (${SAMPLES} samples per run)`,
  );
  const ministry = await context.db
    .selectFrom("users")
    .select([
      "id",
      "username",
      "displayName",
      "role",
      "institutionId",
      "prefectureCode",
      "email",
      "leadOfficer",
    ])
    .where("id", "=", world.ministryUserId)
    .executeTakeFirstOrThrow();
  const { token, session } = await createSession(context.db, ministry.id, { now: new Date() });
  const caller = createCaller(
    createTestContext(context.db, { user: toSessionUser(ministry), session: { id: session.id } }),
  );
  const client = new LoadClient(context.product.baseUrl, 1);
  try {
    for (const [status, size] of [
      ["reviewing", world.reviewing],
      ["all", world.requests],
    ] as const) {
      const input = { status, sort: "institutionName", dir: "asc", page: 1, pageSize: 50 } as const;
      const captured = await captureSql(() => caller.review.queue(input));
      if (captured.statements.length === 0) {
        throw new Error(
          "no SQL captured from review.queue: the product no longer queries through pg",
        );
      }
      const groups = rounds(captured.statements);
      const call = query("review.queue", input, token);
      const viaHttp = async () => {
        const started = performance.now();
        const answer = await client.call(call);
        if (answer.status !== 200)
          throw new Error(`review.queue answered ${answer.status}: ${answer.body.slice(0, 200)}`);
        return performance.now() - started;
      };
      // Warm-up of both: plans, buffers, JIT.
      await viaHttp();
      await replay(context.admin, groups);
      const product: number[] = [];
      const bare: number[] = [];
      for (let rep = 1; rep <= options.reps; rep++) {
        const p: number[] = [];
        const b: number[] = [];
        for (let i = 0; i < SAMPLES; i++) {
          p.push(await viaHttp());
          b.push(await replay(context.admin, groups));
        }
        product.push(median(p));
        bare.push(median(b));
      }
      const ratios = product.map((p, i) => p / (bare[i] ?? Number.NaN));
      const label = `${num(size)} requests (status ${status})`;
      report.info(
        `${label}: product ${withSpread(product, 1)} ms, bare SQL ${withSpread(bare, 1)} ms; ${captured.statements.length} statements in ${groups.length} round trips; product / bare ${withSpread(ratios, 2)}`,
      );
      report.ratio({
        path: `review queue, name sort, ${label}`,
        product: `${num(product[medianRep(ratios)] ?? Number.NaN, 1)} ms`,
        baseline: `the same SQL bare ${num(bare[medianRep(ratios)] ?? Number.NaN, 1)} ms`,
        ratio: ratios[medianRep(ratios)] ?? null,
        goal: { op: "<=", value: 2 },
      });
    }
  } finally {
    await client.close();
  }
}
