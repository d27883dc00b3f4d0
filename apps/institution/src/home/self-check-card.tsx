import { Card } from "@sos/ui";
import { RouterLinkButton } from "@sos/web";
import { PATHS } from "../paths";

export function SelfCheckCard() {
  return (
    <Card
      title="自己チェックシート"
      actions={
        <RouterLinkButton to={PATHS.selfCheck} variant="secondary" fullWidth>
          自己チェックを開く
        </RouterLinkButton>
      }
    >
      <p>
        在庫量などの3つの数値から、緊急配布の対象に該当するかどうかと購入上限数を、要請の前に確認できます。
      </p>
    </Card>
  );
}
