import { Notice, PageHeader } from "@sos/ui";
import { PageTitle, UpcomingFeatures, useSignedInUser } from "@sos/web";

const FEATURES = [
  {
    title: "週次調査への回答",
    description:
      "毎週水曜18時35分以降に、その週の調査が作成されます。医療用手袋の在庫量、1週間の想定消費量、1週間の購入見込み量（枚）を回答してください。",
  },
  {
    title: "自己チェックシート",
    description:
      "3つの数量を入力すると、緊急配布の対象（配布対象該当／非該当）かどうかと、購入上限数をその場で確認できます。",
  },
  {
    title: "緊急配布要請",
    description:
      "週次調査に回答したうえで要請します。締切は毎週水曜17時です。締切後の要請は翌営業日以降の対応になります。",
  },
] as const;

export function HomePage() {
  const user = useSignedInUser();
  return (
    <div className="sos-stack">
      <PageTitle>ホーム</PageTitle>
      <PageHeader
        title="ホーム"
        description={`${user.displayName}さん（医療機関）としてログインしています。`}
      />
      <Notice title="要請は配布の決定ではありません" emphasis="important">
        <p>
          要請の内容は都道府県と国が確認し、数量を調整することがあります。確認のため、都道府県から電話で連絡する場合があります。
        </p>
      </Notice>
      <UpcomingFeatures heading="これからご利用いただける機能" features={FEATURES} />
    </div>
  );
}
