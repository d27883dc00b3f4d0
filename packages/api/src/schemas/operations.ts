import { requiredText } from "@sos/domain";
import { z } from "zod";
import { IsoDateTime } from "./common";

/** What every app needs for its banner, and what anyone (signed in or not) may know. */
export const ReadOnlyStatusOutput = z.object({
  readOnly: z.boolean(),
  since: IsoDateTime.nullable(),
});

/** The ministry's view: who switched it last, when, why and how. */
export const MaintenanceStateOutput = z.object({
  readOnly: z.boolean(),
  reason: z.string().nullable(),
  changedAt: IsoDateTime.nullable(),
  changedBy: z.object({ displayName: z.string() }).nullable(),
  changedVia: z.enum(["console", "cli"]).nullable(),
});

export const SetReadOnlyInput = z.object({
  readOnly: z.boolean(),
  reason: requiredText("理由", 200),
});

export const SetReadOnlyOutput = MaintenanceStateOutput.extend({
  /** false: it already was in the asked state; nothing was written. */
  changed: z.boolean(),
});

export const SIGN_IN_ALERT_LIMIT = 20;

export const SignInAlertsOutput = z.array(
  z.object({
    id: z.string(),
    raisedAt: IsoDateTime,
    scope: z.enum(["account", "ip", "device"]),
    subject: z.string(),
    attempts: z.number().int().positive(),
    since: IsoDateTime,
    mailed: z.boolean(),
  }),
);
