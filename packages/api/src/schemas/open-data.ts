import { z } from "zod";
import { IsoDateTime } from "./common";

/** The public open-data router's shapes (issue 17 #2, #3, #6): nothing here names an institution. */

export const OpenDataListInput = z
  .object({
    /** How many weeks, newest first (default 52). */
    limit: z
      .number({ error: "件数を数値で指定してください" })
      .int({ error: "件数は整数で指定してください" })
      .min(1, { error: "件数は1〜104で指定してください" })
      .max(104, { error: "件数は1〜104で指定してください" })
      .optional(),
  })
  .strict()
  .optional();

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const PublicAllocationOutput = z.object({
  rule: z.object({ version: z.string(), textJa: z.string() }),
  weeks: z.array(
    z.object({
      weekStart: z.string(),
      cutoffAt: IsoDateTime,
      state: z.enum(["before_cutoff", "awaiting_commit", "committed"]),
      seedSha256: Sha256,
      seedCommittedAt: IsoDateTime,
      /** The seed itself: null until revealed at commit. */
      seed: z.string().nullable(),
      run: z
        .object({
          rule: z.string(),
          committedAt: IsoDateTime,
          inputSha256: Sha256,
          resultSha256: Sha256,
          inputBytes: z.number().int(),
          resultBytes: z.number().int(),
          reason: z.string().nullable(),
          inputUrl: z.string(),
          resultUrl: z.string(),
        })
        .nullable(),
    }),
  ),
});
export type PublicAllocationOutput = z.output<typeof PublicAllocationOutput>;

export const PublicFiguresOutput = z.object({
  threshold: z.number().int(),
  suppressionNoteJa: z.string(),
  next: z.object({ weekStart: z.string(), asOf: IsoDateTime }),
  weeks: z.array(
    z.object({
      weekStart: z.string(),
      asOf: IsoDateTime,
      publishedAt: IsoDateTime,
      rowCount: z.number().int(),
      suppressedCells: z.number().int(),
      csvUrl: z.string(),
      jsonUrl: z.string(),
      csvSha256: Sha256,
      jsonSha256: Sha256,
      csvBytes: z.number().int(),
      jsonBytes: z.number().int(),
    }),
  ),
});
export type PublicFiguresOutput = z.output<typeof PublicFiguresOutput>;
