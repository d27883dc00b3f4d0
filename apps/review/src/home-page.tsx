import { prefectureName } from "@sos/domain";
import { PageHeader } from "@sos/ui";
import {
  PageTitle,
  type SignedInUser,
  UpcomingFeatures,
  userDetailJa,
  useSignedInUser,
} from "@sos/web";

function featuresFor(user: SignedInUser) {
  if (user.role === "ministry") {
    return [
      {
        title: "国確認待ちの要請の一覧",
        description:
          "都道府県が確認を完了した全国の要請を確認し、必要な項目を入力して承認します。都道府県へ差し戻すこともできます。",
      },
      {
        title: "対象医療機関リストの作成",
        description:
          "承認した要請から、販売業者へ渡す対象医療機関リスト（医療機関名・コード・住所・連絡先・購入上限数）を作成します。",
      },
    ] as const;
  }
  const prefecture =
    user.prefectureCode === null ? "管内" : (prefectureName(user.prefectureCode) ?? "管内");
  return [
    {
      title: `${prefecture}の確認待ちの要請の一覧`,
      description:
        "管内の医療機関から届いた緊急配布要請を確認し、配送要否と枚数を入力して完了します。原則として木曜17時までに完了してください。",
    },
    {
      title: "対象外とした要請への個別連絡",
      description:
        "配布条件に当てはまらないと判断した要請は理由を記録して対象外とし、要請週の金曜以降に医療機関へ個別に連絡します。",
    },
  ] as const;
}

export function HomePage() {
  const user = useSignedInUser();
  return (
    <div className="sos-stack">
      <PageTitle>ホーム</PageTitle>
      <PageHeader
        title="ホーム"
        description={`${user.displayName}さん（${userDetailJa(user)}）としてログインしています。`}
      />
      <UpcomingFeatures heading="これからご利用いただける機能" features={featuresFor(user)} />
    </div>
  );
}
