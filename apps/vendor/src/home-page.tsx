import { PageHeader } from "@sos/ui";
import { PageTitle, UpcomingFeatures, useSignedInUser } from "@sos/web";

const FEATURES = [
  {
    title: "対象医療機関リスト",
    description:
      "国から届いた対象医療機関リスト（医療機関コード・連絡先・購入上限数）を確認します。",
  },
  {
    title: "施設登録との突き合わせと購入用URLの送付",
    description:
      "リストと購入サイトの施設登録を10桁の医療機関コードで突き合わせ、登録済みの医療機関へ購入用URLと購入できる枚数をメールで送ります。",
  },
  {
    title: "受注と出荷",
    description: "医療機関からの注文（サイズはセットごとに選択）を確認し、出荷状況を記録します。",
  },
] as const;

export function HomePage() {
  const user = useSignedInUser();
  return (
    <div className="sos-stack">
      <PageTitle>ホーム</PageTitle>
      <PageHeader
        title="ホーム"
        description={`${user.displayName}さん（販売業者）としてログインしています。`}
      />
      <UpcomingFeatures heading="これからご利用いただける機能" features={FEATURES} />
    </div>
  );
}
