import { TRPCClientError } from "@trpc/client";
import { describe, expect, it, vi } from "vitest";
import { createQueryClient } from "../src/query-client";

const unauthorized = () =>
  TRPCClientError.from({
    error: {
      message: "ログインしていないか、ログインの有効期限が切れました。",
      code: -32001,
      data: { code: "UNAUTHORIZED", httpStatus: 401, domainCode: "UNAUTHENTICATED" },
    },
  });

describe("createQueryClient", () => {
  it("reports a lost session from any query or mutation", async () => {
    const onUnauthorized = vi.fn();
    const client = createQueryClient({ onUnauthorized });
    await client
      .fetchQuery({ queryKey: ["x"], queryFn: () => Promise.reject(unauthorized()) })
      .catch(() => {});
    await client
      .getMutationCache()
      .build(client, { mutationFn: () => Promise.reject(unauthorized()) })
      .execute(undefined)
      .catch(() => {});
    expect(onUnauthorized).toHaveBeenCalledTimes(2);
  });

  it("retries a query only when the network failed", async () => {
    const client = createQueryClient();
    client.setDefaultOptions({
      queries: { ...client.getDefaultOptions().queries, retryDelay: 0 },
    });
    const offline = vi.fn(() =>
      Promise.reject(TRPCClientError.from(new TypeError("fetch failed"))),
    );
    await client.fetchQuery({ queryKey: ["offline"], queryFn: offline }).catch(() => {});
    expect(offline).toHaveBeenCalledTimes(3);

    const refused = vi.fn(() => Promise.reject(unauthorized()));
    await client.fetchQuery({ queryKey: ["refused"], queryFn: refused }).catch(() => {});
    expect(refused).toHaveBeenCalledTimes(1);
  });
});
