import type { Db } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../src/root";
import {
  CALLER_KINDS,
  type CallerKind,
  type CallerWorld,
  callerOf,
  createCallerWorld,
  guardedState,
} from "./fixtures/caller-world";
import type { Caller } from "./fixtures/institution-world";
import { listProcedures } from "./support/procedures";

/**
 * ok: let through (a query answers; a mutation answers or is refused for a reason
 * that is not about the caller, e.g. the state). hidden: ok, and the answer names
 * nothing of institution A. The rest: refused with that code, nothing changed.
 */
type Outcome = "ok" | "hidden" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND";
type Cells = Record<CallerKind, Outcome>;

const REFUSALS = new Set(["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"]);

function cells(allowed: Partial<Cells>): Cells {
  return {
    anonymous: "UNAUTHORIZED",
    institutionA: "FORBIDDEN",
    institutionB: "FORBIDDEN",
    prefectureSame: "FORBIDDEN",
    prefectureOther: "FORBIDDEN",
    ministry: "FORBIDDEN",
    vendor: "FORBIDDEN",
    ...allowed,
  };
}

const everyone: Cells = cells(Object.fromEntries(CALLER_KINDS.map((kind) => [kind, "ok"])));
const vendorOnly = cells({ vendor: "ok" });
const ministryOnly = cells({ ministry: "ok" });
/** An object of institution A: another institution is told it does not exist. */
const ownedByA = cells({ institutionA: "ok", institutionB: "NOT_FOUND" });
/** A list of the institution's own: B sees only its own. */
const ownListOfA = cells({ institutionA: "ok", institutionB: "hidden" });
/** A request of Tokyo (A's prefecture): Osaka's officer is told it does not exist. */
const reviewedInTokyo = cells({
  prefectureSame: "ok",
  prefectureOther: "NOT_FOUND",
  ministry: "ok",
});

interface Row {
  path: string;
  cells: Cells;
  call: (caller: Caller, world: CallerWorld) => Promise<unknown>;
}

