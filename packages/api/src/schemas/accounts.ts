import { Id, institutionCodeField, PrefectureCode, Role } from "@sos/domain";
import { ACCOUNT_ACTIONS } from "@sos/rules";
import { z } from "zod";
import { IsoDateTime } from "./common";

/** The accounts router's shapes: staff and officers (issue 15). */

export const ACCOUNT_STATES = ["active", "disabled", "removed"] as const;
export const MANAGE_SCOPE_KINDS = ["none", "institution", "prefecture", "ministry"] as const;

// ---- inputs ----

/** Whose accounts: the caller's scope decides; the ministry may narrow it. */
export const AccountListInput = z
  .object({
    /** Ministry: only this prefecture's officers. */
    prefectureCode: PrefectureCode.nullish(),
    /** Ministry: this institution's users instead of the staff. */
    institutionCode: institutionCodeField.nullish(),
  })
  .optional();

export const AccountTargetInput = z.object({ userId: Id });

export const AccountLeadInput = z.object({ userId: Id, lead: z.boolean() });

// ---- outputs ----

export const AccountOutput = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  email: z.string(),
  role: Role,
  prefecture: z.object({ code: PrefectureCode, name: z.string() }).nullable(),
  institution: z.object({ id: Id, code: z.string(), name: z.string() }).nullable(),
  leadOfficer: z.boolean(),
  status: z.enum(ACCOUNT_STATES),
  /** Whom this person manages (their scope), whatever the caller may do to them. */
  manages: z.enum(MANAGE_SCOPE_KINDS),
  lastSignInAt: IsoDateTime.nullable(),
  /** What the caller may do to this person now (the screen's buttons). */
  actions: z.array(z.enum(ACCOUNT_ACTIONS)),
  /** The caller's own row. */
  self: z.boolean(),
});
export type Account = z.input<typeof AccountOutput>;

export const AccountListOutput = z.object({
  /** The caller's scope, for the screen's heading. */
  scope: z.enum(MANAGE_SCOPE_KINDS),
  people: z.array(AccountOutput),
});
export type AccountList = z.input<typeof AccountListOutput>;

/** A change's answer: changed false when it was already so (a second click). */
export const AccountChangeOutput = z.object({ changed: z.boolean(), person: AccountOutput });
export type AccountChange = z.input<typeof AccountChangeOutput>;
