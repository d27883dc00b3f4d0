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
}

export interface SmtpSink {
  port: number;
  url: string;
  received: SunkMail[];
  /** Deliveries refused so far (with a temporary 451). */
  refused: number;
  /** Refuse the next `count` deliveries, as a flaky mail server would. */
  refuseNext(count: number): void;
  waitFor(match: (mail: SunkMail) => boolean, timeoutMs?: number): Promise<SunkMail>;
  close(): Promise<void>;
}

/** A real SMTP server in the test process: the worker talks to it over TCP. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: SunkMail[] = [];
  let toRefuse = 0;
  const sink = {
    refused: 0,
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    closeTimeout: 200,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (toRefuse > 0) {
          toRefuse -= 1;
          sink.refused += 1;
          callback(Object.assign(new Error("try again later"), { responseCode: 451 }));
          return;
        }
        simpleParser(Buffer.concat(chunks))
          .then((parsed) => {
            const to = parsed.to;
            received.push({
              messageId: parsed.messageId ?? null,
              from: parsed.from?.text ?? "",
              to: (Array.isArray(to) ? to : to ? [to] : []).map((a) => a.text).join(", "),
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
              html: parsed.html || null,
              kind: (parsed.headers.get("x-sos-mail-kind") as string | undefined) ?? null,
            });
            callback();
          })
          .catch(callback);
      });
    },
  });
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
    async waitFor(match, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = received.find(match);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`no matching mail within ${timeoutMs} ms (received ${received.length})`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
