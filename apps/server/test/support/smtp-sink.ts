import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface SunkMail {
  messageId: string | null;
  from: string;
  to: string;
  subject: string;
  text: string;
  /** null: the mail had no HTML part. */
  html: string | null;
  kind: string | null;
  /** When the end of its data arrived (Date.now()). */
  receivedAt: number;
}

/**
 * A delivery held in the middle of its SMTP conversation:
 * - "rcpt": the server does not answer RCPT TO, so nothing has been handed over;
 * - "data-end": the whole message has arrived and counts as delivered (as a real
 *   MTA that has queued it), but the reply is withheld, so the sender cannot know.
 */
export interface Stall {
  /** Resolves when the held delivery reaches that point. */
  reached: Promise<void>;
  /** Lets the conversation go on (no effect once the sender has gone). */
  release(): void;
}

export interface SmtpSink {
  port: number;
  url: string;
  /** Every delivery, in arrival order: a mail delivered twice appears twice. */
  received: SunkMail[];
  /** Deliveries refused so far (with a temporary 451). */
  refused: number;
  /** Refuse the next `count` deliveries, as a flaky mail server would. */
  refuseNext(count: number): void;
  /** Refuse RCPT TO for this address for good (550 5.1.1), as for a mailbox that does not exist. */
  rejectAddress(address: string): void;
  /** Hold the next delivery to `to` at the given point (see Stall). */
  stall(to: string, at: "rcpt" | "data-end"): Stall;
  /** How many times a Message-ID was delivered. */
  deliveries(messageId: string): number;
  /** Message-IDs delivered more than once, with their counts. */
  duplicates(): Array<{ messageId: string; count: number }>;
  waitFor(match: (mail: SunkMail) => boolean, timeoutMs?: number): Promise<SunkMail>;
  close(): Promise<void>;
}

interface Held {
  to: string;
  at: "rcpt" | "data-end";
  reach: () => void;
  released: Promise<void>;
  release: () => void;
}

const MESSAGE_ID = /^message-id:\s*(<[^>\r\n]+>)/im;

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** A real SMTP server in the test process: the worker talks to it over TCP. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: SunkMail[] = [];
  const counts = new Map<string, number>();
  const held: Held[] = [];
  let toRefuse = 0;
  const rejected = new Set<string>();
  const sink = {
    refused: 0,
  };

  /** Takes the first stall waiting for this recipient at this point. */
  function takeStall(to: string, at: Held["at"]): Held | undefined {
    const index = held.findIndex((h) => h.at === at && h.to === to.toLowerCase());
    if (index < 0) return undefined;
    return held.splice(index, 1)[0];
  }

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    closeTimeout: 200,
    onRcptTo(address, _session, callback) {
      if (rejected.has(address.address.toLowerCase())) {
        const error = new Error(
          `5.1.1 <${address.address}>: Recipient address rejected: User unknown`,
        );
        return callback(Object.assign(error, { responseCode: 550 }));
      }
      const stall = takeStall(address.address, "rcpt");
      if (!stall) return callback();
      stall.reach();
      void stall.released.then(() => callback());
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (toRefuse > 0) {
          toRefuse -= 1;
          sink.refused += 1;
          callback(Object.assign(new Error("try again later"), { responseCode: 451 }));
          return;
        }
        const receivedAt = Date.now();
        const raw = Buffer.concat(chunks);
        // Counted the moment the data is complete, and answered at once (as RFC 1047 asks
        // of a receiver): from here on the mail is delivered, whatever the sender learns.
        const messageId = MESSAGE_ID.exec(raw.toString("utf8").split("\r\n\r\n")[0] ?? "")?.[1];
        if (messageId) counts.set(messageId, (counts.get(messageId) ?? 0) + 1);
        const recipients = session.envelope.rcptTo.map((r) => r.address);
        const stall = recipients.map((to) => takeStall(to, "data-end")).find(Boolean);
        const parsing = simpleParser(raw).then((parsed) => {
          const to = parsed.to;
          received.push({
            messageId: parsed.messageId ?? null,
            from: parsed.from?.text ?? "",
            to: (Array.isArray(to) ? to : to ? [to] : []).map((a) => a.text).join(", "),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: parsed.html || null,
            kind: (parsed.headers.get("x-sos-mail-kind") as string | undefined) ?? null,
            receivedAt,
          });
        });
        // A message the parser cannot read is still counted above; the tests then miss it in `received`.
        parsing.catch(() => {});
        if (!stall) {
          callback();
          return;
        }
        void parsing.then(() => {
          stall.reach();
          return stall.released.then(() => callback());
        });
      });
    },
  });
  // A sender killed mid-conversation resets the connection: expected here.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    get refused() {
      return sink.refused;
    },
    refuseNext(count) {
      toRefuse = count;
    },
    rejectAddress(address) {
      rejected.add(address.toLowerCase());
    },
    stall(to, at) {
      const reached = deferred();
      const released = deferred();
      held.push({
        to: to.toLowerCase(),
        at,
        reach: reached.resolve,
        released: released.promise,
        release: released.resolve,
      });
      return { reached: reached.promise, release: released.resolve };
    },
    deliveries: (messageId) => counts.get(messageId) ?? 0,
    duplicates: () =>
      [...counts]
        .filter(([, count]) => count > 1)
        .map(([messageId, count]) => ({ messageId, count })),
    async waitFor(match, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = received.find(match);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`no matching mail within ${timeoutMs} ms (received ${received.length})`);
    },
    close: () => {
      for (const stall of held.splice(0)) stall.release();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
