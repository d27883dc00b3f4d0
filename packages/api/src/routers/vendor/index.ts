import { mergeRouters, router } from "../../trpc";
import { vendorProbeRouter } from "../probe";
import { orderProcedures } from "./orders";
import { productProcedures } from "./products";
import { registrationProcedures } from "./registrations";
import { targetListProcedures } from "./target-lists";

export { institutionOrdersRouter } from "./institution-orders";

/**
 * The vendor's back office (販売業者): registrations, the target lists and
 * their purchase links, orders and shipping, products and stock. Every
 * procedure is vendor-only; `ping` stays for the app's role check.
 */
export const vendorRouter = mergeRouters(
  vendorProbeRouter,
  router({
    ...registrationProcedures,
    ...targetListProcedures,
    ...orderProcedures,
    ...productProcedures,
  }),
);
