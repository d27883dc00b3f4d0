import type { Db } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import {
  INITIAL_REVIEW_STAGE,
  reviewTransition,
  SOS_ACTION_ACTORS,
  type SosAction,
  type SosActor,
  transition,
} from "@sos/rules";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, createTestUser, type TestUser } from "../src/testing";
import { createTestCaller } from "../src/testing/probe-router";
import {
  type Caller,
  callerAs,
  ELIGIBLE,
  FORM,
  putSurvey,
  type TestClock,
  testClock,
} from "./fixtures/institution-world";
import { latestLinkTo, putProduct, registerAsListed } from "./fixtures/vendor-world";

/**
 * The request and order state machines driven through the real procedures and
 * database: random sequences of events by the right and the wrong people, each
 * observed in the rows it leaves. Whatever the sequence, a request changes state
 * only along an edge the rules' tables allow to that actor, and an order is
 * placed, shipped and delivered only in that order, each by its own event.
 */

const RUNS = Number(process.env.LIFECYCLE_RUNS ?? 40);

type Role = "institution" | "prefecture" | "ministry" | "vendor";

interface Actors {
  own: Caller;
  /** Another institution, another prefecture's officer: foreign to the request. */
  otherInstitution: Caller;
  prefecture: Caller;
  otherPrefecture: Caller;
  ministry: Caller;
  vendor: Caller;
  anonymous: Caller;
}

interface Observed {
  status: string;
  stage: string | null;
  version: number;
  itemId: string | null;
  /** A live purchase link was made for the item. */
  linked: boolean;
  order: { id: string; status: string } | null;
}

interface Subject {
  requestId: string;
  institutionId: string;
  /** The address the vendor mails the purchase link to. */
  email: string;
}

/**
 * What an event is in the rules' terms: null for the order's events. A caller
 * foreign to the request (another institution, another prefecture, the vendor)
 * is recorded as "system", an actor the rules let take none of these actions.
 */
interface RuleEvent {
  action: SosAction | "apply";
  actor: SosActor;
}

interface Command {
  name: string;
  rule: RuleEvent | null;
  run: (actors: Actors, subject: Subject, now: Observed) => Promise<unknown>;
}

let tdb: TestDatabase;
let db: Db;
let clock: TestClock;
let shared: Omit<Actors, "own">;
const reached = { accepted: 0, ordered: 0, shipped: 0, delivered: 0, refusals: 0, events: 0 };

type Run = Command["run"];
type Pick = (actors: Actors) => Caller;

/** The same event by whichever caller `pick` chooses: the right one or a wrong one. */
const completes =
  (pick: Pick): Run =>
  (a, s, now) =>
    pick(a).review.savePrefectureReview({
      id: s.requestId,
      expectedVersion: now.version,
      supplyNeeded: true,
      notes: "",
      complete: true,
    });
const approves =
  (pick: Pick): Run =>
  (a, s, now) =>
    pick(a).review.approve({ items: [{ id: s.requestId, expectedVersion: now.version }] });
const closes =
  (pick: Pick): Run =>
  (a, s, now) =>
    pick(a).review.markNotEligible({
      id: s.requestId,
      expectedVersion: now.version,
      reason: "対象外",
    });
const withdraws =
  (pick: Pick): Run =>
  (a, s, now) =>
    pick(a).sos.withdraw({ id: s.requestId, version: now.version });

