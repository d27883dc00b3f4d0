import { z } from "zod";

/**
 * What the primary of a multi-process start tells its HTTP processes over the
 * cluster's IPC channel. Parsed on arrival: a message of another shape is a bug
 * to report, not something to act on.
 */
const InboxMessage = z.object({
  id: z.string(),
  receivedAt: z.coerce.date(),
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  messageId: z.string().nullable(),
});

const BannerAccount = z.object({
  role: z.string(),
  username: z.string(),
  password: z.string(),
  url: z.string(),
});

export const StartMessage = z.object({
  type: z.literal("start"),
  /** The database the primary opened (the embedded one's URL when DATABASE_URL is unset). */
  databaseUrl: z.string(),
  demoAccounts: z.array(BannerAccount).nullable(),
  /** The dev inbox the primary runs, with the mail it holds so far; null with SMTP_URL. */
  inbox: z
    .object({ port: z.number().int(), smtpUrl: z.string(), messages: z.array(InboxMessage) })
    .nullable(),
});
export type StartMessage = z.infer<typeof StartMessage>;

export const PrimaryMessage = z.discriminatedUnion("type", [
  StartMessage,
  /** A mail the dev inbox has just taken. */
  z.object({ type: z.literal("mail"), message: InboxMessage }),
]);
export type PrimaryMessage = z.infer<typeof PrimaryMessage>;

/** An HTTP process listens for messages now: the primary answers with the start message. */
export const HttpProcessMessage = z.object({ type: z.literal("ready") });
export type HttpProcessMessage = z.infer<typeof HttpProcessMessage>;
