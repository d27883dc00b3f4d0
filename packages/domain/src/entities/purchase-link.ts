import { z } from "#zod";
import { Id, SerialId, Timestamp } from "./common";

/** ⑤ the emailed purchase URL; only the token's hash is stored, and it never leaves the server. */
export const PurchaseLink = z.object({
  id: Id,
  targetItemId: Id,
  expiresAt: Timestamp,
  revokedAt: z.nullable(Timestamp),
  createdAt: Timestamp,
  createdBy: z.nullable(Id),
});
export type PurchaseLink = z.infer<typeof PurchaseLink>;

export const PurchaseLinkSend = z.object({
  id: SerialId,
  purchaseLinkId: Id,
  mailId: Id,
  sentBy: z.nullable(Id),
  at: Timestamp,
});
export type PurchaseLinkSend = z.infer<typeof PurchaseLinkSend>;
