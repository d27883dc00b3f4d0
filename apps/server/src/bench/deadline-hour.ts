import { createHash, randomUUID } from "node:crypto";
import { cpus } from "node:os";
import { surveyWeekOf } from "@sos/rules";
import { sql } from "kysely";
import { type BenchContext, cookie, figures, mutation } from "./context";
import { machineCpu, measureCpu } from "./cpu";
import {
  emptyResult,
  type HttpCall,
  isBusy,
  LoadClient,
  type LoadResult,
  openLoop,
  retryAfterMs,
  timedCall,
} from "./load";
import { num, quantile } from "./report";
import { type Answerer, answerers, sessionsFor } from "./world";

/** Browsers waiting on the site at once, at most (each holds one request). */
const MAX_IN_FLIGHT = 512;
/** Retries of one submission answered busy, at most (the app's own limit is its user's patience). */
const MAX_RETRIES = 20;

interface Ack {
  surveyId: string;
  line: string;
  receipt: string | null;
}

/**
 * The receipt (受付番号) in an answer: result.data.receipt.number as the API
 * returns it (a receipt object or a bare number); null when there is none.
 */
function findReceipt(body: unknown): string | null {
  const data = (body as { result?: { data?: { receipt?: unknown } } } | null)?.result?.data;
  const receipt = data?.receipt;
  if (typeof receipt === "string" || typeof receipt === "number") return String(receipt);
  const number = (receipt as { number?: unknown } | null | undefined)?.number;
  return typeof number === "string" || typeof number === "number" ? String(number) : null;
}

/** The receipts the database holds for this run's answers, where it keeps them (survey_receipts). */
async function storedReceipts(
  context: BenchContext,
  people: readonly Answerer[],
  since: Date,
): Promise<{ count: number; sum: string } | null> {
  const table = await sql<{ found: boolean }>`
    select to_regclass('survey_receipts') is not null as found`.execute(context.db);
  if (table.rows[0]?.found !== true) return null;
  const { rows } = await sql<{ number: string }>`
    select r.number from survey_receipts r
    join weekly_surveys s on s.institution_id = r.institution_id and s.week_start = r.week_start
    where s.id = any(${people.map((p) => p.surveyId)}::uuid[]) and r.accepted_at >= ${since}`.execute(
    context.db,
  );
  const numbers = rows.map((r) => r.number).sort();
  return { count: numbers.length, sum: md5(numbers) };
}

function md5(lines: readonly string[]): string {
  return createHash("md5").update(lines.join("\n")).digest("hex");
}

function sessionFrom(setCookie: string | string[] | undefined): string | null {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  for (const header of all) {
    const match = /^sos_session=([^;]*)/.exec(header);
    if (match?.[1]) return decodeURIComponent(match[1]);
  }
  return null;
}

/**
 * Where the product keeps an institution's session on a browser it signed in
 * from before until its survey week closes (issue 13 item 3), the sessions each
 * institution got at that earlier sign-in; null where it does not.
 */
async function longSessionTokens(
  context: BenchContext,
  people: readonly Answerer[],
): Promise<string[] | null> {
  const column = await sql<{ found: boolean }>`
    select exists (select 1 from information_schema.columns
      where table_name = 'sessions' and column_name = 'idle_timeout') as found`.execute(context.db);
  if (column.rows[0]?.found !== true) return null;
  return sessionsFor(
    context.db,
    people.map((p) => p.userId),
    { lastsUntil: surveyWeekOf(new Date()).closesAt },
  );
}

function latencyLine(label: string, result: LoadResult): string {
  if (result.latencies.length === 0) return `${label.padEnd(22)} none`;
  return `${label.padEnd(22)} ${num(result.ok).padStart(8)} ok, ${num(result.busy)} busy (Retry-After), ${num(result.failed)} failed (${num(result.status5xx)} 5xx, ${num(result.errors)} transport errors), p50 ${num(quantile(result.latencies, 0.5))} ms, p99 ${num(quantile(result.latencies, 0.99))} ms`;
}

