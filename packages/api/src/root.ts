import { authRouter } from "./routers/auth";
import { homeRouter } from "./routers/home";
import {
  institutionProbeRouter,
  ministryProbeRouter,
  prefectureProbeRouter,
  reviewerProbeRouter,
  vendorProbeRouter,
} from "./routers/probe";
import { sosRouter } from "./routers/sos";
import { surveyRouter } from "./routers/survey";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  auth: authRouter,
  institution: institutionProbeRouter,
  prefecture: prefectureProbeRouter,
  ministry: ministryProbeRouter,
  review: reviewerProbeRouter,
  vendor: vendorProbeRouter,
  survey: surveyRouter,
  sos: sosRouter,
  home: homeRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process with a hand-made context: the tests' entry point. */
export const createCaller = createCallerFactory(appRouter);
