import { TRPCClientError } from "@trpc/client";

/** An error as the tRPC client builds it from one of our API's error responses. */
export function serverError(message: string, data: Record<string, unknown>) {
  return TRPCClientError.from({ error: { message, code: -32600, data } });
}
