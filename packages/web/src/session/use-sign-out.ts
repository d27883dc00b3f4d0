import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../trpc";
import { replaceSession } from "./session-cache";

export function useSignOut({ onSignedOut }: { onSignedOut: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.auth.signOut.mutationOptions({
      onSuccess: () => {
        onSignedOut();
        replaceSession(queryClient, trpc.auth.me.queryKey(), null);
      },
    }),
  );
}
