import { Id, PrefectureCode } from "@sos/domain";
import { z } from "zod";
import {
  institutionProcedure,
  ministryProcedure,
  prefectureProcedure,
  reviewerProcedure,
  router,
  vendorProcedure,
} from "../../trpc";

// One harmless query per base procedure: lets the apps check "am I allowed here?"
// and lets tests pin the role checks down independently of the real routers.

export const institutionProbeRouter = router({
  ping: institutionProcedure
    .output(z.object({ institutionId: Id }))
    .query(({ ctx }) => ({ institutionId: ctx.institutionId })),
});

export const prefectureProbeRouter = router({
  ping: prefectureProcedure
    .output(z.object({ prefectureCode: PrefectureCode }))
    .query(({ ctx }) => ({ prefectureCode: ctx.prefectureCode })),
});

export const ministryProbeRouter = router({
  ping: ministryProcedure
    .output(z.object({ role: z.literal("ministry") }))
    .query(() => ({ role: "ministry" as const })),
});

export const reviewerProbeRouter = router({
  ping: reviewerProcedure
    .output(
      z.object({
        scope: z.discriminatedUnion("kind", [
          z.object({ kind: z.literal("prefecture"), code: PrefectureCode }),
          z.object({ kind: z.literal("ministry") }),
        ]),
      }),
    )
    .query(({ ctx }) => ({ scope: ctx.scope })),
});

export const vendorProbeRouter = router({
  ping: vendorProcedure
    .output(z.object({ role: z.literal("vendor") }))
    .query(() => ({ role: "vendor" as const })),
});
