import { createDb, type Db } from "@sos/db";
import { createTestDatabase, emptyTables, type TestDatabase } from "@sos/db/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestContext, signedInContext } from "../src/testing";
import { createTestCaller } from "../src/testing/probe-router";
import {
  type Caller,
  createInstitutionWorld,
  type InstitutionWorld,
  refusal,
  type TestClock,
  testClock,
} from "./fixtures/institution-world";
import {
  type HandedOver,
  handOver,
  latestLinkTo,
  mailsOfKind,
  purchaseFootprint,
  putProduct,
  registerAsListed,
  stockOf,
} from "./fixtures/vendor-world";

let tdb: TestDatabase;
let db: Db;
let world: InstitutionWorld;
let clock: TestClock;
let sizes: Record<string, string>;
let batch: HandedOver;
let emailA: string;
let emailB: string;

const INVALID_LINK =
  "このリンクは無効です。有効期限が切れたか、新しいリンクの発行により無効になった可能性があります。最新のご案内メールに記載されたURLをお使いいただくか、販売業者にお問い合わせください。";

const DELIVERY = {
  name: "テスト病院　用度課",
  postcode: "〒１００－０００１",
  address: "東京都千代田区千代田１－１　本館２階",
  phone: "03-1234-5678",
};

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  world = await createInstitutionWorld(db);
});

afterAll(async () => {
  await tdb.destroy();
});

beforeEach(async () => {
  await emptyTables(db);
  await sql`alter sequence order_number_seq restart with 1`.execute(db);
  clock = testClock("2026-12-04 10:00:00");
  sizes = (await putProduct(db, { S: 10, M: 10, L: 10 })).sizeIds;
  batch = await handOver(db, world.ministry.user.id, [
    { institutionId: world.a.institutionId, limitSets: 3 },
    { institutionId: world.b.institutionId, limitSets: 2 },
  ]);
  emailA = (
    await registerAsListed(db, world.a.institutionId, { facilityName: "テスト病院（購入窓口）" })
  ).email;
  emailB = (await registerAsListed(db, world.b.institutionId)).email;
  const vendor = createTestCaller(
    await signedInContext(db, world.vendor.user, { now: () => clock.now }),
  );
  // a's registered name differs from the list's: the vendor checked it and sends anyway
  await vendor.vendorPortal.sendPurchaseLinks({ batchId: batch.batchId, allowMismatched: true });
});

function visitor(database: Db = db): Caller {
  return createTestCaller(createTestContext(database, { now: () => clock.now }));
}

async function tokenOf(email: string): Promise<string> {
  return (await latestLinkTo(db, email)).token;
}

describe("storefront.purchasePage (⑥)", () => {
  it("shows the institution, its limit, the sizes with their stock and the registered delivery details", async () => {
    const page = await visitor().storefront.purchasePage({ token: await tokenOf(emailA) });
    if (page.kind !== "form") throw new Error("expected the form");
    expect(page.institution.name).toBe("テスト病院（購入窓口）");
    expect(page).toMatchObject({ limitSets: 3, limitPieces: 3000, piecesPerSet: 1000 });
    expect(page.product?.sizes).toEqual([
      { size: "S", label: "Sサイズ", stockSets: 10 },
      { size: "M", label: "Mサイズ", stockSets: 10 },
      { size: "L", label: "Lサイズ", stockSets: 10 },
    ]);
    expect(page.delivery).toEqual({
      name: "テスト病院（購入窓口）",
      postcode: "1000001",
      address: "東京都千代田区千代田1-1",
      phone: "0312345678",
    });
    expect(page.paymentMethods.map((m) => m.value)).toEqual([
      "invoice",
      "bank_transfer",
      "cash_on_delivery",
    ]);
    expect(page.defaultPaymentMethod).toBe("bank_transfer");
    expect(page.expiresAt).toBe("2026-12-18T14:59:59.999Z");
  });

  it("answers an unknown, malformed, revoked or expired token the same way", async () => {
    const unknown = await refusal(visitor().storefront.purchasePage({ token: "a".repeat(32) }));
    const malformed = await refusal(
      visitor().storefront.purchasePage({ token: "../../etc/passwd" }),
    );
    for (const answer of [unknown, malformed]) {
      expect(answer.message).toBe(INVALID_LINK);
      expect(answer.data).toMatchObject({ code: "NOT_FOUND", domainCode: "PURCHASE_LINK_INVALID" });
    }
    const token = await tokenOf(emailB);
    clock.set("2026-12-19 00:00:00");
    expect((await refusal(visitor().storefront.purchasePage({ token }))).message).toBe(
      INVALID_LINK,
    );
  });
});

