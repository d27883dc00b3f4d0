import { Card, OrderStatus } from "@sos/ui";
import { LoadFailed, Loading, useTRPC } from "@sos/web";
import { useQuery } from "@tanstack/react-query";
import { PurchaseStep } from "./purchase-step";

/** A request's page, once accepted: buying through the vendor and the order's shipping. */
export function PurchaseSection({ requestId }: { requestId: string }) {
  const trpc = useTRPC();
  // Read afresh on opening: the vendor mails links and ships while the page is closed.
  const status = useQuery(
    trpc.institutionOrders.forRequest.queryOptions({ requestId }, { staleTime: 0 }),
  );
  return (
    <Card title="購入・配送">
      {status.data === undefined ? (
        status.isError ? (
          <LoadFailed
            title="購入・配送の状況を表示できませんでした"
            error={status.error}
            onRetry={() => void status.refetch()}
          />
        ) : (
          <Loading>購入・配送の状況を読み込んでいます…</Loading>
        )
      ) : status.data.order === null ? (
        <PurchaseStep status={status.data} />
      ) : (
        <OrderStatus order={status.data.order} title="ご注文の内容と配送状況" headingLevel={3} />
      )}
    </Card>
  );
}
