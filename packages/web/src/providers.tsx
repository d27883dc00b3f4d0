import { QueryClientProvider } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { type ReactNode, useState } from "react";
import { createQueryClient } from "./query-client";
import { replaceSession } from "./session/session-cache";
import { type ApiClient, createApiClient, TRPCProvider } from "./trpc";

export interface SosProvidersProps {
  /** Defaults to the same-origin client; tests hand in one bound to a fake server. */
  apiClient?: ApiClient;
  children: ReactNode;
}

function createClients(apiClient: ApiClient) {
  const queryClient = createQueryClient({
    // The session is gone on the server: forget the user, and the route guard sends
    // them to the sign-in page.
    onUnauthorized: () => {
      if (queryClient.getQueryData(meKey) != null) replaceSession(queryClient, meKey, null);
    },
  });
  const trpc = createTRPCOptionsProxy({ client: apiClient, queryClient });
  const meKey = trpc.auth.me.queryKey();
  return { queryClient, apiClient };
}

/** TanStack Query and the tRPC client, created once per page load. */
export function SosProviders({ apiClient, children }: SosProvidersProps) {
  const [clients] = useState(() => createClients(apiClient ?? createApiClient()));
  return (
    <QueryClientProvider client={clients.queryClient}>
      <TRPCProvider trpcClient={clients.apiClient} queryClient={clients.queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