describe("storefront.purchase", () => {
  it("places the one order: whole sets per size, stock taken, number, mail to the registered address, audit", async () => {
    const token = await tokenOf(emailA);
    const result = await visitor().storefront.purchase({
      token,
      lines: [
        { size: "S", sets: 2 },
        { size: "M", sets: 1 },
        { size: "L", sets: 0 },
      ],
      delivery: DELIVERY,
      paymentMethod: "cash_on_delivery",
    });
    expect(result.orderNumber).toBe("SOS-2026-000001");
    expect(result.order).toMatchObject({
      status: "ordered",
      statusLabel: "注文済み",
      totalSets: 3,
      totalPieces: 3000,
      paymentMethodLabel: "代金引換",
      delivery: {
        name: "テスト病院　用度課",
        postcode: "1000001",
        address: "東京都千代田区千代田1-1 本館2階",
        phone: "0312345678",
      },
      shipment: null,
    });
    expect(result.order.lines).toEqual([
      { size: "S", sizeLabel: "Sサイズ", sets: 2, pieces: 2000 },
      { size: "M", sizeLabel: "Mサイズ", sets: 1, pieces: 1000 },
    ]);
    expect(await stockOf(db, sizes.S as string)).toBe(8);
    expect(await stockOf(db, sizes.M as string)).toBe(9);
    expect(await stockOf(db, sizes.L as string)).toBe(10);

    const [mail] = await mailsOfKind(db, "order_confirmed");
    expect(mail).toMatchObject({
      toAddress: emailA,
      fromAddress: "shop@vendor.sos-supply.example",
      // it links to the order through the purchase token
      secret: true,
    });
    expect(mail?.subject).toContain("SOS-2026-000001");
    expect(mail?.textBody).toContain("Sサイズ：2セット（2,000枚）");
    expect(mail?.textBody).toContain("合計：3セット（3,000枚）");
    expect(mail?.textBody).toContain(`http://localhost:3000/vendor/purchase/${token}`);

    const audit = await db
      .selectFrom("auditLog")
      .select(["targetId", "details"])
      .where("action", "=", "order.place")
      .executeTakeFirstOrThrow();
    expect(audit.targetId).toBe(result.order.id);
    expect(audit.details).toMatchObject({ orderNumber: "SOS-2026-000001", totalSets: 3 });

    // after the purchase the link shows the order, never a second form
    const page = await visitor().storefront.purchasePage({ token });
    expect(page.kind).toBe("ordered");
    if (page.kind === "ordered") expect(page.order.orderNumber).toBe("SOS-2026-000001");
    // also once the link has expired
    clock.set("2027-01-10 10:00:00");
    expect((await visitor().storefront.purchasePage({ token })).kind).toBe("ordered");
  });

  it("refuses a second purchase through the same link, even below the limit, writing nothing", async () => {
    const token = await tokenOf(emailA);
    await visitor().storefront.purchase({
      token,
      lines: [{ size: "S", sets: 1 }],
      delivery: DELIVERY,
      paymentMethod: "invoice",
    });
    const before = await purchaseFootprint(db);
    const again = await refusal(
      visitor().storefront.purchase({
        token,
        lines: [{ size: "M", sets: 1 }],
        delivery: DELIVERY,
        paymentMethod: "invoice",
      }),
    );
    expect(again.data).toMatchObject({ code: "CONFLICT", domainCode: "ALREADY_PURCHASED" });
    expect(again.message).toContain("注文番号 SOS-2026-000001");
    expect(await purchaseFootprint(db)).toEqual(before);
  });

  describe("refusals write nothing", () => {
    async function expectNothingWritten(call: () => Promise<unknown>) {
      const before = await purchaseFootprint(db);
      const refused = await refusal(call());
      expect(await purchaseFootprint(db)).toEqual(before);
      return refused;
    }

    it("above the limit", async () => {
      const token = await tokenOf(emailB);
      const refused = await expectNothingWritten(() =>
        visitor().storefront.purchase({
          token,
          lines: [
            { size: "S", sets: 2 },
            { size: "M", sets: 1 },
          ],
          delivery: DELIVERY,
          paymentMethod: "invoice",
        }),
      );
      expect(refused.message).toBe(
        "購入上限数（2セット）を超えています。合計セット数を上限以内にしてください。",
      );
      expect(refused.data.fieldErrors?.lines).toEqual([refused.message]);
    });

    it("zero sets", async () => {
      const token = await tokenOf(emailB);
      const refused = await expectNothingWritten(() =>
        visitor().storefront.purchase({
          token,
          lines: [
            { size: "S", sets: 0 },
            { size: "M", sets: 0 },
          ],
          delivery: DELIVERY,
          paymentMethod: "invoice",
        }),
      );
      expect(refused.message).toBe("購入するセット数を1セット以上指定してください。");
    });

    it("part sets and an unknown size", async () => {
      const token = await tokenOf(emailB);
      const part = await expectNothingWritten(() =>
        visitor().storefront.purchase({
          token,
          lines: [{ size: "S", sets: 1.2 }],
          delivery: DELIVERY,
          paymentMethod: "invoice",
        }),
      );
      expect(part.data.fieldErrors?.["lines.0.sets"]).toEqual([
        "セット数は整数で入力してください（1セット＝1,000枚）",
      ]);
      const noSuchSize = await expectNothingWritten(() =>
        visitor().storefront.purchase({
          token,
          lines: [{ size: "LL", sets: 1 }],
          delivery: DELIVERY,
          paymentMethod: "invoice",
        }),
      );
      expect(noSuchSize.message).toBe("LLサイズは現在取り扱っていません。");
    });

    it("with an expired, a revoked or a foreign (unknown) token", async () => {
      const purchase = (token: string) => () =>
        visitor().storefront.purchase({
          token,
          lines: [{ size: "S", sets: 1 }],
          delivery: DELIVERY,
          paymentMethod: "invoice",
        });
      const unknown = await expectNothingWritten(purchase("b".repeat(32)));
      expect(unknown.message).toBe(INVALID_LINK);

      const tokenB = await tokenOf(emailB);
      const vendor = createTestCaller(
        await signedInContext(db, world.vendor.user, { now: () => clock.now }),
      );
      await vendor.vendorPortal.revokeLink({ itemId: batch.items[1]?.id as string });
      const revoked = await expectNothingWritten(purchase(tokenB));
      expect(revoked.message).toBe(INVALID_LINK);

      const tokenA = await tokenOf(emailA);
      clock.set("2026-12-19 00:00:01");
      const expired = await expectNothingWritten(purchase(tokenA));
      expect(expired.message).toBe(INVALID_LINK);
    });

    it("with a payment method that is not offered", async () => {
      const token = await tokenOf(emailB);
      const onlyInvoice = createTestCaller(
        createTestContext(db, { now: () => clock.now, config: { paymentMethods: ["invoice"] } }),
      );
      const refused = await expectNothingWritten(() =>
        onlyInvoice.storefront.purchase({
          token,
          lines: [{ size: "S", sets: 1 }],
          delivery: DELIVERY,
          paymentMethod: "bank_transfer",
        }),
      );
      expect(refused.data.fieldErrors?.paymentMethod?.[0]).toContain("ご利用いただけません");
    });

    it("when one size of the order runs short: the whole order, other sizes untouched", async () => {
      await db
        .updateTable("productSizes")
        .set({ stockSets: 1 })
        .where("id", "=", sizes.M as string)
        .execute();
      const token = await tokenOf(emailA);
      const refused = await expectNothingWritten(() =>
        visitor().storefront.purchase({
          token,
          lines: [
            { size: "S", sets: 1 },
            { size: "M", sets: 2 },
          ],
          delivery: DELIVERY,
          paymentMethod: "invoice",
        }),
      );
      expect(refused.data.domainCode).toBe("OUT_OF_STOCK");
      expect(refused.message).toBe(
        "Mサイズの在庫が不足しています（残り 1 セット）。セット数を減らすか、別のサイズをお選びください。",
      );
      expect(refused.data.fieldErrors?.["lines.1.sets"]).toEqual(["残り 1 セットです"]);
      expect(await stockOf(db, sizes.S as string)).toBe(10);
    });
  });
});

