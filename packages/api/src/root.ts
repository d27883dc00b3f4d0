import { accountsRouter } from "./routers/accounts";
import { allocationRouter } from "./routers/allocation";
import { authRouter } from "./routers/auth";
import { delegationRouter } from "./routers/delegation";
import { homeRouter } from "./routers/home";
import { institutionOrdersRouter } from "./routers/institution-orders";
import { invitationsRouter } from "./routers/invitations";
import { openDataRouter } from "./routers/open-data";
import { operationsRouter } from "./routers/operations";
import { publicationRouter } from "./routers/publication";
import { registryRouter } from "./routers/registry";
import { reviewRouter } from "./routers/review";
import { sanctionsRouter } from "./routers/sanctions";
import { sosRouter } from "./routers/sos";
import { storefrontRouter } from "./routers/storefront";
import { surveyRouter } from "./routers/survey";
import { targetListRouter } from "./routers/target-list";
import { vendorPortalRouter } from "./routers/vendor-portal";
import { createCallerFactory, router } from "./trpc";

/** Each key names its folder under routers/ (and services/, where it has services). */
export const appRouter = router({
  accounts: accountsRouter,
  allocation: allocationRouter,
  auth: authRouter,
  delegation: delegationRouter,
  home: homeRouter,
  institutionOrders: institutionOrdersRouter,
  invitations: invitationsRouter,
  openData: openDataRouter,
  operations: operationsRouter,
  publication: publicationRouter,
  registry: registryRouter,
  review: reviewRouter,
  sanctions: sanctionsRouter,
  sos: sosRouter,
  storefront: storefrontRouter,
  survey: surveyRouter,
  targetList: targetListRouter,
  vendorPortal: vendorPortalRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process with a hand-made context: the tests' entry point. */
export const createCaller = createCallerFactory(appRouter);
