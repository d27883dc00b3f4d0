import { randomUUID } from "node:crypto";
import { mutate } from "../support/http";
import type { SmtpSink } from "../support/smtp-sink";

/** A write the server acknowledged (200 with a result): it must survive every later kill. */
export type Ack =
  | { kind: "request.create"; requestId: string }
  | { kind: "request.apply"; requestId: string; status: string }
  | { kind: "links.send"; runId: string; sent: number }
  | { kind: "order.place"; orderNumber: string };

export interface BurstWork {
  /** Sessions of institutions that file and apply one SOS request each. */
  appliers: string[];
  /** Target items to mail purchase links to, a few per send run. */
  linkItems: string[];
  batchId: string;
  vendorSession: string;
}

export interface BurstContext {
  baseUrl: string;
  sink: SmtpSink;
  /** Purchase tokens already tried (each link buys once). */
  usedTokens: Set<string>;
  acks: Ack[];
  /** Set when the server has been killed: every lane stops at its next step. */
  stopped: () => boolean;
}

const ITEMS_PER_RUN = 2;
const PURCHASE_URL = /\/vendor\/purchase\/([a-z2-7]{32})/;

interface ProductSize {
  size: "SS" | "S" | "M" | "L" | "LL";
  stockSets: number;
}

/** A tRPC mutation; null when the server did not acknowledge it (refused, or gone). */
async function call<T>(
  context: BurstContext,
  path: string,
  input: unknown,
  token?: string,
): Promise<T | null> {
  if (context.stopped()) return null;
  try {
    const response = await mutate<T>(context.baseUrl, path, input, { token });
    return response.status === 200 && response.body.result ? response.body.result.data : null;
  } catch {
    return null;
  }
}

async function applyLane(context: BurstContext, work: BurstWork): Promise<void> {
  for (let session = work.appliers.shift(); session; session = work.appliers.shift()) {
    const created = await call<{ id: string; version: number }>(
      context,
      "sos.create",
      { contactName: "クラッシュ 試験", notes: "", conditionsConfirmed: true },
      session,
    );
    if (created === null) continue;
    context.acks.push({ kind: "request.create", requestId: created.id });
    const applied = await call<{ request: { id: string; status: string } }>(
      context,
      "sos.checkAndApply",
      { id: created.id, version: created.version },
      session,
    );
    if (applied === null) continue;
    context.acks.push({
      kind: "request.apply",
      requestId: applied.request.id,
      status: applied.request.status,
    });
  }
}

async function sendLane(context: BurstContext, work: BurstWork): Promise<void> {
  for (;;) {
    const itemIds = work.linkItems.splice(0, ITEMS_PER_RUN);
    if (itemIds.length === 0 || context.stopped()) return;
    const runId = randomUUID();
    const progress = await call<{ sent: number }>(
      context,
      "vendorPortal.sendPurchaseLinks",
      { batchId: work.batchId, itemIds, runId },
      work.vendorSession,
    );
    if (progress !== null) context.acks.push({ kind: "links.send", runId, sent: progress.sent });
  }
}

function nextToken(context: BurstContext): string | null {
  for (const mail of context.sink.received) {
    if (mail.kind !== "purchase_link") continue;
    const token = PURCHASE_URL.exec(mail.text)?.[1];
    if (token && !context.usedTokens.has(token)) {
      context.usedTokens.add(token);
      return token;
    }
  }
  return null;
}

async function purchaseLane(context: BurstContext, sizes: ProductSize[]): Promise<void> {
  let turn = 0;
  while (!context.stopped()) {
    const token = nextToken(context);
    if (token === null) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    turn += 1;
    const size = sizes[turn % sizes.length]?.size ?? "M";
    const order = await call<{ orderNumber: string }>(context, "storefront.purchase", {
      token,
      lines: [{ size, sets: 1 }],
      delivery: {
        name: "クラッシュ試験医療機関",
        postcode: "1000001",
        address: "東京都千代田区千代田1-1",
        phone: "0312345678",
      },
      paymentMethod: "bank_transfer",
    });
    if (order !== null) context.acks.push({ kind: "order.place", orderNumber: order.orderNumber });
  }
}

/**
 * Files and applies SOS requests, sends purchase links and buys with the links
 * already mailed, all at once, until the work runs out or the server is killed.
 */
export async function burst(
  context: BurstContext,
  work: BurstWork,
  sizes: ProductSize[],
): Promise<void> {
  await Promise.all([
    applyLane(context, work),
    applyLane(context, work),
    sendLane(context, work),
    purchaseLane(context, sizes),
    purchaseLane(context, sizes),
  ]);
}
