import type { ApiFixtures } from "@sos/web/storybook";
import type { SignInAlert } from "../api-types";

/** Maintenance never switched: the ministry home's card offers to turn it on. */
export const MAINTENANCE_NEVER_SWITCHED = {
  readOnly: false,
  reason: null,
  changedAt: null,
  changedBy: null,
  changedVia: null,
};

/** Guessing seen this week, newest first, as operations.signInAlerts sends it. */
export const SIGN_IN_ALERTS: SignInAlert[] = [
  {
    id: "3",
    raisedAt: "2026-11-26T00:42:10.000Z",
    scope: "ip",
    subject: "203.0.113.45",
    attempts: 1240,
    since: "2026-11-25T23:58:02.000Z",
    mailed: false,
  },
  {
    id: "2",
    raisedAt: "2026-11-25T07:55:00.000Z",
    scope: "account",
    subject: "tokyo-hp-yamada",
    attempts: 100,
    since: "2026-11-25T07:41:36.000Z",
    mailed: true,
  },
  {
    id: "1",
    raisedAt: "2026-11-24T12:03:00.000Z",
    scope: "device",
    subject: "osaka-clinic-01",
    attempts: 112,
    since: "2026-11-24T11:20:00.000Z",
    mailed: false,
  },
];

/** What the ministry home reads besides the round: the switch's state and the alerts. */
export const OPERATIONS_API = {
  operations: {
    maintenance: () => MAINTENANCE_NEVER_SWITCHED,
    signInAlerts: () => SIGN_IN_ALERTS,
  },
} satisfies ApiFixtures;
