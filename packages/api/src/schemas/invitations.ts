import {
  emailField,
  Id,
  inputString,
  institutionCodeField,
  PrefectureCode,
  Role,
  requiredText,
} from "@sos/domain";
import { z } from "zod";
import { IsoDateTime } from "./common";
import { Token } from "./storefront";

/** The invitations router's shapes: inviting, accepting, the bulk run, undeliverable mail. */

// ---- inputs ----

/** Whom to invite: a colleague of an institution, a prefecture's officer, a vendor user. */
export const InviteeInput = z.discriminatedUnion("role", [
  z.object({ role: z.literal("institution"), institutionId: Id }),
  z.object({ role: z.literal("prefecture"), prefectureCode: PrefectureCode }),
  z.object({ role: z.literal("vendor") }),
]);

export const CreateInvitationInput = z.object({ invitee: InviteeInput, email: emailField });

export const InvitationTokenInput = z.object({ token: Token });

export const AcceptInvitationInput = z.object({
  token: Token,
  displayName: requiredText("氏名", 100),
  // Judged by the password policy in the service, against the account's name.
  password: inputString().max(1000),
});

/**
 * The institution to invite again: by id (a row of the undeliverable list), or by
 * its 10-digit code as the ministry types it (full-width digits accepted).
 */
export const ResendInvitationInput = z.union([
  z.object({ institutionId: Id }),
  z.object({ institutionCode: institutionCodeField }),
]);

export const BulkInviteInput = z.object({ prefectureCode: PrefectureCode.nullable() });

export const InvitationProgressInput = z
  .object({ prefectureCode: PrefectureCode.nullable() })
  .optional();

// ---- outputs ----

export const InvitationCreatedOutput = z.object({
  id: Id,
  role: z.enum(["institution", "prefecture", "vendor"]),
  email: z.string(),
  expiresAt: IsoDateTime,
});
export type InvitationCreatedOutput = z.input<typeof InvitationCreatedOutput>;

/** A resend, with the institution it went to (the ministry typed only a code). */
export const ResendInvitationOutput = InvitationCreatedOutput.extend({
  institution: z.object({ code: z.string(), name: z.string() }),
});

const CLOSED_STATES = ["used", "expired", "voided", "unknown"] as const;

export const InvitationPageOutput = z.discriminatedUnion("state", [
  z.object({
    state: z.literal("open"),
    role: z.enum(["institution", "prefecture", "vendor"]),
    email: z.string(),
    institution: z.object({ code: z.string(), name: z.string() }).nullable(),
    prefectureName: z.string().nullable(),
    inviterName: z.string(),
    inviterRole: Role,
    expiresAt: IsoDateTime,
    /** The sign-in name the account will get (see accept.ts). */
    username: z.string(),
  }),
  z.object({ state: z.enum(CLOSED_STATES), message: z.string() }),
]);
export type InvitationPage = z.input<typeof InvitationPageOutput>;

export const AcceptInvitationOutput = z.object({
  username: z.string(),
  displayName: z.string(),
  role: Role,
});

export const InvitationProgressOutput = z.object({
  prefectureCode: PrefectureCode.nullable(),
  /** Active institutions in scope. */
  total: z.number().int(),
  /** Of them: holding an open or accepted invitation; delivered; refused by SMTP; accepted. */
  invited: z.number().int(),
  sent: z.number().int(),
  undeliverable: z.number().int(),
  accepted: z.number().int(),
  /** What 「一括招待」 would mail now: active institutions with no user and no open invitation. */
  toInvite: z.number().int(),
  /** How a run sends: `batchSize` invitations, then the next batch `paceSeconds` later. */
  pace: z.object({ batchSize: z.number().int(), paceSeconds: z.number().int() }),
  run: z
    .object({
      id: Id,
      prefectureCode: PrefectureCode.nullable(),
      total: z.number().int(),
      invited: z.number().int(),
      startedAt: IsoDateTime,
      finishedAt: IsoDateTime.nullable(),
      startedBy: z.string(),
    })
    .nullable(),
});
export type InvitationProgressOutput = z.input<typeof InvitationProgressOutput>;

export const UndeliverableOutput = z.array(
  z.object({
    invitationId: Id,
    institutionId: Id,
    institutionCode: z.string(),
    institutionName: z.string(),
    phone: z.string(),
    email: z.string(),
    /** Where a resend goes: the registry's address now. */
    registryEmail: z.string(),
    error: z.string(),
    createdAt: IsoDateTime,
  }),
);
