import { verifyPassword } from "@sos/auth";
import { sql } from "kysely";
import { type BenchContext, mutation } from "../context";
import { closedLoop, LoadClient } from "../load";
import { medianRep, num, quantile, withSpread } from "../report";
import { answerers } from "../world";

/** Sign-ins in flight: more than the libuv threads that hash, so they never wait on the client. */
const SIGN_IN_CONNECTIONS = 16;

/** argon2id verifications alone, as many at once as libuv has threads (the server's ceiling too). */
async function verifyRate(hash: string, password: string, seconds: number): Promise<number> {
  const lanes = Number(process.env.UV_THREADPOOL_SIZE ?? 4);
  let done = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const lane = async () => {
    while (performance.now() < deadline) {
      if (!(await verifyPassword(hash, password)))
        throw new Error("the bench password did not verify");
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return (done * 1000) / (performance.now() - started);
}

/**
 * auth.signIn over HTTP (argon2id 19 MiB, t=2, plus the throttle, session and
 * audit writes) against argon2id verification alone in this process. The table's
 * own goal for sign-in is the deadline hour (pnpm bench --deadline-hour); the
 * ratio here says what sign-in costs beyond its hash.
 */
export async function signInPair(context: BenchContext): Promise<void> {
  const { options, report } = context;
  const seconds = Math.max(2, Math.round(options.seconds / 2));
  report.section(`sign-in (argon2id): ${SIGN_IN_CONNECTIONS} connections, ${seconds} s per run`);
  // Institutions the answer runs do not use, each signing in with its own name.
  const people = await answerers(
    context.db,
    context.world.weekStart,
    options.sessions,
    Math.min(options.sessions, context.world.institutions - options.sessions),
  );
  const hash = await sql<{ passwordHash: string }>`
    select password_hash from users where id = ${people[0]?.userId ?? null}`.execute(context.db);
  const passwordHash = hash.rows[0]?.passwordHash;
  if (passwordHash === undefined) throw new Error("no bench user to sign in");
  const client = new LoadClient(context.product.baseUrl, SIGN_IN_CONNECTIONS);
  let turn = 0;
  const signIns = (durationMs: number) =>
    closedLoop(client, {
      connections: SIGN_IN_CONNECTIONS,
      durationMs,
      next: () => {
        const who = people[turn++ % people.length];
        return mutation(context.product.baseUrl, "auth.signIn", {
          username: who?.username,
          password: context.world.password,
        });
      },
      accept: (answer) => String(answer.headers["set-cookie"] ?? "").includes("sos_session="),
    });
  try {
    await signIns(1000);
    const product: number[] = [];
    const bare: number[] = [];
    for (let rep = 1; rep <= options.reps; rep++) {
      const p = await signIns(seconds * 1000);
      const b = await verifyRate(passwordHash, context.world.password, seconds);
      product.push(p.rate);
      bare.push(b);
      const failures = p.failed > 0 ? `, ${p.failed} failed: ${p.samples[0] ?? ""}` : "";
      report.info(
        `rep ${rep}: product ${num(p.rate, 1)} sign-ins/s (p99 ${num(quantile(p.latencies, 0.99))} ms${failures}); argon2id verify alone ${num(b, 1)} /s`,
      );
    }
    const ratios = product.map((p, i) => p / (bare[i] ?? Number.NaN));
    report.info(`product / bare per repetition: ${withSpread(ratios, 3)}`);
    report.ratio({
      path: "sign-in (argon2id 19 MiB, t=2)",
      product: `${num(product[medianRep(ratios)] ?? Number.NaN, 1)} sign-ins/s`,
      baseline: `argon2id verify alone ${num(bare[medianRep(ratios)] ?? Number.NaN, 1)} /s`,
      ratio: ratios[medianRep(ratios)] ?? null,
      goal: { op: ">=", value: 0.8 },
      note: "the issue's goal for sign-in is the deadline hour (pnpm bench --deadline-hour); 0.8 of the bare hash is this bench's floor",
    });
  } finally {
    await client.close();
  }
}