const SIZES = ["S", "M", "L"] as const;

describe("concurrency", () => {
  let wide: Db;

  beforeAll(() => {
    // Many connections, so the purchases really meet in the database (the shared test server
    // allows 100 clients in all; the rest of the 50 wait for a connection, still in flight).
    wide = createDb(tdb.url, { max: 25 });
  });

  afterAll(async () => {
    await wide.destroy();
  });

  it("50 simultaneous purchases through one link make exactly one order", async () => {
    const token = await tokenOf(emailA);
    const attempts = Array.from({ length: 50 }, (_, i) =>
      visitor(wide)
        .storefront.purchase({
          token,
          lines: [{ size: SIZES[i % SIZES.length] ?? "S", sets: (i % 3) + 1 }],
          delivery: DELIVERY,
          paymentMethod: "invoice",
        })
        .then(
          (result) => ({ ok: true as const, result }),
          (error: unknown) => ({ ok: false as const, error }),
        ),
    );
    const outcomes = await Promise.all(attempts);
    const won = outcomes.filter((o) => o.ok);
    expect(won).toHaveLength(1);
    for (const lost of outcomes.filter((o) => !o.ok)) {
      const refused = await refusal(Promise.reject(lost.error));
      expect(refused.data.domainCode).toBe("ALREADY_PURCHASED");
    }
    const orders = await db.selectFrom("orders").selectAll().execute();
    expect(orders).toHaveLength(1);
    const taken =
      30 -
      (await stockOf(db, sizes.S as string)) -
      (await stockOf(db, sizes.M as string)) -
      (await stockOf(db, sizes.L as string));
    expect(taken).toBe(orders[0]?.totalSets);
    expect(await mailsOfKind(db, "order_confirmed")).toHaveLength(1);
  });

  it("two institutions buying the last sets of a size: no negative stock, one clear out-of-stock message", async () => {
    const [tokenA, tokenB] = [await tokenOf(emailA), await tokenOf(emailB)];
    for (let round = 0; round < 5; round += 1) {
      await sql`truncate order_lines, orders cascade`.execute(db);
      await db
        .updateTable("productSizes")
        .set({ stockSets: 3 })
        .where("id", "=", sizes.M as string)
        .execute();
      const buy = (token: string) =>
        visitor(wide)
          .storefront.purchase({
            token,
            lines: [{ size: "M", sets: 2 }],
            delivery: DELIVERY,
            paymentMethod: "invoice",
          })
          .then(
            () => null,
            (error: unknown) => error,
          );
      const [a, b] = await Promise.all([buy(tokenA), buy(tokenB)]);
      const failures = [a, b].filter((e) => e !== null);
      expect(failures).toHaveLength(1);
      const refused = await refusal(Promise.reject(failures[0]));
      expect(refused.message).toBe(
        "Mサイズの在庫が不足しています（残り 1 セット）。セット数を減らすか、別のサイズをお選びください。",
      );
      expect(await stockOf(db, sizes.M as string)).toBe(1);
      const orders = await db.selectFrom("orders").select("totalSets").execute();
      expect(orders).toEqual([{ totalSets: 2 }]);
    }
  });
});
