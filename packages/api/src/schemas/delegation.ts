import { Id, inputString, PrefectureCode } from "@sos/domain";
import { z } from "zod";
import { IsoDateTime } from "./common";

/**
 * 代理入力. OnBehalfOutput is how any page shows an entry a delegate made:
 * 「○○医師会 が ○○クリニック の代理で」 (label) and when.
 */
export const OnBehalfOutput = z.object({
  organisationName: z.string(),
  institutionName: z.string(),
  label: z.string(),
  at: IsoDateTime,
});
export type OnBehalfOutput = z.infer<typeof OnBehalfOutput>;
export type OnBehalf = z.input<typeof OnBehalfOutput>;

export const DelegateKind = z.enum(["medical_association", "head_office"]);

export const DelegateOrganisationOutput = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  kind: DelegateKind,
  kindLabel: z.string(),
  prefectureCode: PrefectureCode.nullable(),
});
export type DelegateOrganisation = z.input<typeof DelegateOrganisationOutput>;

/** The institution's search for its association or head office: by code or by part of the name. */
export const DelegateSearchInput = z.object({
  query: inputString()
    .trim()
    .min(1, { error: "団体名または団体コードを入力してください" })
    .max(100),
});

export const DelegateSearchOutput = z.array(DelegateOrganisationOutput);

export const DelegationGrantInput = z.object({ organisationId: Id });
export const DelegationRevokeInput = z.object({ delegationId: Id });

export const DelegationOutput = z.object({
  id: Id,
  organisation: DelegateOrganisationOutput.omit({ prefectureCode: true }),
  grantedAt: IsoDateTime,
  grantedByName: z.string(),
  revokedAt: IsoDateTime.nullable(),
  revokedByName: z.string().nullable(),
  active: z.boolean(),
});
export type Delegation = z.input<typeof DelegationOutput>;

export const DelegationListOutput = z.object({
  current: z.array(DelegationOutput),
  past: z.array(DelegationOutput),
});
export type DelegationList = z.input<typeof DelegationListOutput>;

/** The delegate's own view: its organisation and the institutions that consent now. */
export const DelegateClientsOutput = z.object({
  organisation: DelegateOrganisationOutput,
  clients: z.array(
    z.object({
      institutionId: Id,
      code: z.string(),
      name: z.string(),
      prefectureCode: PrefectureCode,
      prefectureName: z.string(),
      grantedAt: IsoDateTime,
    }),
  ),
});
export type DelegateClients = z.input<typeof DelegateClientsOutput>;
