import type { DevInbox, InboxMessage } from "./dev-inbox";
import { createInboxStore, type InboxStore } from "./inbox-store";

/**
 * The dev inbox as an HTTP process of a multi-process start sees it: the primary
 * runs the SMTP server and sends each mail over; this copy serves /inbox.
 */
export function inboxMirror(
  source: { port: number; smtpUrl: string; messages: InboxMessage[] },
  limit = 500,
): DevInbox & Pick<InboxStore, "add"> {
  const store = createInboxStore(source.messages, limit);
  return {
    port: source.port,
    smtpUrl: source.smtpUrl,
    ...store,
    stop: async () => {},
  };
}