const rows: Row[] = [
  {
    path: "auth.signIn",
    cells: everyone,
    call: (c, w) => c.auth.signIn({ username: w.spare.username, password: w.spare.password }),
  },
  { path: "auth.signOut", cells: everyone, call: (c) => c.auth.signOut() },
  { path: "auth.me", cells: everyone, call: (c) => c.auth.me() },
  {
    path: "auth.requestPasswordReset",
    cells: everyone,
    call: (c, w) => c.auth.requestPasswordReset({ username: w.spare.username }),
  },
  {
    path: "auth.resetPassword",
    cells: everyone,
    call: (c) =>
      c.auth.resetPassword({
        token: "abcdefghijklmnopqrstuvwxyz234567",
        password: "Gloves-2026-ok",
      }),
  },
  {
    path: "institution.ping",
    cells: cells({ institutionA: "ok", institutionB: "ok" }),
    call: (c) => c.institution.ping(),
  },
  {
    path: "prefecture.ping",
    cells: cells({ prefectureSame: "ok", prefectureOther: "ok" }),
    call: (c) => c.prefecture.ping(),
  },
  { path: "ministry.ping", cells: ministryOnly, call: (c) => c.ministry.ping() },
  {
    path: "review.ping",
    cells: cells({ prefectureSame: "ok", prefectureOther: "ok", ministry: "ok" }),
    call: (c) => c.review.ping(),
  },
  {
    path: "review.queue",
    cells: cells({ prefectureSame: "ok", prefectureOther: "hidden", ministry: "ok" }),
    call: (c) => c.review.queue({ status: "all" }),
  },
  {
    path: "review.deadlines",
    cells: cells({ prefectureSame: "ok", prefectureOther: "hidden", ministry: "ok" }),
    call: (c) => c.review.deadlines(),
  },
  {
    path: "review.get",
    cells: reviewedInTokyo,
    call: (c, w) => c.review.get({ id: w.a.atPrefecture.id }),
  },
  {
    path: "review.savePrefectureReview",
    cells: cells({ prefectureSame: "ok", prefectureOther: "NOT_FOUND" }),
    call: (c, w) =>
      c.review.savePrefectureReview({
        id: w.a.atPrefecture.id,
        expectedVersion: w.a.atPrefecture.version,
        supplyNeeded: true,
        notes: "確認中",
        complete: false,
      }),
  },
  {
    path: "review.markNotEligible",
    cells: reviewedInTokyo,
    call: (c, w) =>
      c.review.markNotEligible({
        id: w.a.toClose.id,
        expectedVersion: w.a.toClose.version,
        reason: "在庫が十分にあるため",
      }),
  },
  {
    path: "review.ministryProgress",
    cells: ministryOnly,
    call: (c) => c.review.ministryProgress(),
  },
  {
    path: "review.approve",
    cells: ministryOnly,
    call: (c, w) =>
      c.review.approve({
        items: [{ id: w.a.toApprove.id, expectedVersion: w.a.toApprove.version }],
      }),
  },
  {
    path: "review.returnToPrefecture",
    cells: ministryOnly,
    call: (c, w) =>
      c.review.returnToPrefecture({
        id: w.a.toReturn.id,
        expectedVersion: w.a.toReturn.version,
        reason: "数量を再確認してください",
      }),
  },
  { path: "vendor.ping", cells: vendorOnly, call: (c) => c.vendor.ping() },
  { path: "vendor.registrations", cells: vendorOnly, call: (c) => c.vendor.registrations() },
  {
    path: "vendor.updateRegistration",
    cells: vendorOnly,
    call: (c, w) =>
      c.vendor.updateRegistration({
        id: w.registrationId,
        institutionCode: w.a.code,
        facilityName: w.a.name,
        postcode: "100-0001",
        address: "東京都千代田区千代田1-1",
        phone: "03-1234-5678",
        email: `desk-${w.a.code}@example.jp`,
        paymentMethod: "bank_transfer",
      }),
  },
  {
    path: "vendor.importRegistrations",
    cells: vendorOnly,
    call: (c) =>
      c.vendor.importRegistrations({
        csv: Buffer.from("医療機関コード,施設名,郵便番号,住所,電話番号,メールアドレス\n").toString(
          "base64",
        ),
      }),
  },
  { path: "vendor.batches", cells: vendorOnly, call: (c) => c.vendor.batches() },
  {
    path: "vendor.batch",
    cells: vendorOnly,
    call: (c, w) => c.vendor.batch({ batchId: w.a.batchId }),
  },
  {
    path: "vendor.remindUnregistered",
    cells: vendorOnly,
    call: (c, w) => c.vendor.remindUnregistered({ batchId: w.a.batchId }),
  },
  {
    path: "vendor.sendPurchaseLinks",
    cells: vendorOnly,
    call: (c, w) => c.vendor.sendPurchaseLinks({ batchId: w.a.batchId }),
  },
  {
    path: "vendor.sendProgress",
    cells: vendorOnly,
    call: (c) => c.vendor.sendProgress({ runId: "00000000-0000-4000-8000-000000000000" }),
  },
  {
    path: "vendor.revokeLink",
    cells: vendorOnly,
    call: (c, w) => c.vendor.revokeLink({ itemId: w.revocableItemId }),
  },
  {
    path: "vendor.reissueLink",
    cells: vendorOnly,
    call: (c, w) => c.vendor.reissueLink({ itemId: w.revocableItemId }),
  },
  { path: "vendor.orders", cells: vendorOnly, call: (c) => c.vendor.orders() },
  { path: "vendor.pickingTotals", cells: vendorOnly, call: (c) => c.vendor.pickingTotals() },
  {
    path: "vendor.markShipped",
    cells: vendorOnly,
    call: (c, w) =>
      c.vendor.markShipped({
        orderId: w.a.orderId,
        carrier: "ヤマト運輸",
        trackingNumber: "1234-5678-9012",
      }),
  },
  {
    path: "vendor.markDelivered",
    cells: vendorOnly,
    call: (c, w) => c.vendor.markDelivered({ orderId: w.a.orderId }),
  },
  { path: "vendor.products", cells: vendorOnly, call: (c) => c.vendor.products() },
  {
    path: "vendor.createProduct",
    cells: vendorOnly,
    call: (c) => c.vendor.createProduct({ name: "ニトリル手袋（試験）" }),
  },
  {
    path: "vendor.addSize",
    cells: vendorOnly,
    call: (c, w) => c.vendor.addSize({ productId: w.productId, size: "S", stockSets: 10 }),
  },
  {
    path: "vendor.updateStock",
    cells: vendorOnly,
    call: (c, w) => c.vendor.updateStock({ sizeId: w.sizeId, stockSets: 400 }),
  },
  {
    path: "storefront.registrationOptions",
    cells: { ...everyone, ...hiddenFromAllBut("institutionA") },
    call: (c) => c.storefront.registrationOptions(),
  },
  // Before the register row: A's own signed-in registration settles the code at once.
  {
    path: "storefront.registrationConfirmation",
    cells: everyone,
    call: (c, w) => c.storefront.registrationConfirmation({ token: w.a.confirmationToken }),
  },
  {
    path: "storefront.confirmRegistration",
    cells: everyone,
    call: (c, w) => c.storefront.confirmRegistration({ token: w.a.confirmationToken }),
  },
  {
    path: "storefront.register",
    cells: everyone,
    call: (c, w) =>
      c.storefront.register({
        facilityName: "大阪テスト診療所",
        address: "大阪府大阪市中央区大手前2-1-22",
        postcode: "540-8570",
        institutionCode: w.unregisteredCode,
        phone: "03-1234-5678",
        email: "someone@example.jp",
        paymentMethod: "invoice",
      }),
  },
  // A mailed token is the credential: whoever holds it may open and use the link.
  {
    path: "storefront.purchasePage",
    cells: everyone,
    call: (c, w) => c.storefront.purchasePage({ token: w.unusedToken }),
  },
  {
    path: "storefront.purchase",
    cells: everyone,
    call: (c, w) =>
      c.storefront.purchase({
        token: w.unusedToken,
        lines: [{ size: "L", sets: 1 }],
        delivery: {
          name: w.a.name,
          postcode: "100-0001",
          address: "東京都千代田区千代田1-1",
          phone: "03-1234-5678",
        },
        paymentMethod: "invoice",
      }),
  },
  {
    path: "institutionOrders.forRequest",
    cells: ownedByA,
    call: (c, w) => c.institutionOrders.forRequest({ requestId: w.a.acceptedRequestId }),
  },
  { path: "institutionOrders.mine", cells: ownListOfA, call: (c) => c.institutionOrders.mine() },
  { path: "survey.list", cells: ownListOfA, call: (c) => c.survey.list() },
  { path: "survey.get", cells: ownedByA, call: (c, w) => c.survey.get({ id: w.a.surveyId }) },
  { path: "survey.current", cells: ownListOfA, call: (c) => c.survey.current() },
  {
    path: "survey.answer",
    cells: ownedByA,
    call: (c, w) =>
      c.survey.answer({ id: w.a.surveyId, stock: 2000, consumption: 1000, purchases: 400 }),
  },
  {
    path: "survey.copyPrevious",
    cells: ownedByA,
    call: (c, w) => c.survey.copyPrevious({ id: w.a.surveyId }),
  },
  { path: "sos.list", cells: ownListOfA, call: (c) => c.sos.list({}) },
  { path: "sos.get", cells: ownedByA, call: (c, w) => c.sos.get({ id: w.a.atPrefecture.id }) },
  {
    path: "sos.create",
    cells: cells({ institutionA: "ok", institutionB: "hidden" }),
    call: (c) => c.sos.create({ contactName: "山田　花子", notes: "", conditionsConfirmed: true }),
  },
  {
    path: "sos.update",
    cells: ownedByA,
    call: (c, w) =>
      c.sos.update({
        ...w.a.draft,
        contactName: "佐藤　一郎",
        notes: "追記",
        conditionsConfirmed: true,
      }),
  },
  {
    path: "sos.checkAndApply",
    cells: ownedByA,
    call: (c, w) => c.sos.checkAndApply(w.a.draftToApply),
  },
  {
    path: "sos.withdraw",
    cells: ownedByA,
    call: (c, w) => c.sos.withdraw(w.a.toWithdraw),
  },
  { path: "home.summary", cells: ownListOfA, call: (c) => c.home.summary() },
  { path: "targetList.issue", cells: ministryOnly, call: (c) => c.targetList.issue() },
  { path: "targetList.list", cells: ministryOnly, call: (c) => c.targetList.list() },
  {
    path: "targetList.get",
    cells: ministryOnly,
    call: (c, w) => c.targetList.get({ batchId: w.a.batchId }),
  },
  {
    path: "targetList.csvCheck",
    cells: ministryOnly,
    call: (c, w) => c.targetList.csvCheck({ batchId: w.a.batchId }),
  },
  {
    path: "sanctions.create",
    cells: ministryOnly,
    call: (c, w) =>
      c.sanctions.create({
        institutionCode: w.a.code,
        reason: "再確認",
        effectiveFrom: "2027-02-03",
      }),
  },
  {
    path: "sanctions.lift",
    cells: ministryOnly,
    call: (c, w) => c.sanctions.lift({ id: w.a.sanctionId, reason: "誤りのため" }),
  },
  { path: "sanctions.list", cells: ministryOnly, call: (c) => c.sanctions.list() },
  {
    path: "publication.export",
    cells: ministryOnly,
    call: (c) => c.publication.export({ weekStart: "2026-11-25" }),
  },
];

