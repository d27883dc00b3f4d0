import type { InboxMessage } from "./dev-inbox";

/** The dev inbox's messages in memory: what the /inbox pages read and tests wait on. */
export interface InboxStore {
  add(message: InboxMessage): void;
  /** Newest first. */
  list(): InboxMessage[];
  get(id: string): InboxMessage | undefined;
  /** Resolves with the first message (already received or arriving later) that matches. */
  waitFor(match: (message: InboxMessage) => boolean, timeoutMs?: number): Promise<InboxMessage>;
}

/** Keeps the newest `limit` messages, oldest first as they arrived. */
export function createInboxStore(initial: InboxMessage[], limit: number): InboxStore {
  const messages = [...initial];
  const waiters = new Set<{
    match: (m: InboxMessage) => boolean;
    resolve: (m: InboxMessage) => void;
  }>();
  return {
    add(message) {
      messages.push(message);
      if (messages.length > limit) messages.splice(0, messages.length - limit);
      for (const waiter of waiters) {
        if (waiter.match(message)) {
          waiters.delete(waiter);
          waiter.resolve(message);
        }
      }
    },
    list: () => [...messages].reverse(),
    get: (id) => messages.find((message) => message.id === id),
    waitFor(match, timeoutMs = 10_000) {
      const found = messages.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = {
          match,
          resolve: (message: InboxMessage) => {
            clearTimeout(timer);
            resolve(message);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching mail within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
  };
}
