import { authRouter } from "./routers/auth";
import { homeRouter } from "./routers/home";
import { operationsRouter } from "./routers/operations";
import {
  institutionProbeRouter,
  ministryProbeRouter,
  prefectureProbeRouter,
} from "./routers/probe";
import {
  publicationRouter,
  reviewRouter,
  sanctionsRouter,
  targetListRouter,
} from "./routers/review";
import { sosRouter } from "./routers/sos";
import { storefrontRouter } from "./routers/storefront";
import { surveyRouter } from "./routers/survey";
import { institutionOrdersRouter, vendorRouter } from "./routers/vendor";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  auth: authRouter,
  institution: institutionProbeRouter,
  prefecture: prefectureProbeRouter,
  ministry: ministryProbeRouter,
  review: reviewRouter,
  vendor: vendorRouter,
  storefront: storefrontRouter,
  institutionOrders: institutionOrdersRouter,
  survey: surveyRouter,
  sos: sosRouter,
  home: homeRouter,
  targetList: targetListRouter,
  sanctions: sanctionsRouter,
  publication: publicationRouter,
  operations: operationsRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process with a hand-made context: the tests' entry point. */
export const createCaller = createCallerFactory(appRouter);
