import { createHash, randomBytes } from "node:crypto";
import { appendAudit, type Db } from "@sos/db";
import {
  insertAllocationLines,
  insertRun,
  insertSeed,
  lockSeed,
  reserveSets,
  revealSeed,
  runOfWeek,
  seedOfWeek,
  stateSupply,
} from "@sos/db/repositories/allocation";
import type { GloveSize } from "@sos/domain";
import {
  type AllocationParameters,
  type AllocationResult,
  allocate,
  canonicalJson,
  DEFAULT_ALLOCATION_PARAMETERS,
  seedCommitment,
  sosDeadline,
  surveyCreationTime,
} from "@sos/rules";
import { DomainError } from "../../errors";
import { weekInput } from "./week-input";

const sha256Hex = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

export interface AllocationActor {
  userId: string;
  role: "ministry";
}

/** The week's cutoff: the Wednesday 17:00 (Tokyo) deadline of requests filed in it. */
export function allocationCutoff(weekStart: string): Date {
  return sosDeadline(surveyCreationTime(weekStart));
}

/** The ministry states the sets available this week per size (audited). */
export async function stateWeekSupply(
  db: Db,
  args: {
    weekStart: string;
    size: GloveSize;
    sets: number;
    actor: AllocationActor;
    now: Date;
  },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if ((await runOfWeek(trx, args.weekStart)) !== undefined) throw alreadyCommitted();
    await stateSupply(trx, {
      weekStart: args.weekStart,
      size: args.size,
      sets: args.sets,
      statedBy: args.actor.userId,
      statedAt: args.now,
    });
    await appendAudit(trx, {
      action: "allocation.supply",
      actorUserId: args.actor.userId,
      actorRole: args.actor.role,
      targetType: "allocation_week",
      targetId: args.weekStart,
      details: { size: args.size, sets: args.sets },
    });
  });
}

/**
 * Fixes the week's lottery seed before the cutoff: 32 random bytes in hex.
 * Only its SHA-256 is shown until the seed is revealed (at commit, after the
 * cutoff). A second call returns the seed already fixed: it never changes.
 */
export async function commitSeed(
  db: Db,
  { weekStart, actor, now }: { weekStart: string; actor: AllocationActor; now: Date },
): Promise<{ seedSha256: string }> {
  if (now.getTime() >= allocationCutoff(weekStart).getTime()) {
    throw new DomainError("DEADLINE_PASSED", {
      messageJa:
        "締切を過ぎたため、この週の抽選シードは決められません。シードは締切前に決めて公開する必要があります。",
    });
  }
  const seed = randomBytes(32).toString("hex");
  const seedSha256 = seedCommitment(seed);
  return db.transaction().execute(async (trx) => {
    const wrote = await insertSeed(trx, {
      weekStart,
      seed,
      seedSha256,
      committedBy: actor.userId,
      committedAt: now,
    });
    const row = await seedOfWeek(trx, weekStart);
    if (row === undefined) throw new DomainError("CONFLICT");
    if (wrote) {
      await appendAudit(trx, {
        action: "allocation.seed_commit",
        actorUserId: actor.userId,
        actorRole: actor.role,
        targetType: "allocation_week",
        targetId: weekStart,
        details: { seedSha256 },
      });
    }
    return { seedSha256: row.seedSha256 };
  });
}

export interface PreviewArgs {
  weekStart: string;
  parameters?: AllocationParameters;
}

function alreadyCommitted(): DomainError {
  return new DomainError("INVALID_STATE", {
    messageJa: "この週の割当は確定済みです。確定した割当は変更できません。",
  });
}

async function seedFor(db: Db, weekStart: string): Promise<string> {
  const row = await seedOfWeek(db, weekStart);
  if (row === undefined) {
    throw new DomainError("INVALID_STATE", {
      messageJa: "この週の抽選シードが締切前に決められていないため、割当を計算できません。",
    });
  }
  return row.seed;
}

/** What the allocation would be, with nothing written (the seed is used, not shown). */
export async function previewAllocation(db: Db, args: PreviewArgs): Promise<AllocationResult> {
  return (await previewWeek(db, args)).result;
}

/**
 * The preview with what the screen shows beside it: the week's input (kept on
 * the server: it holds the seed) and its SHA-256, which the commit names so
 * that it commits exactly what was previewed.
 */
export async function previewWeek(db: Db, args: PreviewArgs) {
  const seed = await seedFor(db, args.weekStart);
  const week = await weekInput(db, {
    weekStart: args.weekStart,
    parameters: args.parameters ?? DEFAULT_ALLOCATION_PARAMETERS,
    seed,
  });
  const result = allocate(week.input);
  return { week, result, inputSha256: sha256Hex(canonicalJson(week.input)) };
}

export interface CommitArgs extends PreviewArgs {
  /** Required when the parameters differ from the defaults. */
  reason: string | null;
  actor: AllocationActor;
  now: Date;
  /** The previewed input's SHA-256: when given, a commit of any other input is refused. */
  expectedInputSha256?: string;
}

