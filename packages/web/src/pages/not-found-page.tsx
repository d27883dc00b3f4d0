import { PageHeader } from "@sos/ui";
import { PageTitle } from "../components/page-title";
import { RouterLinkButton } from "../routing/router-link-button";

export function NotFoundPage() {
  return (
    <div className="sos-stack">
      <PageTitle>ページが見つかりません</PageTitle>
      <PageHeader
        title="ページが見つかりません"
        description="お探しのページは移動または削除されたか、URL に誤りがある可能性があります。"
      />
      <RouterLinkButton to="/" variant="secondary">
        ホームへ戻る
      </RouterLinkButton>
    </div>
  );
}
