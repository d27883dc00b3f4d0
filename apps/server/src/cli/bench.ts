import { Interrupted, runBench } from "../bench/main";
import { BENCH_USAGE, BenchUsageError, parseBenchArgs } from "../bench/options";

/**
 * `pnpm bench [--quick]`: the issue-13 pairs, product against its bare baseline
 * in the same run, each ending in a `ratio …` line, then `N met, N missed`.
 * `pnpm bench --deadline-hour [--institutions N] [--minutes M]`: the deadline
 * hour as a run. Figures, never assertions: this machine is shared.
 */
async function main(): Promise<void> {
  let options: ReturnType<typeof parseBenchArgs>;
  try {
    options = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    console.error(`${error.message}\n\n${BENCH_USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options === "help") {
    console.log(BENCH_USAGE);
    return;
  }
  await runBench(options);
}

main().catch((error: unknown) => {
  // Interrupted: the servers are stopped and the scratch database dropped; the
  // measurement still running in the background has nothing left to talk to.
  if (error instanceof Interrupted) process.exit(130);
  console.error("bench failed:", error);
  process.exitCode = 1;
});
