import { createHash } from "node:crypto";
import type { Db } from "@sos/db";
import { createTestDatabase, emptyTables, type TestDatabase } from "@sos/db/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DOMAIN_ERRORS } from "../src/errors";
import {
  CONFIRMATION_MAILS_PER_CODE_PER_DAY,
  REGISTRATION_THROTTLE,
} from "../src/services/vendor-portal";
import { createTestUser, signedInContext, type TestUser } from "../src/testing";
import { createTestCaller } from "../src/testing/probe-router";
import { jst, refusal, type TestClock, testClock } from "./fixtures/institution-world";
import {
  handOver,
  latestConfirmationTo,
  mailsOfKind,
  storefrontVisitor,
} from "./fixtures/vendor-world";

/**
 * ①' registering on the storefront: a registration becomes the institution's
 * only through the link mailed to the address the ministry's registry holds for
 * the code, or when the institution registers while signed in as itself.
 */

let tdb: TestDatabase;
let db: Db;
let clinic: TestUser;
let clinicCode: string;
let clinicEmail: string;
let clinicName: string;
let clock: TestClock;
/** The audit log's last id before the test: its rows are the ones after it. */
let auditMark: string;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  clinic = await createTestUser(db, "institution");
  const row = await db
    .selectFrom("institutions")
    .select(["code", "email", "name"])
    .where("id", "=", clinic.user.institutionId as string)
    .executeTakeFirstOrThrow();
  clinicCode = row.code;
  clinicEmail = row.email;
  clinicName = row.name;
});

afterAll(async () => {
  await tdb.destroy();
});

beforeEach(async () => {
  await emptyTables(db);
  clock = testClock("2026-12-02 10:15:00");
  const last = await db
    .selectFrom("auditLog")
    .select((eb) => eb.fn.max("id").as("id"))
    .executeTakeFirstOrThrow();
  auditMark = String(last.id ?? 0);
});

function visitor(
  options: {
    ip?: string;
    paymentMethods?: ("invoice" | "bank_transfer" | "cash_on_delivery")[];
  } = {},
) {
  return storefrontVisitor(db, { ...options, now: () => clock.now });
}

async function signedInClinic() {
  return createTestCaller(await signedInContext(db, clinic.user, { now: () => clock.now }));
}

/** What the ministry's registry holds for the clinic, in the normal form. */
function listed() {
  return {
    institutionCode: clinicCode,
    facilityName: clinicName,
    postcode: "1000001",
    address: "東京都千代田区千代田1-1",
    phone: "0312345678",
    email: clinicEmail,
  };
}

/** The clinic's details as a clerk types them, with the IME in full-width mode. */
function typed(overrides: Partial<Record<string, string>> = {}) {
  return {
    facilityName: clinicName,
    address: "東京都千代田区千代田１－１",
    postcode: "〒１００－０００１",
    institutionCode: clinicCode,
    phone: "０３ー１２３４ー５６７８",
    email: clinicEmail,
    paymentMethod: "invoice" as const,
    ...overrides,
  };
}

async function registrations() {
  return db.selectFrom("vendorRegistrations").selectAll().orderBy("institutionCode").execute();
}

/** The audit row of the latest confirmation: who, how, and what it replaced. */
async function lastConfirmation() {
  return db
    .selectFrom("auditLog")
    .select(["actorUserId", "actorRole", "details"])
    .where("action", "=", "vendor_registration.confirm")
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
}

/** The registration steps audited during the test, in order. */
async function auditActions(): Promise<string[]> {
  const rows = await db
    .selectFrom("auditLog")
    .select("action")
    .where("action", "like", "vendor_registration.%")
    .where("id", ">", auditMark)
    .orderBy("id")
    .execute();
  return rows.map((row) => row.action);
}

