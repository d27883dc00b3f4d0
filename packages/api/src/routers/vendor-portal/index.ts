import { router } from "../../trpc";
import { orderProcedures } from "./orders";
import { productProcedures } from "./products";
import { registrationProcedures } from "./registrations";
import { targetListProcedures } from "./target-lists";

/**
 * The vendor's back office (販売業者): registrations, the target lists and
 * their purchase links, orders and shipping, products and stock. Every
 * procedure is vendor-only.
 */
export const vendorPortalRouter = router({
  ...registrationProcedures,
  ...targetListProcedures,
  ...orderProcedures,
  ...productProcedures,
});
