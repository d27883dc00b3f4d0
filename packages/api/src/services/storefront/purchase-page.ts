import type { Db } from "@sos/db";
import { allocationOfTargetItem } from "@sos/db/repositories/allocation";
import { orderOfTargetItem } from "@sos/db/repositories/order";
import { saleSizes } from "@sos/db/repositories/product";
import { GLOVE_SIZE_LABELS, PAYMENT_METHOD_LABELS } from "@sos/domain";
import { PIECES_PER_SET } from "@sos/rules";
import type { ApiConfig } from "../../context";
import { DomainError } from "../../errors";
import type { PurchasePageOutput } from "../../schemas/storefront";
import { loadOrderView } from "../vendor-portal/order-view";
import { paymentMethodsOf } from "../vendor-portal/settings";
import { allocatedSets } from "./allocated-purchase";
import { findLink, institutionOf, isUsable, unusableLinkError } from "./purchase-link";

/** ⑥ the purchase page an institution reaches through its emailed link. */

export type PurchasePage = PurchasePageOutput;

export async function purchasePage(
  db: Db,
  { token, now, config }: { token: string; now: Date; config: ApiConfig },
): Promise<PurchasePage> {
  const link = await findLink(db, token, false);
  if (link === null) throw new DomainError("PURCHASE_LINK_INVALID");
  const order = await orderOfTargetItem(db, link.targetItemId);
  // The link that bought shows its order for good (also after its expiry); any
  // other link of a bought item is dead.
  if (order !== undefined) {
    const view = order.purchaseLinkId === link.linkId ? await loadOrderView(db, order.id) : null;
    if (view === null) throw new DomainError("PURCHASE_LINK_INVALID");
    return { kind: "ordered", institution: institutionOf(link), order: view };
  }
  if (!isUsable(link, now)) throw unusableLinkError(link);

  const [sizes, allocation] = await Promise.all([
    saleSizes(db),
    allocationOfTargetItem(db, link.targetItemId, false),
  ]);
  // Allocated (issue 17): the link carries the allocation, per size and in all.
  const allocated = allocation.length > 0;
  const limitSets = allocated ? allocatedSets(allocation) : link.limitSets;
  const methods = paymentMethodsOf(config);
  const registered = link.registrationPaymentMethod;
  return {
    kind: "form",
    institution: institutionOf(link),
    limitSets,
    limitPieces: limitSets * PIECES_PER_SET,
    piecesPerSet: PIECES_PER_SET,
    expiresAt: link.expiresAt,
    product:
      sizes.length === 0
        ? null
        : {
            name: sizes[0]?.productName ?? "",
            sizes: sizes.map((s) => ({
              size: s.size,
              label: GLOVE_SIZE_LABELS.ja[s.size],
              stockSets: allocated
                ? allocation
                    .filter((line) => line.size === s.size)
                    .reduce((sum, line) => sum + line.sets - line.takenSets, 0)
                : s.stockSets,
            })),
          },
    // The registration is the facility's own word on where goods go; the
    // ministry's data is the fallback.
    delivery: {
      name: link.registrationName ?? link.name,
      postcode: link.registrationPostcode ?? link.postcode,
      address: link.registrationAddress ?? link.address,
      phone: link.registrationPhone ?? link.phone,
    },
    paymentMethods: methods.map((value) => ({ value, label: PAYMENT_METHOD_LABELS.ja[value] })),
    defaultPaymentMethod:
      registered !== null && methods.includes(registered) ? registered : (methods[0] ?? "invoice"),
  };
}
