import { FixtureError } from "@sos/web/storybook";

/** What the API says when its database is unreachable: the retryable failure of every read. */
export const SERVER_DOWN_MESSAGE =
  "ただいまサービスを利用できません。しばらく時間をおいてから再度お試しください。";

export function serverDown(): never {
  throw new FixtureError("SERVICE_UNAVAILABLE", SERVER_DOWN_MESSAGE);
}