const commands: Command[] = [
  {
    name: "institution saves",
    rule: { action: "save", actor: "institution" },
    run: (a, s, now) => a.own.sos.update({ id: s.requestId, version: now.version, ...FORM }),
  },
  {
    name: "institution applies",
    rule: { action: "apply", actor: "institution" },
    run: (a, s, now) => a.own.sos.checkAndApply({ id: s.requestId, version: now.version }),
  },
  {
    name: "institution withdraws",
    rule: { action: "withdraw", actor: "institution" },
    run: withdraws((a) => a.own),
  },
  {
    name: "prefecture completes",
    rule: { action: "prefecture_complete", actor: "prefecture" },
    run: completes((a) => a.prefecture),
  },
  {
    name: "prefecture closes as not eligible",
    rule: { action: "reject", actor: "prefecture" },
    run: closes((a) => a.prefecture),
  },
  {
    name: "ministry closes as not eligible",
    rule: { action: "reject", actor: "ministry" },
    run: closes((a) => a.ministry),
  },
  {
    name: "ministry approves",
    rule: { action: "approve", actor: "ministry" },
    run: approves((a) => a.ministry),
  },
  {
    name: "ministry returns",
    rule: { action: "return_to_prefecture", actor: "ministry" },
    run: (a, s, now) =>
      a.ministry.review.returnToPrefecture({
        id: s.requestId,
        expectedVersion: now.version,
        reason: "再確認",
      }),
  },
  // The wrong people trying the same.
  {
    name: "prefecture approves",
    rule: { action: "approve", actor: "prefecture" },
    run: approves((a) => a.prefecture),
  },
  {
    name: "ministry completes the prefecture's part",
    rule: { action: "prefecture_complete", actor: "ministry" },
    run: completes((a) => a.ministry),
  },
  {
    name: "another prefecture completes",
    rule: { action: "prefecture_complete", actor: "system" },
    run: completes((a) => a.otherPrefecture),
  },
  {
    name: "another institution withdraws",
    rule: { action: "withdraw", actor: "system" },
    run: withdraws((a) => a.otherInstitution),
  },
  {
    name: "vendor approves",
    rule: { action: "approve", actor: "system" },
    run: approves((a) => a.vendor),
  },
  // The order's life.
  {
    name: "ministry issues the target list",
    rule: null,
    run: (a) => a.ministry.targetList.issue(),
  },
  {
    name: "vendor sends the purchase link",
    rule: null,
    run: async (a, _s, now) => {
      const item = await itemOf(now);
      return a.vendor.vendorPortal.sendPurchaseLinks({ batchId: item.batchId, itemIds: [item.id] });
    },
  },
  {
    name: "someone buys through the mailed link",
    rule: null,
    run: async (a, s) =>
      a.anonymous.storefront.purchase({
        token: await tokenOf(s),
        lines: [{ size: "M", sets: 1 }],
        delivery: {
          name: "受取窓口",
          postcode: "1000001",
          address: "東京都千代田区千代田1-1",
          phone: "0312345678",
        },
        paymentMethod: "invoice",
      }),
  },
  {
    name: "vendor ships",
    rule: null,
    run: (a, _s, now) =>
      a.vendor.vendorPortal.markShipped({
        orderId: orderOf(now),
        carrier: "ヤマト運輸",
        trackingNumber: "1234-5678",
      }),
  },
  {
    name: "vendor records delivery",
    rule: null,
    run: (a, _s, now) => a.vendor.vendorPortal.markDelivered({ orderId: orderOf(now) }),
  },
  {
    name: "institution marks its order shipped",
    rule: null,
    run: (a, _s, now) =>
      a.own.vendorPortal.markShipped({
        orderId: orderOf(now),
        carrier: "自社便",
        trackingNumber: "1",
      }),
  },
];

/** The happy path from any state: what the right person would do next. */
function nextOnHappyPath(now: Observed): string {
  if (now.order?.status === "shipped") return "vendor records delivery";
  if (now.order?.status === "ordered") return "vendor ships";
  if (now.status === "accepted") {
    if (now.itemId === null) return "ministry issues the target list";
    return now.linked ? "someone buys through the mailed link" : "vendor sends the purchase link";
  }
  if (now.status === "reviewing") {
    return now.stage === "ministry" ? "ministry approves" : "prefecture completes";
  }
  return "institution applies";
}

const NO_ID = "00000000-0000-4000-8000-000000000000";

/** The request's item of a target list, or ids of nothing (the procedure then refuses). */
async function itemOf(now: Observed): Promise<{ id: string; batchId: string }> {
  const item = await db
    .selectFrom("targetItems")
    .select(["id", "batchId"])
    .where("id", "=", now.itemId ?? NO_ID)
    .executeTakeFirst();
  return item ?? { id: NO_ID, batchId: NO_ID };
}

