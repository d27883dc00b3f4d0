import { Id, PrefectureCode } from "@sos/domain";
import { z } from "zod";
import { appRouter } from "../root";
import {
  createCallerFactory,
  institutionProcedure,
  mergeRouters,
  ministryProcedure,
  prefectureProcedure,
  reviewerProcedure,
  router,
  vendorProcedure,
} from "../trpc";

/**
 * One harmless query per base procedure, for tests only: they pin the role checks down
 * independently of the real routers. Not part of the production router (`appRouter`);
 * `testRouter` adds it under `probe`.
 */
export const probeRouter = router({
  institution: institutionProcedure
    .output(z.object({ institutionId: Id }))
    .query(({ ctx }) => ({ institutionId: ctx.institutionId })),
  prefecture: prefectureProcedure
    .output(z.object({ prefectureCode: PrefectureCode }))
    .query(({ ctx }) => ({ prefectureCode: ctx.prefectureCode })),
  ministry: ministryProcedure
    .output(z.object({ role: z.literal("ministry") }))
    .query(() => ({ role: "ministry" as const })),
  reviewer: reviewerProcedure
    .output(
      z.object({
        scope: z.discriminatedUnion("kind", [
          z.object({ kind: z.literal("prefecture"), code: PrefectureCode }),
          z.object({ kind: z.literal("ministry") }),
        ]),
      }),
    )
    .query(({ ctx }) => ({ scope: ctx.scope })),
  vendor: vendorProcedure
    .output(z.object({ role: z.literal("vendor") }))
    .query(() => ({ role: "vendor" as const })),
});

/** The production router plus the probes: what the tests' callers call. */
export const testRouter = mergeRouters(appRouter, router({ probe: probeRouter }));

export const createTestCaller = createCallerFactory(testRouter);
