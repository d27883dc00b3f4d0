import {
  Id,
  InstitutionType,
  IsoDate,
  institutionCodeField,
  PrefectureCode,
  requiredText,
} from "@sos/domain";
import { z } from "zod";
import { IsoDateTime, Person } from "./common";

/** The sanctions router's shapes (measures under consent term ④). */

export const SANCTION_STATES = ["in_force", "scheduled", "lifted"] as const;
/** in_force: effective today; scheduled: effective from a later day; lifted. */
export type SanctionState = (typeof SANCTION_STATES)[number];

// ---- inputs ----

export const SanctionCreateInput = z
  .object({
    institutionId: Id.nullish(),
    institutionCode: institutionCodeField.nullish(),
    reason: requiredText("措置の理由", 1000),
    effectiveFrom: IsoDate,
  })
  .refine(
    (input) => (input.institutionId ?? null) !== null || (input.institutionCode ?? null) !== null,
    {
      error: "医療機関コードを入力してください",
      path: ["institutionCode"],
    },
  );

/** The code typed in the form, before the confirmation (sanctions.target). */
export const SanctionTargetInput = z.object({ institutionCode: institutionCodeField });

export const SanctionLiftInput = z.object({ id: Id, reason: requiredText("解除の理由", 1000) });

export const SanctionListInput = z.object({ state: z.enum(SANCTION_STATES).nullish() }).optional();

// ---- outputs ----

export const SanctionOutput = z.object({
  id: Id,
  institution: z.object({
    id: Id,
    code: z.string(),
    name: z.string(),
    prefectureCode: PrefectureCode,
    prefectureName: z.string(),
  }),
  reason: z.string(),
  effectiveFrom: IsoDate,
  state: z.enum(SANCTION_STATES),
  createdAt: IsoDateTime,
  createdBy: Person,
  liftedAt: IsoDateTime.nullable(),
  liftedBy: Person.nullable(),
  liftReason: z.string().nullable(),
});
/** The institution a code names, for the officer to recognise before confirming. */
export const SanctionTargetOutput = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  prefectureCode: PrefectureCode,
  prefectureName: z.string(),
  type: InstitutionType,
  typeLabel: z.string(),
  /** Measures on it not lifted (in force or scheduled): a second one is likely a mistake. */
  openSanctions: z.number().int().min(0),
});
export type SanctionTarget = z.input<typeof SanctionTargetOutput>;

/** A sanction as the services return it (Dates; the router sends ISO strings). */
export type Sanction = z.input<typeof SanctionOutput>;
