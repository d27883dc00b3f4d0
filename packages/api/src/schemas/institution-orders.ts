import { Id, IsoDate } from "@sos/domain";
import { z } from "zod";
import { IsoDateTime } from "./common";
import { OrderViewOutput } from "./vendor-portal";

export const INSTITUTION_LINK_STATES = ["not_sent", "sent", "expired", "revoked", "used"] as const;
export type InstitutionLinkState = (typeof INSTITUTION_LINK_STATES)[number];

/*
 * The one declaration of each shape. Output types are the schemas' input side: what
 * the services return (instants as Dates), which the router's output schema then
 * turns into what the browser receives (ISO strings). Input types are the parsed side.
 */

/** The institution's side of buying: its purchase link and order per request. */

export const RequestIdInput = z.object({ requestId: Id });
export type RequestIdInput = z.infer<typeof RequestIdInput>;

/** 受領確認 of one of the institution's own orders. */
export const ConfirmReceiptInput = z.object({ orderId: Id });

export const InstitutionPurchaseStatusOutput = z.object({
  requestId: Id,
  weekStart: IsoDate,
  /** On a list handed to the vendor (④); before that there is nothing to buy yet. */
  handedOver: z.boolean(),
  handedOverAt: IsoDateTime.nullable(),
  limitSets: z.number().int().nullable(),
  limitPieces: z.number().int().nullable(),
  /** Whether the vendor has a confirmed registration under the institution's code (①'). */
  registeredWithVendor: z.boolean(),
  link: z.object({
    state: z.enum(INSTITUTION_LINK_STATES),
    label: z.string(),
    lastSentAt: IsoDateTime.nullable(),
    expiresAt: IsoDateTime.nullable(),
  }),
  order: OrderViewOutput.nullable(),
});
export type InstitutionPurchaseStatusOutput = z.input<typeof InstitutionPurchaseStatusOutput>;
