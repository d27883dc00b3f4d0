import { GloveSize, Id, optionalText, PrefectureCode } from "@sos/domain";
import { z } from "zod";
import { IsoDateTime, Person, Sha256Input } from "./common";
import { WeekStart } from "./review";
import { Sets } from "./vendor-portal";

/** The allocation router's shapes (issue 17: when gloves run short). */

export const AllocationParametersInput = z
  .object({
    thresholdWeeks: z
      .number({ error: "基準週数を入力してください" })
      .int({ error: "基準週数は整数で入力してください" })
      .min(1, { error: "基準週数は1〜52週で入力してください" })
      .max(52, { error: "基準週数は1〜52週で入力してください" }),
    tierOrder: z
      .array(z.enum(["supply_agreement", "weeks_of_cover"]))
      .max(2)
      .refine((order) => new Set(order).size === order.length, {
        error: "順位の基準は同じものを二度選べません",
      }),
    coverBandsWeeks: z
      .array(
        z
          .number({ error: "在庫週数の帯を入力してください" })
          .int({ error: "在庫週数の帯は整数の週で入力してください" })
          .min(1, { error: "在庫週数の帯は1〜52週で入力してください" })
          .max(52, { error: "在庫週数の帯は1〜52週で入力してください" }),
      )
      .max(8, { error: "在庫週数の帯は8つまでです" })
      .refine((bands) => bands.every((w, i) => i === 0 || w > (bands[i - 1] ?? 0)), {
        error: "在庫週数の帯は小さい順に、同じ値を重ねずに入力してください",
      }),
  })
  .strict();

export const AllocationWeekInput = z.object({ weekStart: WeekStart });

export const StateSupplyInput = z.object({
  weekStart: WeekStart,
  size: GloveSize,
  sets: Sets,
});

export const PreviewInput = z.object({
  weekStart: WeekStart,
  parameters: AllocationParametersInput.nullish(),
});

export const CommitInput = z.object({
  weekStart: WeekStart,
  parameters: AllocationParametersInput.nullish(),
  /** Required (checked by the service) when the parameters differ from the defaults. */
  reason: optionalText("変更の理由", 1000),
  /** The preview's inputSha256: the commit is of exactly that input, and idempotent on it. */
  inputSha256: Sha256Input,
});

export const RunInput = z.object({ runId: Id });

export const OwnAllocationInput = z.object({ weekStart: WeekStart.nullish() }).optional();

// ---- outputs ----

const Parameters = z.object({
  thresholdWeeks: z.number().int(),
  tierOrder: z.array(z.enum(["supply_agreement", "weeks_of_cover"])).readonly(),
  coverBandsWeeks: z.array(z.number().int()).readonly(),
});

const Rate = z.number().min(0).max(1).nullable();

const SizeTotals = z.object({
  size: z.string(),
  supplySets: z.number().int(),
  demandSets: z.number().int(),
  allocatedSets: z.number().int(),
  rationed: z.boolean(),
});

const FillRow = z.object({
  requests: z.number().int(),
  demandSets: z.number().int(),
  allocatedSets: z.number().int(),
  fillRate: Rate,
});

const Summary = z.object({
  sizes: z.array(SizeTotals),
  tiers: z.array(FillRow.extend({ tier: z.number().int(), label: z.string() })),
  prefectures: z.array(FillRow.extend({ prefectureCode: PrefectureCode })),
  spread: z.object({
    maxFillRate: Rate,
    minFillRate: Rate,
    ratio: z.number().nullable(),
  }),
});

export const AllocationWeekOutput = z.object({
  weekStart: z.string(),
  cutoffAt: IsoDateTime,
  seed: z
    .object({ sha256: z.string(), committedAt: IsoDateTime, seed: z.string().nullable() })
    .nullable(),
  sizes: z.array(
    z.object({
      size: GloveSize,
      label: z.string(),
      statedSets: z.number().int().nullable(),
      freeSets: z.number().int(),
    }),
  ),
  run: z.object({ id: Id, committedAt: IsoDateTime, resultSha256: z.string() }).nullable(),
  defaults: Parameters,
});
export type AllocationWeekOutput = z.output<typeof AllocationWeekOutput>;

export const SeedOutput = z.object({ seedSha256: z.string() });

export const PreviewOutput = z.object({
  weekStart: z.string(),
  rule: z.string(),
  parameters: Parameters,
  changed: z.boolean(),
  inputSha256: z.string(),
  summary: Summary,
});
export type PreviewOutput = z.output<typeof PreviewOutput>;

export const CommitOutput = z.object({ runId: Id, alreadyCommitted: z.boolean() });

export const RunsOutput = z.array(
  z.object({
    id: Id,
    weekStart: z.string(),
    rule: z.string(),
    inputSha256: z.string(),
    resultSha256: z.string(),
    reason: z.string().nullable(),
    committedAt: IsoDateTime,
    committedBy: Person,
  }),
);
export type RunsOutput = z.output<typeof RunsOutput>;

export const ReplayOutput = z.object({
  id: Id,
  weekStart: z.string(),
  rule: z.string(),
  parameters: Parameters,
  reason: z.string().nullable(),
  storedSha256: z.string(),
  replayedSha256: z.string(),
  identical: z.boolean(),
  bytes: z.number().int(),
  summary: Summary,
});
export type ReplayOutput = z.output<typeof ReplayOutput>;

export const OwnAllocationOutput = z.object({
  weekStart: z.string().nullable(),
  run: z
    .object({
      rule: z.string(),
      parameters: Parameters,
      tierCount: z.number().int(),
      requests: z.array(
        z.object({
          requestId: Id,
          code: z.string(),
          tier: z.number().int(),
          tierLabel: z.string(),
          needPieces: z.number().int(),
          weeksOfCover: z.number().nullable(),
          stock: z.number().int(),
          consumption: z.number().int(),
          purchases: z.number().int(),
          supplyAgreement: z.boolean(),
          limitSets: z.number().int(),
          totalSets: z.number().int(),
          sizes: z.array(
            z.object({
              size: GloveSize,
              requestedSets: z.number().int(),
              allocatedSets: z.number().int(),
              lotterySets: z.number().int(),
              rationed: z.boolean(),
            }),
          ),
        }),
      ),
    })
    .nullable(),
});
export type OwnAllocationOutput = z.output<typeof OwnAllocationOutput>;