/** Public pages that show the signed-in institution its own details only. */
function hiddenFromAllBut(kind: CallerKind): Partial<Cells> {
  return Object.fromEntries(
    CALLER_KINDS.filter((other) => other !== kind).map((other) => [other, "hidden"]),
  );
}

const procedureTypes = new Map(listProcedures(appRouter).map((p) => [p.path, p.type]));

let tdb: TestDatabase;
let db: Db;
let world: CallerWorld;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  world = await createCallerWorld(db);
});

afterAll(async () => {
  await tdb.destroy();
});

async function outcomeOf(
  promise: Promise<unknown>,
): Promise<{ ok: true; result: unknown } | { ok: false; error: TRPCError }> {
  return promise.then(
    (result) => ({ ok: true as const, result }),
    (error: unknown) => {
      if (!(error instanceof TRPCError)) throw error;
      return { ok: false as const, error };
    },
  );
}

describe("authorization matrix: every procedure × every kind of caller", () => {
  it("has one row for every procedure of the router, and none for a procedure that is gone", () => {
    const procedures = listProcedures(appRouter)
      .map((procedure) => procedure.path)
      .sort();
    expect(rows.map((row) => row.path).sort()).toEqual(procedures);
  });

  // Refusals first, so that a row's allowed calls (which may change A's objects)
  // run after every refused one of the same row.
  const order = (cells: Cells) =>
    [...CALLER_KINDS].sort(
      (x, y) => Number(REFUSALS.has(cells[y])) - Number(REFUSALS.has(cells[x])),
    );

  it.each(rows)("$path", async ({ path, cells: expected, call }) => {
    const type = procedureTypes.get(path);
    const seen: Partial<Cells> = {};
    for (const kind of order(expected)) {
      const caller = await callerOf(db, world, kind);
      const before = await guardedState(db);
      const outcome = await outcomeOf(call(caller, world));
      const want = expected[kind];
      if (REFUSALS.has(want)) {
        seen[kind] = outcome.ok ? "ok" : (outcome.error.code as Outcome);
        expect(await guardedState(db), `${path} as ${kind} changed nothing`).toBe(before);
        continue;
      }
      if (!outcome.ok) {
        const code = outcome.error.code;
        // A query the caller may make must answer; a mutation may still refuse the state.
        seen[kind] = REFUSALS.has(code) || type === "query" ? (code as Outcome) : want;
        continue;
      }
      if (want === "hidden") {
        const text = JSON.stringify(outcome.result);
        const leaked = world.secrets.filter((secret) => text.includes(secret));
        seen[kind] = leaked.length === 0 ? "hidden" : "ok";
      } else {
        seen[kind] = want;
      }
    }
    expect(seen).toEqual(expected);
  });
});
