import { createTestUser, type TestUser } from "@sos/api/testing";
import type { Db } from "@sos/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mutate, query, signInOverHttp } from "./support/http";
import { type MailChain, startMailChain } from "./support/mail-chain";
import type { SmtpSink } from "./support/smtp-sink";
import { listAccepted } from "./support/target-list";
import { startTestServer, type TestServer } from "./support/test-server";

/**
 * The attack of issue 12 over real HTTP, with the worker delivering to a real
 * SMTP server: someone registers an institution's code on the storefront with
 * their own address. The vendor sees 要確認 and its reasons, sending links mails
 * them nothing, and the real institution — not refused as a duplicate — confirms
 * through the link mailed to the address on the ministry's list and gets the
 * purchase link there.
 */

const NOW = new Date("2026-12-03T01:00:00Z");
const LISTED_EMAIL = "soumu@sakura-hp.example.jp";
const ATTACKER_EMAIL = "gloves4u@evil.example";
const CODE_PATTERN = /\/vendor\/register\/confirm\/([a-z2-7]{32})/;
const PURCHASE_PATTERN = /\/vendor\/purchase\/([a-z2-7]{32})/;

let server: TestServer;
let chain: MailChain;
let sink: SmtpSink;
let db: Db;
let institution: TestUser;
let vendor: TestUser;
let batchId: string;
let itemId: string;
/** What anybody can read about the hospital: its public name, address and phone. */
let publicDetails: { facilityName: string; address: string; postcode: string; phone: string };
let code: string;

/** The hospital's accepted request on the ministry's list 第1回, with its public details. */
async function handOver(ministryId: string): Promise<void> {
  const listed = await listAccepted(db, {
    filedBy: institution.user,
    issuedBy: ministryId,
    number: 1,
    weekStart: "2026-11-25",
    issuedAt: new Date("2026-12-02T06:00:00Z"),
    limitSets: 24,
  });
  batchId = listed.batchId;
  itemId = listed.itemId;
  const row = await db
    .selectFrom("institutions")
    .selectAll()
    .where("id", "=", institution.user.institutionId ?? "")
    .executeTakeFirstOrThrow();
  code = row.code;
  publicDetails = {
    facilityName: row.name,
    address: row.address,
    postcode: row.postcode,
    phone: row.phone,
  };
}

/** storefront.register as the form sends it, without signing in. */
function registerOnStorefront(email: string, paymentMethod: string) {
  return mutate(server.url, "storefront.register", {
    ...publicDetails,
    institutionCode: code,
    email,
    paymentMethod,
  });
}

function signIn(user: TestUser): Promise<string> {
  return signInOverHttp(server.url, user);
}

interface ItemSeen {
  match: { status: string; label: string; reasons: { reason: string; label: string }[] };
  registration: { email: string } | null;
  link: { state: string };
}

async function itemAsVendorSees(session: string): Promise<ItemSeen> {
  const batch = await query<{ items: ItemSeen[] }>(
    server.url,
    "vendorPortal.batch",
    { batchId },
    { token: session },
  );
  expect(batch.status).toBe(200);
  const item = batch.body.result?.data.items[0];
  expect(item).toBeDefined();
  return item as ItemSeen;
}

/** Every mail the outbox has handed to the worker has reached the SMTP server. */
async function mailDrained(): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const pending = await db
      .selectFrom("mailOutbox")
      .select("id")
      .where("status", "<>", "sent")
      .execute();
    if (pending.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("mail still pending after 15 s");
}

beforeAll(async () => {
  server = await startTestServer({ now: () => NOW });
  db = server.tdb.db;
  chain = await startMailChain(server.tdb, {
    name: "sos-test-takeover-worker",
    concurrency: 1,
    pollInterval: 100,
  });
  sink = chain.sink;
  institution = await createTestUser(db, "institution");
  await db
    .updateTable("institutions")
    .set({ email: LISTED_EMAIL })
    .where("id", "=", institution.user.institutionId ?? "")
    .execute();
  vendor = await createTestUser(db, "vendor");
  await handOver((await createTestUser(db, "ministry")).user.id);
});

afterAll(async () => {
  await chain?.close();
  await server?.close();
});

