import type { AppRouter } from "@sos/api";
import { MAX_CALLS_PER_REQUEST } from "@sos/domain";
import { createTRPCClient, httpBatchLink, type TRPCClient } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { ACTING_FOR_HEADER, readActingFor } from "./acting-for";
import { ServerStatusError } from "./errors";
import { idempotentRetryLink, type RetryDelay } from "./idempotent-retry";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** Same origin as the page: apps/server in production, the Vite proxy in development. */
export const TRPC_URL = "/trpc";

export type ApiClient = TRPCClient<AppRouter>;

export interface ApiClientOptions {
  url?: string;
  /** Tests pass an in-process handler here instead of the network. */
  fetch?: typeof globalThis.fetch;
  /** The wait before retrying a refused write; tests shorten it. */
  retryDelay?: RetryDelay;
}

export function createApiClient({
  url = TRPC_URL,
  fetch = globalThis.fetch,
  retryDelay,
}: ApiClientOptions = {}) {
  return createTRPCClient<AppRouter>({
    links: [
      // A write with an idempotency key is retried when the server was too busy for it.
      idempotentRetryLink(retryDelay),
      httpBatchLink({
        url,
        // The server refuses a larger batch; the link splits at the same number.
        maxItems: MAX_CALLS_PER_REQUEST,
        // 代理入力: the institution this tab acts for, when a delegate chose one.
        headers: () => {
          const acting = readActingFor();
          return acting === null ? {} : { [ACTING_FOR_HEADER]: acting.institutionId };
        },
        fetch: async (input, { signal, ...init } = {}) => {
          const response = await fetch(input, {
            ...init,
            signal: signal ?? null,
            // The session cookie goes to this origin only.
            credentials: "same-origin",
          });
          // A 5xx page from something in front of the API (not its JSON): say it was
          // the server, not the user's connection.
          const json = response.headers.get("content-type")?.includes("json") === true;
          if (response.status >= 500 && !json) throw new ServerStatusError(response.status);
          return response;
        },
      }),
    ],
  });
}
