import type { AddressInfo } from "node:net";
import { passwordResetMail } from "@sos/auth";
import { addJob, addJobs, enqueueMail, enqueueMailBatch, SENT_SECRET_MAIL_TEXT } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { sql } from "kysely";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailTransport, SMTP_POOL_CONNECTIONS } from "../src/mail/transport";
import { mailMessageId } from "../src/worker/send-mail";
import { type MailChain, startMailChain } from "./support/mail-chain";
import type { SmtpSink } from "./support/smtp-sink";

let tdb: TestDatabase;
let chain: MailChain;
let sink: SmtpSink;

beforeAll(async () => {
  tdb = await createTestDatabase();
  chain = await startMailChain(tdb, { name: "sos-test-worker" });
  sink = chain.sink;
});

afterAll(async () => {
  await chain?.close();
  await tdb.destroy();
});

function mail(to: string, subject: string) {
  return {
    kind: "test",
    to,
    from: "noreply@sos-supply.example",
    subject,
    text: `本文です: ${subject}`,
  };
}

async function outboxRow(id: string) {
  return tdb.db.selectFrom("mailOutbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

async function waitForRow(
  id: string,
  done: (row: Awaited<ReturnType<typeof outboxRow>>) => boolean,
) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const row = await outboxRow(id);
    if (done(row)) return row;
    if (Date.now() > deadline) throw new Error(`mail ${id} stuck in ${row.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("send_mail worker", () => {
  it("sends an enqueued mail with a Message-ID naming the outbox row, then marks it sent", async () => {
    const id = await enqueueMail(tdb.db, mail("a@example.jp", "送信テスト"));
    const received = await sink.waitFor((m) => m.subject === "送信テスト");
    expect(received).toMatchObject({
      messageId: mailMessageId(id),
      to: "a@example.jp",
      from: "noreply@sos-supply.example",
      text: "本文です: 送信テスト",
      kind: "test",
    });
    const row = await waitForRow(id, (r) => r.status === "sent");
    expect(row.attempts).toBe(1);
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(row.lastError).toBeNull();
    // Not secret: the outbox keeps what was sent.
    expect(row.secret).toBe(false);
    expect(row.textBody).toBe("本文です: 送信テスト");
  });

  it("never sends a mail whose transaction rolled back", async () => {
    await expect(
      tdb.db.transaction().execute(async (trx) => {
        await enqueueMail(trx, mail("rolled-back@example.jp", "取り消されたメール"));
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    // A committed mail sent afterwards proves the worker was running all along.
    await enqueueMail(tdb.db, mail("after@example.jp", "後続のメール"));
    await sink.waitFor((m) => m.subject === "後続のメール");
    expect(sink.received.some((m) => m.to === "rolled-back@example.jp")).toBe(false);
    const rows = await tdb.db
      .selectFrom("mailOutbox")
      .select("id")
      .where("toAddress", "=", "rolled-back@example.jp")
      .execute();
    expect(rows).toHaveLength(0);
  });

  it("retries after the SMTP server refuses, and delivers exactly once", async () => {
    sink.refuseNext(1);
    const refusedBefore = sink.refused;
    const id = await enqueueMail(tdb.db, mail("retry@example.jp", "再送テスト"));
    const failedOnce = await waitForRow(id, (r) => r.lastError !== null);
    expect(failedOnce.status).toBe("pending");
    expect(failedOnce.lastError).toContain("451");
    expect(sink.refused).toBe(refusedBefore + 1);
    // graphile-worker's backoff for a first retry is exp(1) ≈ 2.7 s.
    const row = await waitForRow(id, (r) => r.status === "sent");
    expect(row.attempts).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sink.received.filter((m) => m.messageId === mailMessageId(id))).toHaveLength(1);
  });

  it("does not send again when a job for an already-sent mail runs", async () => {
    const id = await enqueueMail(tdb.db, mail("once@example.jp", "一度だけ"));
    await waitForRow(id, (r) => r.status === "sent");
    // A replayed job (e.g. the worker died after sending, before completing the job).
    await addJob(tdb.db, "send_mail", { mailId: id });
    await enqueueMail(tdb.db, mail("marker@example.jp", "目印"));
    await sink.waitFor((m) => m.subject === "目印");
    await waitForNoJobs();
    expect(sink.received.filter((m) => m.messageId === mailMessageId(id))).toHaveLength(1);
    expect((await outboxRow(id)).attempts).toBe(1);
  });

  it("marks the mail failed when the last allowed attempt fails", async () => {
    sink.refuseNext(1);
    const row = await tdb.db
      .insertInto("mailOutbox")
      .values({
        kind: "test",
        toAddress: "give-up@example.jp",
        fromAddress: "noreply@sos-supply.example",
        subject: "諦めるメール",
        textBody: "本文",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await addJob(tdb.db, "send_mail", { mailId: row.id }, { maxAttempts: 1 });
    const failed = await waitForRow(row.id, (r) => r.status === "failed");
    expect(failed.attempts).toBe(1);
    expect(failed.sentAt).toBeNull();
    expect(failed.lastError).toMatch(/451|try again/);
  });
});

describe("send_mail worker, secret mail", () => {
  let tokens = 0;

  /** The real password-reset mail, with an HTML part to show that goes too. */
  function resetMail(to: string) {
    tokens += 1;
    const link = `https://sos.example.jp/review/reset-password?token=secrettoken${tokens}`;
    const mail = passwordResetMail({
      to,
      from: "noreply@sos-supply.example",
      displayName: "田中 花子",
      username: "tanaka",
      link,
      expiresAt: new Date("2026-06-03T02:00:00Z"),
    });
    return { mail: { ...mail, html: `<p><a href="${link}">${link}</a></p>` }, link };
  }

  it("delivers the link, then keeps only the placeholder in the outbox", async () => {
    const { mail, link } = resetMail("secret@example.jp");
    expect(mail.secret).toBe(true);
    const id = await enqueueMail(tdb.db, mail);
    const received = await sink.waitFor((m) => m.messageId === mailMessageId(id));
    expect(received.text).toContain(link);
    expect(received.html).toContain(link);

    const row = await waitForRow(id, (r) => r.status === "sent");
    expect(row).toMatchObject({
      secret: true,
      textBody: SENT_SECRET_MAIL_TEXT,
      htmlBody: null,
      attempts: 1,
      subject: mail.subject,
      toAddress: "secret@example.jp",
    });
    expect(JSON.stringify(row)).not.toContain("secrettoken");
  });

  it("keeps the body while a refused send waits for its retry", async () => {
    sink.refuseNext(1);
    const { mail, link } = resetMail("secret-retry@example.jp");
    const id = await enqueueMail(tdb.db, mail);
    const failedOnce = await waitForRow(id, (r) => r.lastError !== null);
    expect(failedOnce).toMatchObject({
      status: "pending",
      textBody: mail.text,
      htmlBody: mail.html,
    });

    const received = await sink.waitFor((m) => m.messageId === mailMessageId(id));
    expect(received.text).toContain(link);
    const row = await waitForRow(id, (r) => r.status === "sent");
    expect(row).toMatchObject({ attempts: 2, textBody: SENT_SECRET_MAIL_TEXT, htmlBody: null });
  });

  it("keeps the body of a mail that failed for good, so it can be queued again", async () => {
    sink.refuseNext(1);
    const { mail, link } = resetMail("secret-give-up@example.jp");
    const row = await tdb.db
      .insertInto("mailOutbox")
      .values({
        kind: mail.kind,
        toAddress: mail.to,
        fromAddress: mail.from,
        subject: mail.subject,
        textBody: mail.text,
        htmlBody: mail.html,
        secret: true,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await addJob(tdb.db, "send_mail", { mailId: row.id }, { maxAttempts: 1 });
    const failed = await waitForRow(row.id, (r) => r.status === "failed");
    expect(failed).toMatchObject({ textBody: mail.text, htmlBody: mail.html });

    await addJob(tdb.db, "send_mail", { mailId: row.id });
    const received = await sink.waitFor((m) => m.messageId === mailMessageId(row.id));
    expect(received.text).toContain(link);
    const sent = await waitForRow(row.id, (r) => r.status === "sent");
    expect(sent).toMatchObject({ textBody: SENT_SECRET_MAIL_TEXT, htmlBody: null });
  });
});

async function waitForNoJobs(): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { rows } = await sql<{ n: string }>`
      select count(*) as n from graphile_worker.jobs where task_identifier = 'send_mail'
    `.execute(tdb.db);
    if (rows[0]?.n === "0") return;
    if (Date.now() > deadline) throw new Error("jobs still pending");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("send_mail worker, a batch job (enqueueMailBatch)", () => {
  function linkMail(i: number) {
    return {
      kind: "purchase_link",
      to: `clinic-${i}@example.jp`,
      from: "shop@vendor.sos-supply.example",
      subject: `購入用URLのご案内 ${i}`,
      text: `https://sos.example.jp/vendor/purchase/secrettoken${i}`,
      secret: true,
    };
  }

  function waitForRows(ids: readonly string[], done: Parameters<typeof waitForRow>[1]) {
    return Promise.all(ids.map((id) => waitForRow(id, done)));
  }

  it("sends every mail of the batch once, with its Message-ID, and drops the secret bodies", async () => {
    const ids = await enqueueMailBatch(
      tdb.db,
      Array.from({ length: 12 }, (_, i) => linkMail(i)),
    );
    const sent = await waitForRows(ids, (row) => row.status === "sent");
    for (const id of ids) expect(sink.deliveries(mailMessageId(id))).toBe(1);
    const received = await sink.waitFor((m) => m.messageId === mailMessageId(ids[3] ?? ""));
    expect(received).toMatchObject({ to: "clinic-3@example.jp", kind: "purchase_link" });
    expect(received.text).toContain("secrettoken3");
    for (const row of sent) {
      expect(row).toMatchObject({
        textBody: SENT_SECRET_MAIL_TEXT,
        attempts: 1,
        sendingJobId: null,
        sendingWorker: null,
      });
    }
  });

  it("retries only the mail the SMTP server refused; the others are not sent again", async () => {
    sink.refuseNext(1);
    const ids = await enqueueMailBatch(
      tdb.db,
      Array.from({ length: 4 }, (_, i) => linkMail(100 + i)),
    );
    const firstTry = await waitForRows(
      ids,
      (row) => row.status === "sent" || row.lastError !== null,
    );
    const refused = firstTry.filter((row) => row.status !== "sent");
    expect(refused).toHaveLength(1);
    // kept for its retry, body and all
    expect(refused[0]?.textBody).toContain("secrettoken");

    const sent = await waitForRows(ids, (row) => row.status === "sent");
    for (const id of ids) expect(sink.deliveries(mailMessageId(id))).toBe(1);
    expect(sent.map((row) => row.attempts).sort()).toEqual([1, 1, 1, 2]);
  });

  it("does not send again the mails of a batch that runs once more", async () => {
    const ids = await enqueueMailBatch(tdb.db, [linkMail(200), linkMail(201)]);
    await waitForRows(ids, (row) => row.status === "sent");
    // The batch replayed (the worker died after sending, before completing the job).
    await addJobs(tdb.db, [{ task: "send_mail", payload: ids.map((mailId) => ({ mailId })) }]);
    // Done once no send_mail job is left to run (earlier tests leave jobs that failed for good).
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { rows } = await sql<{ n: string }>`
        select count(*) as n from graphile_worker.jobs
        where task_identifier = 'send_mail' and attempts < max_attempts`.execute(tdb.db);
      if (rows[0]?.n === "0") break;
      if (Date.now() > deadline) throw new Error("jobs still pending");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (const id of ids) expect(sink.deliveries(mailMessageId(id))).toBe(1);
    expect((await Promise.all(ids.map(outboxRow))).map((row) => row.attempts)).toEqual([1, 1]);
  });
});

describe("the SMTP transport", () => {
  it("reuses a few pooled connections instead of opening one per mail", async () => {
    let connections = 0;
    let delivered = 0;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["AUTH", "STARTTLS"],
      logger: false,
      onConnect(_session, callback) {
        connections += 1;
        callback();
      },
      onData(stream, _session, callback) {
        stream.on("data", () => {});
        stream.on("end", () => {
          delivered += 1;
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.server.address() as AddressInfo).port;
    const sendThirty = async (url: string) => {
      const transport = createMailTransport(url);
      try {
        await Promise.all(
          Array.from({ length: 30 }, (_, i) =>
            transport.sendMail({
              from: "shop@vendor.sos-supply.example",
              to: `clinic-${i}@example.jp`,
              subject: "購入用URLのご案内",
              text: "本文",
            }),
          ),
        );
      } finally {
        transport.close();
      }
    };
    try {
      await sendThirty(`smtp://127.0.0.1:${port}`);
      expect(delivered).toBe(30);
      expect(connections).toBeLessThanOrEqual(SMTP_POOL_CONNECTIONS);
      connections = 0;
      await sendThirty(`smtp://127.0.0.1:${port}?maxConnections=2`);
      expect(delivered).toBe(60);
      expect(connections).toBeLessThanOrEqual(2);
      connections = 0;
      await sendThirty(`smtp://127.0.0.1:${port}?maxConnections=1&maxMessages=10`);
      expect(delivered).toBe(90);
      // one connection at a time, reopened after every ten mails
      expect(connections).toBe(3);
      expect(() => createMailTransport(`smtp://127.0.0.1:${port}?maxConnections=0`)).toThrow(
        "SMTP_URL の maxConnections は 1〜50 の整数で指定してください（指定値: 0）。",
      );
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
