import type { Db } from "@sos/db";
import { runOfWeek, seedOfWeek, supplyOfWeek } from "@sos/db/repositories/allocation";
import { saleSizes } from "@sos/db/repositories/product";
import { GLOVE_SIZE_LABELS } from "@sos/domain";
import { DEFAULT_ALLOCATION_PARAMETERS } from "@sos/rules";
import { allocationCutoff } from "./allocation";

/** The ministry's page of a week: the cutoff, the seed, the supply per size on sale, the run. */
export async function weekStatus(db: Db, weekStart: string) {
  const [sizes, stated, seed, run] = await Promise.all([
    saleSizes(db),
    supplyOfWeek(db, weekStart),
    seedOfWeek(db, weekStart),
    runOfWeek(db, weekStart),
  ]);
  return {
    weekStart,
    cutoffAt: allocationCutoff(weekStart),
    seed:
      seed === undefined
        ? null
        : {
            sha256: seed.seedSha256,
            committedAt: seed.committedAt,
            // The seed itself only once revealed (at commit, after the cutoff).
            seed: seed.revealedAt === null ? null : seed.seed,
          },
    sizes: sizes.map((s) => ({
      size: s.size,
      label: GLOVE_SIZE_LABELS.ja[s.size],
      statedSets: stated.find((row) => row.size === s.size)?.sets ?? null,
      freeSets: s.stockSets,
    })),
    run:
      run === undefined
        ? null
        : { id: run.id, committedAt: run.committedAt, resultSha256: run.resultSha256 },
    defaults: DEFAULT_ALLOCATION_PARAMETERS,
  };
}
