import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/**
 * The SMTP sink both the product's worker and the bare nodemailer baseline send
 * to: it takes every message and only counts it (parsing would spend the cores
 * the measured side needs).
 */
export interface SmtpCounter {
  url: string;
  port: number;
  received(): number;
  /**
   * Resolves once `count` messages have arrived in total; rejects when none has
   * arrived for `stallMs` (a sender that stopped sending, not a slow one).
   */
  waitFor(count: number, stallMs: number): Promise<void>;
  close(): Promise<void>;
}

export async function startSmtpCounter(): Promise<SmtpCounter> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    // Many pooled connections at once, as a real relay would take.
    maxClients: 200,
    closeTimeout: 200,
    onData(stream, _session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        received += 1;
        callback();
      });
    },
  });
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received: () => received,
    async waitFor(count, stallMs) {
      let seen = received;
      let progressAt = Date.now();
      while (received < count) {
        if (received !== seen) {
          seen = received;
          progressAt = Date.now();
        }
        if (Date.now() - progressAt > stallMs) {
          throw new Error(
            `the SMTP sink has ${received} of ${count} mails and got none for ${stallMs / 1000} s`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
