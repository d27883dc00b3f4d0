import type { BenchContext } from "../context";
import { type Child, startProduct } from "../processes";
import { medianRep, num, withSpread } from "../report";
import { type AnswerLoad, answerLoad, answerThroughput, describeRun } from "./survey-answer";

/**
 * The environment variable that asks `pnpm start` for N server processes on one
 * port (issue 13 item 5). The product ignores it until it can.
 */
export const PROCESSES_ENV = "SERVER_PROCESSES";

/** survey.answer throughput with 2 server processes against 1, on this box, back to back. */
export async function serverProcessesPair(context: BenchContext): Promise<void> {
  const { options, report } = context;
  report.section(`2 server processes vs 1: survey.answer, ${options.seconds} s per run`);
  // Both sides started now, from the same code, side by side (only one is driven at a time).
  const start = (count: string) =>
    startProduct({
      ...context.productSettings,
      env: { ...context.productSettings.env, [PROCESSES_ENV]: count },
    });
  const one = await start("1");
  let two: Child | undefined;
  try {
    two = await start("2");
    const multi = two.nodeProcesses() > one.nodeProcesses();
    report.info(
      `node processes: ${one.nodeProcesses()} with ${PROCESSES_ENV}=1, ${two.nodeProcesses()} with ${PROCESSES_ENV}=2, ${context.product.nodeProcesses()} as pnpm start runs by default here`,
    );
    if (!multi) {
      report.ratio({
        path: "2 server processes vs 1 (survey.answer req/s)",
        product: "not measured",
        baseline: "1 process",
        ratio: null,
        goal: { op: ">=", value: 1 },
        note: `the product started one server process with ${PROCESSES_ENV}=2: pnpm start cannot run several yet`,
      });
      return;
    }
    const load: AnswerLoad = await answerLoad(context, options.sessions);
    await answerThroughput(context, two, load, 1);
    await answerThroughput(context, one, load, 1);
    const ratios: number[] = [];
    const rates: { one: number[]; two: number[] } = { one: [], two: [] };
    for (let rep = 1; rep <= options.reps; rep++) {
      const p = await answerThroughput(context, two, load, options.seconds);
      const b = await answerThroughput(context, one, load, options.seconds);
      rates.one.push(b.load.rate);
      rates.two.push(p.load.rate);
      ratios.push(p.load.rate / b.load.rate);
      report.info(`rep ${rep}: ${describeRun("2 processes", p)}`);
      report.info(`rep ${rep}: ${describeRun("1 process", b)}`);
    }
    report.info(`2 / 1 per repetition: ${withSpread(ratios, 3)}`);
    report.ratio({
      path: "2 server processes vs 1 (survey.answer req/s)",
      product: `${num(rates.two[medianRep(ratios)] ?? Number.NaN)} req/s`,
      baseline: `1 process ${num(rates.one[medianRep(ratios)] ?? Number.NaN)} req/s`,
      ratio: ratios[medianRep(ratios)] ?? null,
      goal: { op: ">=", value: 1 },
    });
  } finally {
    await two?.stop();
    await one.stop();
  }
}
