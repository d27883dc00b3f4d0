import { createInvitation, type InviteActor, startBulkInvitation } from "@sos/api";
import { createTestUser, insertTestPrefectures, TEST_API_CONFIG } from "@sos/api/testing";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type MailChain, startMailChain } from "./support/mail-chain";
import type { SmtpSink } from "./support/smtp-sink";

// A real SMTP conversation: the sink refuses one address at RCPT TO with 550, as a
// provider does for a mailbox that does not exist. The worker fails that mail at
// once (no retries) and the invitation it carried shows as undeliverable.

let tdb: TestDatabase;
let chain: MailChain;
let sink: SmtpSink;

beforeAll(async () => {
  tdb = await createTestDatabase();
  chain = await startMailChain(tdb, { name: "sos-test-undeliverable-worker" });
  sink = chain.sink;
});

afterAll(async () => {
  await chain?.close();
  await tdb.destroy();
});

async function invitationTo(email: string) {
  return tdb.db
    .selectFrom("invitations")
    .innerJoin("mailOutbox", "mailOutbox.id", "invitations.mailId")
    .select([
      "invitations.delivery",
      "invitations.deliveryError",
      "invitations.sentAt",
      "mailOutbox.status",
      "mailOutbox.attempts",
      "mailOutbox.rejectedAt",
    ])
    .where("invitations.email", "=", email)
    .executeTakeFirst();
}

async function waitUntil<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`still ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

it("records an invitation refused by the SMTP server (550) as undeliverable, with the reply, and one accepted as sent", async () => {
  const ministry = await createTestUser(tdb.db, "ministry");
  const actor: InviteActor = { user: ministry.user, ip: null };
  sink.rejectAddress("nobody@pref.example.jp");
  const input = { actor, now: new Date(), config: TEST_API_CONFIG };
  await createInvitation(tdb.db, {
    ...input,
    invitee: { role: "prefecture", prefectureCode: 13 },
    email: "nobody@pref.example.jp",
  });
  await createInvitation(tdb.db, {
    ...input,
    invitee: { role: "prefecture", prefectureCode: 13 },
    email: "officer@pref.example.jp",
  });

  const refused = await waitUntil(
    () => invitationTo("nobody@pref.example.jp"),
    (row) => row !== undefined && row.delivery !== "pending",
  );
  expect(refused).toMatchObject({
    delivery: "undeliverable",
    status: "failed",
    attempts: 1,
    sentAt: null,
  });
  expect(refused?.deliveryError).toMatch(/550.*User unknown|User unknown.*550/s);
  expect(refused?.rejectedAt).toBeInstanceOf(Date);

  const delivered = await waitUntil(
    () => invitationTo("officer@pref.example.jp"),
    (row) => row !== undefined && row.delivery !== "pending",
  );
  expect(delivered).toMatchObject({ delivery: "sent", status: "sent", deliveryError: null });
  const mail = await sink.waitFor((m) => m.to === "officer@pref.example.jp");
  expect(mail.subject).toContain("アカウント登録のご案内");
  expect(sink.received.map((m) => m.to)).toEqual(["officer@pref.example.jp"]);
});

it("runs the ministry's bulk invitation through the job queue, and a 550 in a batch send marks only that one undeliverable", async () => {
  const ministry = await createTestUser(tdb.db, "ministry");
  await insertTestPrefectures(tdb.db);
  const emails = ["bulk-ok@example.jp", "bulk-gone@example.jp"];
  await tdb.db
    .insertInto("institutions")
    .values(
      emails.map((email, i) => ({
        code: String(1_350_000_000 + i),
        name: `一括送信クリニック${i}`,
        type: "clinic" as const,
        prefectureCode: 27,
        postcode: "5300001",
        address: "大阪府大阪市北区梅田1-1",
        phone: "0612345678",
        email,
      })),
    )
    .execute();
  sink.rejectAddress("bulk-gone@example.jp");
  await startBulkInvitation(tdb.db, {
    actor: { user: ministry.user, ip: null },
    now: new Date(),
    config: { ...TEST_API_CONFIG, invitations: { batchSize: 500, paceSeconds: 0 } },
    prefectureCode: 27,
  });
  const gone = await waitUntil(
    () => invitationTo("bulk-gone@example.jp"),
    (row) => row !== undefined && row.delivery !== "pending",
  );
  expect(gone).toMatchObject({ delivery: "undeliverable", status: "failed", attempts: 1 });
  const ok = await waitUntil(
    () => invitationTo("bulk-ok@example.jp"),
    (row) => row !== undefined && row.delivery !== "pending",
  );
  expect(ok).toMatchObject({ delivery: "sent", status: "sent" });
  const run = await waitUntil(
    () =>
      tdb.db
        .selectFrom("invitationRuns")
        .select(["invited", "finishedAt"])
        .executeTakeFirstOrThrow(),
    (row) => row.finishedAt !== null,
  );
  expect(run.invited).toBe(2);
});