describe("taking an institution's purchase allocation through the storefront", () => {
  it("fails end to end: 要確認 for the vendor, nothing to the attacker, the link to the listed address after the institution confirms", async () => {
    // 1. Anonymous, the hospital's public details with the attacker's own address, cash on delivery.
    const attack = await registerOnStorefront(ATTACKER_EMAIL, "cash_on_delivery");
    expect(attack.status).toBe(200);
    expect(attack.body.result?.data).toMatchObject({ status: "confirmation_sent" });
    // The answer does not tell the attacker where the confirmation went.
    expect(JSON.stringify(attack.body)).not.toContain(LISTED_EMAIL);

    // The confirmation went to the address on the ministry's list, saying whose address was typed.
    const warning = await sink.waitFor(
      (mail) => mail.kind === "vendor_registration_confirm" && mail.to === LISTED_EMAIL,
    );
    expect(warning.text).toContain(`購入用URLの送付先）：${ATTACKER_EMAIL}`);
    expect(warning.text).toContain("お心当たりのない場合");

    // 2. The vendor's list holds it as 要確認, with the reasons, never 照合済み.
    const session = await signIn(vendor);
    const held = await itemAsVendorSees(session);
    expect(held.match.status).toBe("needs_check");
    expect(held.match.label).toBe("要確認");
    expect(held.match.reasons.map((r) => r.label)).toEqual([
      "施設登録が確認されていません（国に届け出たメールアドレスに送った確認メールのリンクが開かれていません）",
      "登録のメールアドレスが国のリストのメールアドレスと異なります（購入リンクは自動では送信しません）",
    ]);
    expect(held.registration?.email).toBe(ATTACKER_EMAIL);

    // 3. Sending the whole list mails nobody, and neither does a hand-picked, "checked" send.
    const run = await mutate<{ sent: number; skipped: number; skippedByReason: unknown[] }>(
      server.url,
      "vendorPortal.sendPurchaseLinks",
      { batchId, allowMismatched: true },
      { token: session },
    );
    expect(run.status).toBe(200);
    expect(run.body.result?.data).toMatchObject({
      sent: 0,
      skipped: 1,
      skippedByReason: [expect.objectContaining({ reason: "needs_check", count: 1 })],
    });
    const forced = await mutate(
      server.url,
      "vendorPortal.reissueLink",
      { itemId, allowMismatched: true, allowEmailDiffers: true },
      { token: session },
    );
    expect(forced.status).toBe(412);
    expect(forced.body.error?.message).toContain("要確認のため、購入リンクを送信できません");

    // 4. The real hospital registers later: accepted, not refused as a duplicate.
    const genuine = await registerOnStorefront(LISTED_EMAIL, "invoice");
    expect(genuine.status).toBe(200);
    expect(genuine.body.result?.data).toMatchObject({ status: "confirmation_sent" });

    // 5. It reads the mail at its listed address and confirms through the link.
    const confirmation = await sink.waitFor(
      (mail) =>
        mail.kind === "vendor_registration_confirm" &&
        mail.to === LISTED_EMAIL &&
        mail.text.includes(`購入用URLの送付先）：${LISTED_EMAIL}`),
    );
    const url = /https?:\/\/\S+\/vendor\/register\/confirm\/\S+/.exec(confirmation.text)?.[0];
    expect(url?.startsWith(`${server.url}/vendor/register/confirm/`)).toBe(true);
    const token = CODE_PATTERN.exec(url ?? "")?.[1] ?? "";
    const page = await query(server.url, "storefront.registrationConfirmation", { token });
    expect(page.body.result?.data).toMatchObject({
      state: "pending",
      email: LISTED_EMAIL,
      sameAddress: true,
    });
    const confirmed = await mutate(server.url, "storefront.confirmRegistration", { token });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.result?.data).toMatchObject({ email: LISTED_EMAIL, sameAddress: true });

    // 6. Now 照合済み, and the vendor's send mails the link to the listed address.
    const matched = await itemAsVendorSees(session);
    expect(matched.match).toMatchObject({ status: "matched", label: "照合済み", reasons: [] });
    const send = await mutate<{ sent: number }>(
      server.url,
      "vendorPortal.sendPurchaseLinks",
      { batchId },
      { token: session },
    );
    expect(send.body.result?.data).toMatchObject({ sent: 1 });
    const link = await sink.waitFor((mail) => mail.kind === "purchase_link");
    expect(link.to).toBe(LISTED_EMAIL);
    const purchaseToken = PURCHASE_PATTERN.exec(link.text)?.[1] ?? "";
    const purchase = await query<{ kind: string; limitSets: number; delivery: unknown }>(
      server.url,
      "storefront.purchasePage",
      { token: purchaseToken },
    );
    expect(purchase.body.result?.data).toMatchObject({
      kind: "form",
      limitSets: 24,
      defaultPaymentMethod: "invoice",
    });

    // Nothing ever reached the attacker.
    await mailDrained();
    expect(sink.received.filter((mail) => mail.to.includes(ATTACKER_EMAIL))).toEqual([]);
    expect(
      await db
        .selectFrom("mailOutbox")
        .select("kind")
        .where("toAddress", "=", ATTACKER_EMAIL)
        .execute(),
    ).toEqual([]);

    // Every step is in the audit log, the replaced registration included.
    const audit = await db
      .selectFrom("auditLog")
      .select(["action", "details"])
      .where((eb) =>
        eb.or([
          eb("action", "like", "vendor_registration.%"),
          eb("action", "like", "purchase_link.%"),
        ]),
      )
      .orderBy("id")
      .execute();
    expect(audit.map((row) => row.action)).toEqual([
      "vendor_registration.create",
      "vendor_registration.confirmation_sent",
      "purchase_link.run_start",
      "vendor_registration.confirmation_sent",
      "vendor_registration.confirm",
      "purchase_link.run_start",
      "purchase_link.send",
    ]);
    expect(audit[0]?.details).toMatchObject({ email: ATTACKER_EMAIL, confirmed: false });
    expect(audit[4]?.details).toMatchObject({
      via: "mail",
      email: LISTED_EMAIL,
      superseded: { email: ATTACKER_EMAIL },
    });
    expect(audit[6]?.details).toMatchObject({ to: LISTED_EMAIL, emailMatchesList: true });
  });
});
