import nodemailer, { type Transporter } from "nodemailer";

export type MailTransport = Pick<Transporter, "sendMail" | "close">;

/**
 * SMTP from a URL (smtp://user:pass@host:587, smtps://host:465). Timeouts are
 * short: a hung server must fail the job (and be retried), not hold a worker.
 */
export function createMailTransport(smtpUrl: string): MailTransport {
  const url = new URL(smtpUrl);
  return nodemailer.createTransport({
    host: url.hostname,
    port: url.port === "" ? (url.protocol === "smtps:" ? 465 : 587) : Number(url.port),
    secure: url.protocol === "smtps:",
    ...(url.username === ""
      ? {}
      : {
          auth: {
            user: decodeURIComponent(url.username),
            pass: decodeURIComponent(url.password),
          },
        }),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}
