import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isNetworkError, isUnauthorized } from "./errors";

export interface QueryClientOptions {
  /** Called when any call finds the session gone (expired, or ended on another tab). */
  onUnauthorized?: () => void;
}

const MAX_NETWORK_RETRIES = 2;

export function createQueryClient({ onUnauthorized }: QueryClientOptions = {}): QueryClient {
  const handleError = (error: unknown) => {
    if (isUnauthorized(error)) onUnauthorized?.();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: handleError }),
    mutationCache: new MutationCache({ onError: handleError }),
    defaultOptions: {
      queries: {
        // A server answer will not change on retry; a dropped connection on a phone may.
        retry: (failureCount, error) => isNetworkError(error) && failureCount < MAX_NETWORK_RETRIES,
        staleTime: 30_000,
      },
      // Never repeat a write on its own: the user decides after seeing the message.
      mutations: { retry: false },
    },
  });
}