async function tokenOf(subject: Subject): Promise<string> {
  const mails = await db
    .selectFrom("mailOutbox")
    .select("id")
    .where("kind", "=", "purchase_link")
    .where("toAddress", "=", subject.email)
    .execute();
  // No link mailed yet: a token nobody was given.
  return mails.length === 0 ? "a".repeat(32) : (await latestLinkTo(db, subject.email)).token;
}

function orderOf(now: Observed): string {
  return now.order?.id ?? NO_ID;
}

async function observe(subject: Subject): Promise<Observed> {
  const request = await db
    .selectFrom("sosRequests")
    .select(["status", "reviewStage", "version"])
    .where("id", "=", subject.requestId)
    .executeTakeFirstOrThrow();
  const item = await db
    .selectFrom("targetItems")
    .select("id")
    .where("requestId", "=", subject.requestId)
    .executeTakeFirst();
  const link = item
    ? await db
        .selectFrom("purchaseLinks")
        .select("id")
        .where("targetItemId", "=", item.id)
        .where("revokedAt", "is", null)
        .executeTakeFirst()
    : undefined;
  const order = item
    ? await db
        .selectFrom("orders")
        .select(["id", "status"])
        .where("targetItemId", "=", item.id)
        .executeTakeFirst()
    : undefined;
  return {
    status: request.status,
    stage: request.reviewStage,
    version: request.version,
    itemId: item?.id ?? null,
    linked: link !== undefined,
    order: order ?? null,
  };
}

/** The request's state after a rule event, by the rules' tables; null when they refuse it. */
function byTheRules(
  before: Observed,
  action: SosAction,
  actor: SosActor,
): { status: string; stage: string | null } | null {
  if (!SOS_ACTION_ACTORS[action].includes(actor)) return null;
  const status = transition(before.status as Parameters<typeof transition>[0], action);
  if (!status.ok) return null;
  if (before.status !== "reviewing") {
    return {
      status: status.value,
      stage: status.value === "reviewing" ? INITIAL_REVIEW_STAGE : null,
    };
  }
  const stage = reviewTransition((before.stage ?? INITIAL_REVIEW_STAGE) as "prefecture", action);
  if (!stage.ok) return null;
  return { status: status.value, stage: status.value === "reviewing" ? stage.value : null };
}

/** The order may only move one step forward, and only by the event that moves it. */
const ORDER_EDGES: Record<string, string> = {
  "none someone buys through the mailed link": "ordered",
  "ordered vendor ships": "shipped",
  "shipped vendor records delivery": "delivered",
};

function checkStep(command: Command, before: Observed, after: Observed) {
  const context = `${command.name}: ${JSON.stringify(before)} → ${JSON.stringify(after)}`;
  const requestMoved =
    after.version !== before.version ||
    after.status !== before.status ||
    after.stage !== before.stage;
  if (requestMoved) {
    expect(command.rule, `${context}: only a request event changes the request`).not.toBeNull();
    const rule = command.rule as RuleEvent;
    // A system check decides which of its two outcomes the application takes.
    const action: SosAction =
      rule.action === "apply"
        ? after.status === "reviewing"
          ? "apply_passed"
          : "apply_failed"
        : rule.action;
    const actor: SosActor = rule.action === "apply" ? "system" : rule.actor;
    const expected = byTheRules(before, action, actor);
    expect(expected, `${context}: the rules allow ${action} by ${actor}`).not.toBeNull();
    expect({
      status: after.status,
      stage: after.status === "reviewing" ? after.stage : null,
    }).toEqual(expected);
  }
  const orderBefore = before.order?.status ?? "none";
  const orderAfter = after.order?.status ?? "none";
  if (orderAfter !== orderBefore) {
    expect(ORDER_EDGES[`${orderBefore} ${command.name}`], context).toBe(orderAfter);
    // Nothing is bought on a request the ministry has not accepted.
    expect(after.status, context).toBe("accepted");
  }
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  clock = testClock("2026-12-01 10:00:00");
  await putProduct(db, { M: 100_000 });
  const as = async (role: Role, prefectureCode = 13) =>
    callerAs(db, (await createTestUser(db, role, { prefectureCode })).user, clock);
  shared = {
    otherInstitution: await as("institution"),
    prefecture: await as("prefecture"),
    otherPrefecture: await as("prefecture", 27),
    ministry: await as("ministry"),
    vendor: await as("vendor"),
    anonymous: createTestCaller(createTestContext(db, { now: () => clock.now })),
  };
});

