import type { FixtureCall } from "@sos/web/storybook";

/**
 * One story file's record of what its screen asked the server. Cleared before every
 * story (the meta's beforeEach), so handlers can answer by what was already done
 * (a read after a write, a retry after a failure) and plays can check the writes.
 */
export function callLog() {
  const calls: FixtureCall[] = [];
  const to = (path: string) => calls.filter((call) => call.path === path);
  return {
    calls,
    clear: () => {
      calls.length = 0;
    },
    /** What was sent to one procedure, oldest first. */
    inputsTo: (path: string) => to(path).map((call) => call.input),
    count: (path: string) => to(path).length,
  };
}
