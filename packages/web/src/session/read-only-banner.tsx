import { Alert, formatJaDateTime } from "@sos/ui";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { domainErrorCode } from "../errors";
import { useTRPC } from "../trpc";

/** How often an open page asks whether the ministry switched maintenance on or off. */
const READ_ONLY_POLL_MS = 60_000;

const READ_ONLY_ERROR_CODE = "READ_ONLY_MODE";

/**
 * The ministry's read-only mode, as every page shows it: asked on load and every
 * minute, and at once when a write is refused for it (the page may have loaded
 * before the switch).
 */
export function ReadOnlyBanner() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery({
    ...trpc.operations.readOnlyStatus.queryOptions(),
    refetchInterval: READ_ONLY_POLL_MS,
  });
  const { refetch } = status;
  useEffect(
    () =>
      queryClient.getMutationCache().subscribe((event) => {
        if (event.type !== "updated" || event.action.type !== "error") return;
        if (domainErrorCode(event.action.error) === READ_ONLY_ERROR_CODE) void refetch();
      }),
    [queryClient, refetch],
  );
  if (status.data?.readOnly !== true) return null;
  const since = status.data.since;
  return (
    <Alert
      tone="warning"
      title="現在メンテナンスのため、閲覧のみ可能です。"
      className="sos-read-only-banner"
    >
      <p>
        登録・変更・送信はできません。内容の確認はいつもどおりできます。メンテナンスの終了後に、もう一度お試しください。
        {since !== null && `（${formatJaDateTime(new Date(since))}から）`}
      </p>
    </Alert>
  );
}