describe("storefront.register (①') from an anonymous visitor", () => {
  it("mails a one-time link to the registry's address, and until it is opened the registration is unconfirmed", async () => {
    const receipt = await visitor().storefront.register(
      typed({ email: "ＳＡＫＵＲＡ＠ＣＬＩＮＩＣ．ＥＸＡＭＰＬＥ．ＪＰ" }),
    );
    expect(receipt).toEqual({
      status: "confirmation_sent",
      institutionCode: clinicCode,
      facilityName: clinicName,
      email: "SAKURA@clinic.example.jp",
      paymentMethod: "invoice",
      paymentMethodLabel: "請求書払い",
      registeredAt: clock.now.toISOString(),
      confirmBy: jst("2026-12-09 10:15:00").toISOString(),
    });
    // The answer names neither the registry's address nor anything about it.
    expect(JSON.stringify(receipt)).not.toContain(clinicEmail);

    const [row] = await registrations();
    expect(row).toMatchObject({
      institutionCode: clinicCode,
      postcode: "1000001",
      address: "東京都千代田区千代田1-1",
      phone: "0312345678",
      email: "SAKURA@clinic.example.jp",
      source: "web",
      confirmedAt: null,
      confirmedVia: null,
    });

    // Nothing to the typed address; the link goes to the registry's, from the vendor.
    expect(await mailsOfKind(db, "vendor_registration_confirmed")).toHaveLength(0);
    const { mail, token } = await latestConfirmationTo(db, clinicEmail);
    expect(mail.fromAddress).toBe("shop@vendor.sos-supply.example");
    expect(mail.subject).toBe("【医療用手袋 緊急配布】購入サイトへの施設登録の確認のお願い");
    expect(mail.secret).toBe(true);
    expect(mail.textBody).toContain(
      "メールアドレス（購入用URLの送付先）：SAKURA@clinic.example.jp",
    );
    expect(mail.textBody).toContain(
      "国（G-MIS）に届け出ている貴施設のメールアドレス（このメールの宛先）と異なります",
    );
    expect(mail.textBody).toContain("2026年12月9日（水）10:15まで");
    expect(mail.textBody).toContain("お心当たりのない場合");
    // Stored as its SHA-256 only.
    const stored = await db
      .selectFrom("vendorRegistrationConfirmations")
      .select(["tokenHash", "sentTo"])
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      tokenHash: createHash("sha256").update(token).digest("hex"),
      sentTo: clinicEmail,
    });
    expect(
      JSON.stringify(await sql`select * from vendor_registration_confirmations`.execute(db)),
    ).not.toContain(token);
    expect(await auditActions()).toEqual([
      "vendor_registration.create",
      "vendor_registration.confirmation_sent",
    ]);
  });

  it("confirms only on 「登録を確定する」: the page shows what will be registered, the button settles it once", async () => {
    await visitor().storefront.register(typed());
    const { token } = await latestConfirmationTo(db, clinicEmail);
    const anyone = visitor();

    const page = await anyone.storefront.registrationConfirmation({ token });
    expect(page).toEqual({
      ...listed(),
      state: "pending",
      paymentMethod: "invoice",
      paymentMethodLabel: "請求書払い",
      expiresAt: jst("2026-12-09 10:15:00").toISOString(),
      sameAddress: true,
    });
    // Opening the page (as a mail scanner would) changed nothing.
    expect((await registrations())[0]?.confirmedAt).toBeNull();

    clock.set("2026-12-03 08:00:00");
    const confirmed = await anyone.storefront.confirmRegistration({ token });
    expect(confirmed).toMatchObject({
      institutionCode: clinicCode,
      email: clinicEmail,
      confirmedAt: clock.now.toISOString(),
      sameAddress: true,
    });
    expect(await registrations()).toEqual([
      expect.objectContaining({ confirmedAt: clock.now, confirmedVia: "mail", source: "web" }),
    ]);
    const [settled] = await mailsOfKind(db, "vendor_registration_confirmed");
    expect(settled?.toAddress).toBe(clinicEmail);
    expect(settled?.subject).toBe("【医療用手袋 緊急配布】購入サイトへの施設登録が確定しました");

    // A second press (or a reload) shows the same, and writes nothing more.
    expect(await anyone.storefront.confirmRegistration({ token })).toEqual(confirmed);
    expect((await anyone.storefront.registrationConfirmation({ token })).state).toBe("confirmed");
    expect(await mailsOfKind(db, "vendor_registration_confirmed")).toHaveLength(1);
    expect(await auditActions()).toEqual([
      "vendor_registration.create",
      "vendor_registration.confirmation_sent",
      "vendor_registration.confirm",
    ]);
  });

  it("answers an unknown, malformed or expired link alike, and confirms nothing", async () => {
    await visitor().storefront.register(typed());
    const { token } = await latestConfirmationTo(db, clinicEmail);
    const invalid =
      "この確認リンクは無効です。有効期限が切れたか、URLが途中で切れている可能性があります。お手数ですが、購入サイトでもう一度施設登録を行ってください。";
    for (const wrong of ["abcdefghijklmnopqrstuvwxyz234567", "not-a-token", ""]) {
      const refused = await refusal(
        visitor().storefront.registrationConfirmation({ token: wrong }),
      );
      expect(refused.message).toBe(invalid);
      expect(refused.data.code).toBe("NOT_FOUND");
    }
    clock.set("2026-12-09 10:15:00");
    expect((await refusal(visitor().storefront.registrationConfirmation({ token }))).message).toBe(
      invalid,
    );
    expect((await refusal(visitor().storefront.confirmRegistration({ token }))).message).toBe(
      invalid,
    );
    expect((await registrations())[0]?.confirmedAt).toBeNull();
  });

  it("answers a code the registry does not know the same way, and mails nobody", async () => {
    const receipt = await visitor().storefront.register(typed({ institutionCode: "1312345678" }));
    expect(receipt.status).toBe("confirmation_sent");
    expect(await mailsOfKind(db, "vendor_registration_confirm")).toHaveLength(0);
    expect(await registrations()).toHaveLength(1);
    expect(await auditActions()).toEqual([
      "vendor_registration.create",
      "vendor_registration.unknown_code",
    ]);
  });

  it("lets the institution's confirmed registration replace someone else's unconfirmed one, and refuses after that", async () => {
    // Someone registers the clinic's code with an address of their own.
    await visitor().storefront.register(
      typed({ email: "attacker@evil.example", paymentMethod: "cash_on_delivery" }),
    );
    const attackersLink = await latestConfirmationTo(db, clinicEmail);
    expect(attackersLink.mail.textBody).toContain("attacker@evil.example");

    // The clinic registers later: no "already registered".
    clock.set("2026-12-02 11:00:00");
    const later = await visitor().storefront.register(typed());
    expect(later.status).toBe("confirmation_sent");
    const { token } = await latestConfirmationTo(db, clinicEmail);
    expect(token).not.toBe(attackersLink.token);

    await visitor().storefront.confirmRegistration({ token });
    const [row] = await registrations();
    expect(row).toMatchObject({
      email: clinicEmail,
      confirmedVia: "mail",
      paymentMethod: "invoice",
    });
    const audit = await lastConfirmation();
    expect(audit.details).toMatchObject({
      via: "mail",
      email: clinicEmail,
      superseded: { email: "attacker@evil.example", source: "web" },
    });

    // The other submission's link can no longer take the code over.
    const refused = await refusal(
      visitor().storefront.confirmRegistration({ token: attackersLink.token }),
    );
    expect(refused.message).toBe(
      "この医療機関コードの施設登録は既に確定しています。登録内容の変更は販売業者にお問い合わせください。",
    );
    expect((await registrations())[0]?.email).toBe(clinicEmail);
    // Nor can a new storefront submission: the code is the institution's now.
    const duplicate = await refusal(
      visitor().storefront.register(typed({ email: "attacker@evil.example" })),
    );
    expect(duplicate.data.domainCode).toBe("REGISTRATION_DUPLICATE");
    expect(duplicate.message).toBe(DOMAIN_ERRORS.REGISTRATION_DUPLICATE.messageJa);
    expect(JSON.stringify(duplicate)).not.toContain(clinicEmail);
    expect(await auditActions()).toContain("vendor_registration.confirm_refused");
    expect(await auditActions()).toContain("vendor_registration.duplicate");
  });

  it("revokes a live link that went to a replaced registration's address before confirmation existed", async () => {
    const ministry = await createTestUser(db, "ministry");
    const batch = await handOver(db, ministry.user.id, [
      { institutionId: clinic.user.institutionId as string, limitSets: 2 },
    ]);
    // As a registration and its link were left by the code before migration 0007.
    await visitor().storefront.register(typed({ email: "attacker@evil.example" }));
    const link = await db
      .insertInto("purchaseLinks")
      .values({
        targetItemId: batch.items[0]?.id as string,
        tokenHash: "a".repeat(64),
        expiresAt: jst("2026-12-16 23:59:59"),
        createdAt: clock.now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();

    await visitor().storefront.register(typed());
    await visitor().storefront.confirmRegistration({
      token: (await latestConfirmationTo(db, clinicEmail)).token,
    });
    const after = await db
      .selectFrom("purchaseLinks")
      .select("revokedAt")
      .where("id", "=", link.id)
      .executeTakeFirstOrThrow();
    expect(after.revokedAt).toEqual(clock.now);
    const audit = await lastConfirmation();
    expect(audit.details).toMatchObject({ revokedLinkIds: [link.id] });
  });

  it("mails one code's registry address a few times a day at most", async () => {
    for (let i = 0; i < CONFIRMATION_MAILS_PER_CODE_PER_DAY; i += 1) {
      await visitor().storefront.register(typed());
    }
    const refused = await refusal(visitor().storefront.register(typed()));
    expect(refused.data.code).toBe("TOO_MANY_REQUESTS");
    expect(refused.message).toContain("本日すでに何度も確認メールをお送りしています");
    expect(await mailsOfKind(db, "vendor_registration_confirm")).toHaveLength(
      CONFIRMATION_MAILS_PER_CODE_PER_DAY,
    );
    clock.set("2026-12-03 10:15:01");
    expect((await visitor().storefront.register(typed())).status).toBe("confirmation_sent");
  });
});

