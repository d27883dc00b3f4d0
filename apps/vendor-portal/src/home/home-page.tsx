import { Card, formatNumber, formatSets, PageHeader } from "@sos/ui";
import { PageTitle, RouterLinkButton, useSignedInUser, useTRPC } from "@sos/web";
import { useQuery } from "@tanstack/react-query";
import { READ_ON_OPEN } from "../common/fresh";
import { PATHS } from "../paths";

/** What needs doing today: lists to send, facilities to chase, orders to ship, stock. */
export function HomePage() {
  const user = useSignedInUser();
  const trpc = useTRPC();
  const batches = useQuery({ ...trpc.vendorPortal.batches.queryOptions(), ...READ_ON_OPEN });
  const totals = useQuery({ ...trpc.vendorPortal.pickingTotals.queryOptions(), ...READ_ON_OPEN });
  const products = useQuery({ ...trpc.vendorPortal.products.queryOptions(), ...READ_ON_OPEN });

  const lists = batches.data ?? [];
  const institutions = lists.reduce((sum, b) => sum + b.itemCount, 0);
  const matched = lists.reduce((sum, b) => sum + b.matched, 0);
  const sent = lists.reduce((sum, b) => sum + b.linksSent, 0);
  const ordered = lists.reduce((sum, b) => sum + b.ordered, 0);
  const unregistered = lists.reduce((sum, b) => sum + b.notRegistered, 0);
  const mismatched = lists.reduce((sum, b) => sum + b.mismatched, 0);
  const needsCheck = lists.reduce((sum, b) => sum + b.needsCheck, 0);
  const sizes = products.data?.find((product) => product.active)?.sizes ?? [];
  const soldOut = sizes.filter((size) => size.stockSets === 0).map((size) => size.label);

  return (
    <div className="sos-stack">
      <PageTitle>ホーム</PageTitle>
      <PageHeader
        title="ホーム"
        description={`${user.displayName}さん（販売業者）としてログインしています。`}
      />
      <div className="vendor-home-grid">
        <Card
          title="対象医療機関リスト"
          headingLevel={2}
          actions={
            <RouterLinkButton to={PATHS.targetLists} variant="secondary">
              リストを見る
            </RouterLinkButton>
          }
        >
          {batches.isPending ? (
            <p>読み込んでいます…</p>
          ) : batches.isError ? (
            <p>件数を読み込めませんでした。</p>
          ) : (
            <ul className="vendor-list">
              <li>
                国から引き渡されたリスト {formatNumber(lists.length)}件（医療機関{" "}
                {formatNumber(institutions)}件）
              </li>
              <li>照合済み {formatNumber(matched)}件</li>
              <li>登録内容が国のリストと異なる {formatNumber(mismatched)}件</li>
              <li>
                要確認（未確認の登録・国のリストと異なるメールアドレス） {formatNumber(needsCheck)}
                件
              </li>
              <li>購入サイトに未登録 {formatNumber(unregistered)}件</li>
              <li>
                購入リンク送信済み {formatNumber(sent)}件・購入済み {formatNumber(ordered)}件
              </li>
            </ul>
          )}
        </Card>
        <Card
          title="出荷待ちの注文"
          headingLevel={2}
          actions={
            <RouterLinkButton to={PATHS.orders} variant="secondary">
              注文・出荷へ
            </RouterLinkButton>
          }
        >
          {totals.isPending ? (
            <p>読み込んでいます…</p>
          ) : totals.isError ? (
            <p>件数を読み込めませんでした。</p>
          ) : (
            <p>
              {formatNumber(totals.data.orders)}件・{formatSets(totals.data.sets)}
            </p>
          )}
        </Card>
        <Card
          title="在庫"
          headingLevel={2}
          actions={
            <RouterLinkButton to={PATHS.products} variant="secondary">
              商品・在庫へ
            </RouterLinkButton>
          }
        >
          {products.isPending ? (
            <p>読み込んでいます…</p>
          ) : products.isError ? (
            <p>在庫を読み込めませんでした。</p>
          ) : sizes.length === 0 ? (
            <p>販売中の商品とサイズが登録されていません。購入ページで商品を選べない状態です。</p>
          ) : (
            <ul className="vendor-list">
              {sizes.map((size) => (
                <li key={size.id}>
                  {size.label}：{size.stockSets === 0 ? "在庫なし" : formatSets(size.stockSets)}
                </li>
              ))}
              {soldOut.length > 0 && <li>在庫切れ：{soldOut.join("・")}</li>}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
