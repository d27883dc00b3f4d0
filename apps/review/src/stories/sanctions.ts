import type { Sanction } from "../api-types";
import { INSTITUTIONS, type InstitutionFixture } from "./institutions";
import { PEOPLE } from "./people";

function institutionOf(institution: InstitutionFixture): Sanction["institution"] {
  const { id, code, name, prefectureCode, prefectureName } = institution;
  return { id, code, name, prefectureCode, prefectureName };
}

/** In force since 25 November: the pharmacy whose request in the queue is flagged 措置中. */
export const IN_FORCE: Sanction = {
  id: "7b2d0000-0000-4000-8000-000000000001",
  institution: institutionOf(INSTITUTIONS.midori),
  reason: "前回購入分の手袋をインターネットで転売したことが確認されたため（同意事項④）。",
  effectiveFrom: "2026-11-25",
  state: "in_force",
  createdAt: "2026-11-24T06:15:00.000Z",
  createdBy: PEOPLE.ministryOfficer,
  liftedAt: null,
  liftedBy: null,
  liftReason: null,
};

/** Decided, starting next month. */
export const SCHEDULED: Sanction = {
  id: "7b2d0000-0000-4000-8000-000000000002",
  institution: institutionOf(INSTITUTIONS.yokohama),
  reason:
    "購入した手袋を系列外の介護施設へ有償で譲渡していたことが、販売事業者からの報告で判明したため。同意事項④に基づき、12月1日以降の要請を受け付けない。",
  effectiveFrom: "2026-12-01",
  state: "scheduled",
  createdAt: "2026-11-25T09:40:00.000Z",
  createdBy: PEOPLE.otherMinistryOfficer,
  liftedAt: null,
  liftedBy: null,
  liftReason: null,
};

/** Lifted after the clinic showed the gloves had been lent, not sold. */
export const LIFTED: Sanction = {
  id: "7b2d0000-0000-4000-8000-000000000003",
  institution: institutionOf(INSTITUTIONS.naniwa),
  reason: "購入数量を超える手袋の再販売の疑い。",
  effectiveFrom: "2026-10-15",
  state: "lifted",
  createdAt: "2026-10-14T02:00:00.000Z",
  createdBy: PEOPLE.ministryOfficer,
  liftedAt: "2026-10-28T05:30:00.000Z",
  liftedBy: PEOPLE.otherMinistryOfficer,
  liftReason: "近隣の診療所への一時的な貸与であり、転売ではないことを確認したため。",
};

export const SANCTIONS: Sanction[] = [IN_FORCE, SCHEDULED, LIFTED];