afterAll(async () => {
  console.info(
    `lifecycle: ${RUNS} sequences, ${reached.events} events (${reached.refusals} refused); reached accepted ${reached.accepted}, ordered ${reached.ordered}, shipped ${reached.shipped}, delivered ${reached.delivered}`,
  );
  await tdb.destroy();
});

/** A fresh institution with this week's survey answered, a registration and a draft. */
async function newSubject(): Promise<{ own: Caller; subject: Subject; user: TestUser }> {
  const user = await createTestUser(db, "institution", { prefectureCode: 13 });
  const institutionId = user.user.institutionId ?? "";
  await putSurvey(db, institutionId, "2026-11-25", ELIGIBLE);
  const { email } = await registerAsListed(db, institutionId);
  const own = await callerAs(db, user.user, clock);
  const draft = await own.sos.create(FORM);
  return { own, subject: { requestId: draft.id, institutionId, email }, user };
}

const step = fc.oneof(
  { weight: 3, arbitrary: fc.constant("next on the happy path") },
  // A double submission: whatever was just done, once more.
  { weight: 1, arbitrary: fc.constant("the same again") },
  { weight: 3, arbitrary: fc.constantFrom(...commands.map((c) => c.name)) },
);

/**
 * A random walk, then every event once more in some order: whatever state the
 * walk reached is tried with each event, the wrong ones included.
 */
const sequence = fc
  .tuple(
    fc.array(step, { minLength: 1, maxLength: 16 }),
    fc.shuffledSubarray(
      commands.map((c) => c.name),
      { minLength: commands.length },
    ),
  )
  .map(([walk, sweep]) => [...walk, ...sweep]);

describe("request and order state machines, through the procedures and the database", () => {
  it("random event sequences move them only along the allowed edges", async () => {
    await fc.assert(
      fc.asyncProperty(sequence, async (names) => {
        const { own, subject } = await newSubject();
        const actors: Actors = { ...shared, own };
        let now = await observe(subject);
        const seen = new Set<string>();
        let previous = "institution saves";
        for (const name of names) {
          const commandName =
            name === "next on the happy path"
              ? nextOnHappyPath(now)
              : name === "the same again"
                ? previous
                : name;
          previous = commandName;
          const command = commands.find((c) => c.name === commandName) as Command;
          const outcome = await command.run(actors, subject, now).then(
            () => null,
            (error: unknown) => error,
          );
          reached.events += 1;
          if (outcome !== null) {
            reached.refusals += 1;
            expect(outcome, `${command.name} fails as a tRPC error`).toBeInstanceOf(TRPCError);
            expect(getHTTPStatusCodeFromError(outcome as TRPCError)).toBeLessThan(500);
          }
          const after = await observe(subject);
          checkStep(command, now, after);
          now = after;
          if (now.status === "accepted") seen.add("accepted");
          if (now.order) seen.add(now.order.status);
        }
        for (const state of ["accepted", "ordered", "shipped", "delivered"] as const) {
          if (seen.has(state) || (state === "ordered" && seen.has("shipped"))) reached[state] += 1;
        }
      }),
      // Each run is a dozen database transactions: report the failing run as found.
      { numRuns: RUNS, seed: 20261207, endOnFailure: true },
    );
    // The property only says something if sequences get that far.
    expect(reached.shipped).toBeGreaterThan(0);
  }, 300_000);
});
