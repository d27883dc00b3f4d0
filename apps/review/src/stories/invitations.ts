import type { InvitationProgressValue, UndeliverableInvitation } from "../api-types";
import { PEOPLE } from "./people";

/** The whole registry after last week's run: most invited, some refused, many registered. */
export const INVITATION_PROGRESS: InvitationProgressValue = {
  prefectureCode: null,
  total: 179_842,
  invited: 120_842,
  sent: 120_418,
  undeliverable: 312,
  accepted: 81_250,
  toInvite: 59_000,
  pace: { batchSize: 500, paceSeconds: 60 },
  run: {
    id: "3f1c2a90-5b7d-4e21-8c3a-00000000d001",
    prefectureCode: null,
    total: 120_842,
    invited: 120_842,
    startedAt: "2026-11-19T00:00:00.000Z",
    finishedAt: "2026-11-19T04:02:00.000Z",
    startedBy: PEOPLE.ministryOfficer.displayName,
  },
};

/** Tokyo alone: 1,200 of its institutions not invited yet. */
export const TOKYO_PROGRESS: InvitationProgressValue = {
  ...INVITATION_PROGRESS,
  prefectureCode: 13,
  total: 14_120,
  invited: 12_920,
  sent: 12_890,
  undeliverable: 30,
  accepted: 9_004,
  toInvite: 1_200,
};

/** A run started a minute ago: its first two batches written. */
export const RUNNING_PROGRESS: InvitationProgressValue = {
  ...TOKYO_PROGRESS,
  invited: 13_920,
  toInvite: 200,
  run: {
    id: "3f1c2a90-5b7d-4e21-8c3a-00000000d002",
    prefectureCode: 13,
    total: 1_200,
    invited: 1_000,
    startedAt: "2026-11-26T01:29:00.000Z",
    finishedAt: null,
    startedBy: PEOPLE.ministryOfficer.displayName,
  },
};

/** A refused invitation whose registry address the ministry has corrected since. */
export const CORRECTED_ROW: UndeliverableInvitation = {
  invitationId: "7c2d1e40-0a5b-4c3d-9e8f-00000000e001",
  institutionId: "6a1e2b3c-0000-4000-8000-000000000101",
  institutionCode: "1310000101",
  institutionName: "神田さくら内科クリニック",
  phone: "0332510101",
  email: "info@kanda-sakura.example.jp",
  registryEmail: "uketsuke@kanda-sakura.example.jp",
  error: "550 5.1.1 User unknown",
  createdAt: "2026-11-19T00:05:00.000Z",
};

/** One whose registry address is still the refused one. */
export const UNCORRECTED_ROW: UndeliverableInvitation = {
  invitationId: "7c2d1e40-0a5b-4c3d-9e8f-00000000e002",
  institutionId: "6a1e2b3c-0000-4000-8000-000000000102",
  institutionCode: "1310000102",
  institutionName: "本郷三丁目歯科医院",
  phone: "09012345678",
  email: "hongo-dental@example.jp",
  registryEmail: "hongo-dental@example.jp",
  error: "552 5.2.2 Mailbox full",
  createdAt: "2026-11-19T00:06:00.000Z",
};

/** Tokyo's refused invitations, in code order as the API lists them. */
export const UNDELIVERABLE: UndeliverableInvitation[] = [CORRECTED_ROW, UNCORRECTED_ROW];