/**
 * The deadline hour (issue 13 item 3), compressed: every institution signs in
 * once and answers once, arriving at N / (M × 60) per second for M minutes, open
 * loop. Prints the rate achieved, the cores it took (CPU per institution × the
 * rate), p99, 5xx, and the answers acknowledged against the rows stored.
 */
export async function deadlineHour(context: BenchContext): Promise<void> {
  const { options, report, world } = context;
  const total = world.institutions;
  const rate = total / (options.minutes * 60);
  report.section(
    `deadline hour: ${num(total)} institutions answer once (signing in first where they must) in ${options.minutes} min (${num(rate, 1)} institutions/s, ${num(60 / options.minutes, 1)}× the real hour)`,
  );
  const people = await answerers(context.db, world.weekStart, total);
  const longSessions = await longSessionTokens(context, people);
  report.info(
    longSessions === null
      ? "sign-in path: auth.signIn (username + password, argon2id) once per institution in the hour — the product offers no per-device long session yet"
      : "sign-in path: none in the hour — each institution answers with the per-device long session it got when it signed in earlier in the week (sessions.idle_timeout = false, until the survey week closes), made with @sos/auth's createSession as signIn makes it on a trusted browser",
  );
  const client = new LoadClient(context.product.baseUrl, 64);
  const signIns = emptyResult();
  const answers = emptyResult();
  const flows = emptyResult();
  const acks: Ack[] = [];
  const runStarted = new Date();
  /** As the app does: a busy answer is retried after its Retry-After, with the same body (and key). */
  const submit = async (call: HttpCall, result: LoadResult, since: number) => {
    const accept = (answer: { status: number }) => answer.status === 200;
    let answer = await timedCall(client, call, result, since, accept);
    for (let retry = 0; answer !== null && isBusy(answer) && retry < MAX_RETRIES; retry++) {
      const wait = retryAfterMs(answer);
      await new Promise((resolve) => setTimeout(resolve, wait));
      answer = await timedCall(client, call, result, since, accept);
    }
    return answer;
  };
  const machineBefore = machineCpu();
  const selfBefore = process.cpuUsage();
  try {
    const measured = await measureCpu(
      { pgid: context.product.pid, admin: context.admin, database: context.database },
      () =>
        openLoop({
          rate,
          total: people.length,
          maxInFlight: MAX_IN_FLIGHT,
          stopAfterMs: options.minutes * 60_000 * 1.5,
          flow: async (i, plannedAt) => {
            const who = people[i];
            if (who === undefined) return;
            const token =
              longSessions?.[i] ??
              sessionFrom(
                (
                  await submit(
                    mutation(context.product.baseUrl, "auth.signIn", {
                      username: who.username,
                      password: world.password,
                    }),
                    signIns,
                    plannedAt,
                  )
                )?.headers["set-cookie"],
              );
            if (token === null) {
              flows.failed += 1;
              return;
            }
            // The app sends one key per submission (and again with each retry of it).
            const input = { id: who.surveyId, ...figures(i), idempotencyKey: randomUUID() };
            const answeredAt = performance.now();
            const call = {
              ...mutation(context.product.baseUrl, "survey.answer", input),
              headers: {
                "content-type": "application/json",
                origin: context.product.baseUrl,
                cookie: cookie(token),
              },
            };
            const answer = await submit(call, answers, answeredAt);
            flows.latencies.push(performance.now() - plannedAt);
            if (answer === null || answer.status !== 200) {
              flows.failed += 1;
              return;
            }
            flows.ok += 1;
            let receipt: string | null = null;
            try {
              receipt = findReceipt(JSON.parse(answer.body));
            } catch {
              receipt = null;
            }
            acks.push({
              surveyId: who.surveyId,
              line: `${who.surveyId}:${input.stock}:${input.consumption}:${input.purchases}`,
              receipt,
            });
          },
        }),
    );
    const { started, elapsedMs, maxLagMs } = measured.result;
    const machineAfter = machineCpu();
    const self = process.cpuUsage(selfBefore);
    const machineBusy =
      (machineAfter.busyMs - machineBefore.busyMs) / (machineAfter.totalMs - machineBefore.totalMs);
    const perInstitution = (measured.serverMs + measured.postgresMs) / Math.max(1, flows.ok);
    const achieved = (flows.ok * 1000) / elapsedMs;
    report.info(
      `started ${num(started)} of ${num(total)} institutions in ${num(elapsedMs / 1000, 1)} s (latest start ${num(maxLagMs / 1000, 1)} s behind schedule); ${num(total - started)} not started in time`,
    );
    report.info(latencyLine("sign-in (from its planned start)", signIns));
    report.info(latencyLine("survey.answer", answers));
    report.info(
      `${"sign-in + answer".padEnd(22)} p99 ${num(quantile(flows.latencies, 0.99))} ms from the planned start`,
    );
    report.info(
      `achieved ${num(achieved, 1)} institutions/s (asked ${num(rate, 1)}/s); 5xx: ${num(signIns.status5xx + answers.status5xx)}`,
    );
    report.info(
      `CPU per institution (sign-in + answer): server ${num(measured.serverMs / Math.max(1, flows.ok), 2)} ms, PostgreSQL ${num(measured.postgresMs / Math.max(1, flows.ok), 2)} ms`,
    );
    report.info(
      `meanwhile the machine's ${cpus().length} cores were ${num(machineBusy * 100)} % busy (every process on it, other users' too); the load generator used ${num((self.user + self.system) / 1000 / Math.max(1, flows.ok), 2)} ms per institution`,
    );
    report.info(
      `cores needed: ${num((perInstitution * rate) / 1000, 2)} at this run's rate; ${num((perInstitution * (total / 3600)) / 1000, 2)} for ${num(total)} institutions in the real hour`,
    );

    await reportStored(context, people, runStarted, acks);
  } finally {
    await client.close();
  }
}