describe("storefront.register (①') signed in as the institution", () => {
  it("offers the institution's details, and registers its own code at once without a confirmation mail", async () => {
    const caller = await signedInClinic();
    const options = await caller.storefront.registrationOptions();
    expect(options.signedInInstitution).toEqual(listed());
    expect((await visitor().storefront.registrationOptions()).signedInInstitution).toBeNull();

    // An unconfirmed registration by someone else is replaced.
    await visitor().storefront.register(typed({ email: "attacker@evil.example" }));
    const receipt = await caller.storefront.register(typed({ email: "kobai@clinic.example.jp" }));
    expect(receipt).toMatchObject({
      status: "registered",
      confirmBy: null,
      email: "kobai@clinic.example.jp",
    });
    expect(await registrations()).toEqual([
      expect.objectContaining({
        email: "kobai@clinic.example.jp",
        confirmedVia: "institution",
        confirmedAt: clock.now,
      }),
    ]);
    expect((await mailsOfKind(db, "vendor_registration_confirmed"))[0]?.toAddress).toBe(
      "kobai@clinic.example.jp",
    );
    const audit = await lastConfirmation();
    expect(audit).toMatchObject({
      actorUserId: clinic.user.id,
      actorRole: "institution",
      details: { via: "institution", superseded: { email: "attacker@evil.example" } },
    });
  });

  it("treats another institution's code like an anonymous submission", async () => {
    const other = await createTestUser(db, "institution");
    const otherInstitution = await db
      .selectFrom("institutions")
      .select(["code", "email"])
      .where("id", "=", other.user.institutionId as string)
      .executeTakeFirstOrThrow();
    const caller = await signedInClinic();
    const receipt = await caller.storefront.register(
      typed({ institutionCode: otherInstitution.code }),
    );
    expect(receipt.status).toBe("confirmation_sent");
    expect((await registrations())[0]?.confirmedAt).toBeNull();
    await latestConfirmationTo(db, otherInstitution.email);
  });
});

