import { ROLE_LABELS } from "@sos/domain";
import { Alert, LinkButton } from "@sos/ui";
import { useSosApp } from "../app-definition";
import { APP_NAMES_JA, APP_OF_ROLE, appHref } from "../apps";
import { PageTitle } from "../components/page-title";
import type { SignedInUser } from "./signed-in-user";

/**
 * Shown instead of the app's pages when, say, a vendor signs in to the institution
 * app: the session is valid, only the door is wrong, so point to the right one.
 */
export function WrongAppNotice({ user }: { user: SignedInUser }) {
  const app = useSosApp();
  const own = APP_OF_ROLE[user.role];
  return (
    <div className="sos-stack">
      <PageTitle>ご利用いただけないページ</PageTitle>
      <h1>{APP_NAMES_JA[app.id]}のページは利用できません</h1>
      <Alert tone="warning" title={`${ROLE_LABELS.ja[user.role]}のアカウントでログインしています`}>
        <p>
          {user.displayName}さんのアカウントでは、{APP_NAMES_JA[own]}のページをご利用ください。
        </p>
      </Alert>
      <LinkButton href={appHref(own)} fullWidth>
        {APP_NAMES_JA[own]}のページへ移動
      </LinkButton>
      <p>別のアカウントでログインし直す場合は、画面上部の「ログアウト」を押してください。</p>
    </div>
  );
}