/** After the run: answers acknowledged against rows stored, and receipts issued against receipts kept. */
async function reportStored(
  context: BenchContext,
  people: Awaited<ReturnType<typeof answerers>>,
  runStarted: Date,
  acks: readonly Ack[],
): Promise<void> {
  const { report } = context;
  const stored = await sql<{ n: number; lines: string | null }>`
    select count(*)::int as n,
      string_agg(id::text || ':' || stock || ':' || consumption || ':' || purchases, E'\n' order by id) as lines
    from weekly_surveys
    where id = any(${people.map((p) => p.surveyId)}::uuid[]) and answered_at >= ${runStarted}`.execute(
    context.db,
  );
  const storedRow = stored.rows[0];
  const storedSum = createHash("md5")
    .update(storedRow?.lines ?? "")
    .digest("hex");
  const ackSum = md5(acks.map((a) => a.line).sort());
  report.info(
    `answers acknowledged ${num(acks.length)} (checksum ${ackSum.slice(0, 12)}) vs rows stored ${num(storedRow?.n ?? 0)} (checksum ${storedSum.slice(0, 12)}): ${acks.length === storedRow?.n && ackSum === storedSum ? "equal" : "DIFFERENT"}`,
  );
  const receipts = acks.flatMap((a) => (a.receipt === null ? [] : [a.receipt]));
  if (receipts.length === 0) {
    report.info("receipts (受付番号): the answer returns none yet");
  } else {
    const issuedSum = md5([...receipts].sort());
    const kept = await storedReceipts(context, people, runStarted);
    report.info(
      `receipts (受付番号) issued ${num(receipts.length)} (${num(new Set(receipts).size)} distinct, checksum ${issuedSum.slice(0, 12)})` +
        (kept === null
          ? ""
          : ` vs receipts stored ${num(kept.count)} (checksum ${kept.sum.slice(0, 12)})`) +
        ` vs rows stored ${num(storedRow?.n ?? 0)}: ${receipts.length === storedRow?.n && (kept === null || (kept.count === receipts.length && kept.sum === issuedSum)) ? "equal" : "DIFFERENT"}`,
    );
  }
}