/**
 * Commits the week's allocation after the cutoff, in one transaction: the run
 * with its canonical input and result, a line per request and size, the sets
 * reserved on the stock, the seed revealed, and the audit entry. The unique
 * run per week refuses a second commit; a size whose free stock cannot hold
 * the allocation refuses the whole commit.
 */
export async function commitAllocation(db: Db, args: CommitArgs) {
  if (args.now.getTime() < allocationCutoff(args.weekStart).getTime()) {
    throw new DomainError("INVALID_STATE", {
      messageJa:
        "締切前のため割当を確定できません。締切後に確定してください（プレビューはいつでもできます）。",
    });
  }
  const parameters = args.parameters ?? DEFAULT_ALLOCATION_PARAMETERS;
  const changed = canonicalJson(parameters) !== canonicalJson(DEFAULT_ALLOCATION_PARAMETERS);
  const reason = args.reason?.trim() ?? "";
  if (changed && reason === "") {
    throw new DomainError("INVALID_INPUT", {
      messageJa: "パラメータを既定値から変更する場合は、理由を入力してください。",
      fieldErrors: { reason: ["理由を入力してください"] },
    });
  }
  return db.transaction().execute(async (trx) => {
    await lockSeed(trx, args.weekStart);
    if ((await runOfWeek(trx, args.weekStart)) !== undefined) throw alreadyCommitted();
    const seed = await seedFor(trx, args.weekStart);
    const week = await weekInput(trx, { weekStart: args.weekStart, parameters, seed });
    const expected = args.expectedInputSha256;
    if (expected !== undefined && sha256Hex(canonicalJson(week.input)) !== expected) {
      throw new DomainError("STALE_VERSION", {
        messageJa:
          "プレビューの後に供給量または要請が変わりました。もう一度プレビューして確認してから確定してください。",
      });
    }
    const result = allocate(week.input);
    const runId = await writeRun(trx, { ...args, reason: changed ? reason : null }, week, result);
    await revealSeed(trx, args.weekStart, args.now);
    return { runId, result };
  });
}

async function writeRun(
  trx: Db,
  args: CommitArgs,
  week: Awaited<ReturnType<typeof weekInput>>,
  result: AllocationResult,
): Promise<string> {
  const inputJson = canonicalJson(week.input);
  const resultJson = canonicalJson(result);
  const runId = await insertRun(trx, {
    weekStart: args.weekStart,
    rule: result.rule,
    inputJson,
    resultJson,
    inputSha256: sha256Hex(inputJson),
    resultSha256: sha256Hex(resultJson),
    parametersReason: args.reason,
    committedBy: args.actor.userId,
    committedAt: args.now,
  });
  const lines = result.requests.flatMap((r) =>
    Object.entries(r.allocated)
      .filter(([, sets]) => sets > 0)
      .map(([size, sets]) => ({
        runId,
        requestId: week.requestOfCode.get(r.code) ?? "",
        code: r.code,
        productSizeId: week.sizeIds.get(size) ?? "",
        size: size as GloveSize,
        sets,
      })),
  );
  await insertAllocationLines(trx, lines);
  for (const size of result.sizes) {
    const sizeId = week.sizeIds.get(size.size);
    if (size.allocatedSets === 0 || sizeId === undefined) continue;
    if (!(await reserveSets(trx, sizeId, size.allocatedSets))) {
      throw new DomainError("OUT_OF_STOCK", {
        messageJa: `${size.size}サイズの在庫が割当（${size.allocatedSets.toLocaleString("ja-JP")}セット）に足りないため確定できません。供給量を在庫以内にしてください。`,
      });
    }
  }
  await appendAudit(trx, {
    action: "allocation.commit",
    actorUserId: args.actor.userId,
    actorRole: args.actor.role,
    targetType: "allocation_run",
    targetId: runId,
    details: {
      weekStart: args.weekStart,
      rule: result.rule,
      parameters: week.input.parameters,
      reason: args.reason,
      inputSha256: sha256Hex(inputJson),
      resultSha256: sha256Hex(resultJson),
      sizes: result.sizes,
    },
  });
  return runId;
}

/**
 * The commit as the screen makes it: idempotent on the previewed input. When
 * the week already has a run of that very input (a second click, a second
 * tab, a retry after a lost answer), it answers that run instead of an error;
 * a run of another input still refuses.
 */
export async function commitPreviewed(
  db: Db,
  args: CommitArgs & { expectedInputSha256: string },
): Promise<{ runId: string; alreadyCommitted: boolean }> {
  try {
    const { runId } = await commitAllocation(db, args);
    return { runId, alreadyCommitted: false };
  } catch (error) {
    const run = await runOfWeek(db, args.weekStart);
    if (run !== undefined && run.inputSha256 === args.expectedInputSha256) {
      return { runId: run.id, alreadyCommitted: true };
    }
    throw error;
  }
}