describe("storefront.register (①') input and abuse", () => {
  it("offers the configured payment methods and refuses any other", async () => {
    expect((await visitor().storefront.registrationOptions()).paymentMethods).toEqual([
      { value: "invoice", label: "請求書払い" },
      { value: "bank_transfer", label: "銀行振込" },
      { value: "cash_on_delivery", label: "代金引換" },
    ]);
    const onlyTransfer = visitor({ paymentMethods: ["bank_transfer"] });
    expect((await onlyTransfer.storefront.registrationOptions()).paymentMethods).toEqual([
      { value: "bank_transfer", label: "銀行振込" },
    ]);
    const refused = await refusal(onlyTransfer.storefront.register(typed()));
    expect(refused.data.domainCode).toBe("INVALID_INPUT");
    expect(refused.data.fieldErrors?.paymentMethod?.[0]).toContain("ご利用いただけません");
    expect(await registrations()).toHaveLength(0);
  });

  it("explains each invalid field in Japanese and writes nothing", async () => {
    const refused = await refusal(
      visitor().storefront.register({
        ...typed(),
        facilityName: "　",
        institutionCode: "123456789",
        postcode: "100-001",
        phone: "1234",
        email: "sakura.clinic.example.jp",
      }),
    );
    expect(refused.data.domainCode).toBe("INVALID_INPUT");
    expect(refused.data.fieldErrors).toMatchObject({
      facilityName: ["施設名を入力してください"],
      institutionCode: ["医療機関コードは10桁の数字で入力してください"],
      postcode: ["郵便番号は7桁の数字で入力してください（例：100-8916）"],
      email: ["メールアドレスの形式が正しくありません（例：taro@example.jp）"],
    });
    expect(refused.data.fieldErrors?.phone?.[0]).toMatch(/電話番号/);
    expect(await registrations()).toHaveLength(0);
    expect(await mailsOfKind(db, "vendor_registration_confirm")).toHaveLength(0);
  });

  it("slows down one address that keeps submitting, and lets it in again after the block", async () => {
    const sprayer = visitor({ ip: "203.0.113.77" });
    // Codes the registry does not know: no confirmation mail, so only the address throttle counts.
    for (let i = 0; i < REGISTRATION_THROTTLE.attempts; i += 1) {
      await sprayer.storefront.register(typed({ institutionCode: String(2_700_000_000 + i) }));
    }
    const blocked = await refusal(
      sprayer.storefront.register(typed({ institutionCode: "2712345678" })),
    );
    expect(blocked.data.code).toBe("TOO_MANY_REQUESTS");
    expect(blocked.message).toBe(DOMAIN_ERRORS.RATE_LIMITED.messageJa);
    expect(await registrations()).toHaveLength(REGISTRATION_THROTTLE.attempts);

    // another address is not affected
    await visitor().storefront.register(typed({ institutionCode: "2712345678" }));
    clock.now = new Date(clock.now.getTime() + REGISTRATION_THROTTLE.blockMs + 1000);
    await sprayer.storefront.register(typed({ institutionCode: "2799999999" }));
    expect(await registrations()).toHaveLength(REGISTRATION_THROTTLE.attempts + 2);
  });
});

