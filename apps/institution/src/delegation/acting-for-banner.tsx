import { Button, Notice } from "@sos/ui";
import { appHref, chooseActingFor, readActingFor, useSignedInUser } from "@sos/web";

/**
 * A delegate's user always sees whose data it is entering: 「○○クリニック の代理で
 * 入力しています」, with the way back to the list of consenting institutions.
 */
export function ActingForBanner() {
  const user = useSignedInUser();
  if (user.role !== "delegate") return null;
  const acting = readActingFor();
  if (acting === null) return null;
  return (
    <Notice title={`${acting.institutionName} の代理で入力しています`} emphasis="important">
      <p>
        この画面の回答・要請は「{acting.institutionName}
        」のものとして記録され、代理入力であることが医療機関にも表示されます。
      </p>
      <Button variant="secondary" onClick={() => chooseActingFor(null, appHref("institution"))}>
        代理入力する医療機関を選び直す
      </Button>
    </Notice>
  );
}
