import type { Role } from "@sos/domain";
import { ROLE_LABELS } from "@sos/domain";
import { Alert, PageHeader } from "@sos/ui";
import { PageTitle, RouterLinkButton, useSignedInUser } from "@sos/web";
import type { ReactNode } from "react";

/**
 * Pages of one role only (the ministry's target lists, a prefecture's input): anyone
 * else reaching the address gets a plain explanation instead of a refused API call.
 */
export function RequireRole({
  forRole: role,
  title,
  children,
}: {
  forRole: Role;
  /** The page's name, for the heading of the explanation. */
  title: string;
  children: ReactNode;
}) {
  const user = useSignedInUser();
  if (user.role === role) return children;
  return (
    <div className="sos-stack">
      <PageTitle>{title}</PageTitle>
      <PageHeader title={title} />
      <Alert tone="warning" title="このページは利用できません">
        <p>
          このページは{ROLE_LABELS.ja[role]}のためのページです。{ROLE_LABELS.ja[user.role]}
          のアカウントでは利用できません。
        </p>
      </Alert>
      <RouterLinkButton to="/" variant="secondary">
        ホームへ戻る
      </RouterLinkButton>
    </div>
  );
}