describe("an unconfirmed registration, as the vendor and the institution see it", () => {
  it("is 要確認 with its reasons, is reminded at the list's address, and becomes 照合済み once confirmed", async () => {
    const ministry = await createTestUser(db, "ministry");
    const vendor = createTestCaller(
      await signedInContext(db, (await createTestUser(db, "vendor")).user, {
        now: () => clock.now,
      }),
    );
    const batch = await handOver(db, ministry.user.id, [
      { institutionId: clinic.user.institutionId as string, limitSets: 2 },
    ]);
    await visitor().storefront.register(typed({ email: "attacker@evil.example" }));

    const detail = await vendor.vendorPortal.batch({ batchId: batch.batchId });
    expect(detail).toMatchObject({ matched: 0, needsCheck: 1, unconfirmed: 1 });
    expect(detail.items[0]?.match).toEqual({
      status: "needs_check",
      label: "要確認",
      differences: [],
      reasons: [
        {
          reason: "unconfirmed",
          label:
            "施設登録が確認されていません（国に届け出たメールアドレスに送った確認メールのリンクが開かれていません）",
        },
        {
          reason: "email_differs",
          label:
            "登録のメールアドレスが国のリストのメールアドレスと異なります（購入リンクは自動では送信しません）",
        },
      ],
    });
    expect(detail.items[0]?.registration).toMatchObject({
      email: "attacker@evil.example",
      confirmedAt: null,
      confirmedVia: null,
    });
    const onlyHeld = await vendor.vendorPortal.batch({
      batchId: batch.batchId,
      status: "needs_check",
    });
    expect(onlyHeld.items).toHaveLength(1);

    // The institution's app does not take someone else's submission for its registration.
    const own = await signedInClinic();
    expect((await own.institutionOrders.mine())[0]?.registeredWithVendor).toBe(false);

    // The reminder goes to the ministry's address, never to the registered one.
    expect(await vendor.vendorPortal.remindUnregistered({ batchId: batch.batchId })).toEqual({
      sent: 1,
      skippedRecent: 0,
      notRegistered: 1,
    });
    const [reminder] = await mailsOfKind(db, "vendor_registration_reminder");
    expect(reminder?.toAddress).toBe(clinicEmail);
    expect(reminder?.textBody).toContain("確認メールのURLから登録を確定してください");
    expect((await vendor.vendorPortal.batches())[0]?.reminded).toBe(1);

    // The clinic registers and confirms; the attacker's data are gone.
    await visitor().storefront.register(typed());
    const { token } = await latestConfirmationTo(db, clinicEmail);
    await visitor().storefront.confirmRegistration({ token });
    const after = await vendor.vendorPortal.batch({ batchId: batch.batchId });
    expect(after.items[0]?.match).toMatchObject({ status: "matched", reasons: [] });
    expect(after.items[0]?.registration).toMatchObject({
      email: clinicEmail,
      confirmedVia: "mail",
    });
    expect(after).toMatchObject({ matched: 1, needsCheck: 0, unconfirmed: 0 });
    expect((await own.institutionOrders.mine())[0]?.registeredWithVendor).toBe(true);
  });
});
