import { PIECES_PER_SET } from "@sos/rules";
import type { CsvCheck, TargetBatch, TargetBatchList } from "../api-types";
import { INSTITUTIONS, type InstitutionFixture } from "./institutions";
import { PEOPLE } from "./people";
import type { RequestSpec } from "./requests";

type Batch = TargetBatchList["batches"][number];

function batchId(number: number): string {
  return `9c4e0000-0000-4000-8000-${String(number).padStart(12, "0")}`;
}

function summary(number: number, itemCount: number, totalSets: number): Batch {
  return {
    id: batchId(number),
    number,
    issuedAt: new Date(
      Date.parse("2026-09-03T06:00:00.000Z") + (number - 1) * 7 * 86_400_000,
    ).toISOString(),
    issuedBy: number % 3 === 0 ? PEOPLE.otherMinistryOfficer : PEOPLE.ministryOfficer,
    itemCount,
    totalSets,
    totalPieces: totalSets * PIECES_PER_SET,
  };
}

/** The bay hospital's request of the week before, approved and handed over on list 12. */
export const LISTED_BAY_REQUEST: RequestSpec = {
  id: "5f0c1a00-2000-4000-8000-000000000002",
  version: 4,
  institution: INSTITUTIONS.bay,
  appliedAt: "2026-11-12T00:30:00.000Z",
  status: "accepted",
  reviewStage: null,
  prefectureInput: {
    supplyNeeded: true,
    quantitySets: 1_250,
    completedAt: "2026-11-17T02:00:00.000Z",
    updatedAt: "2026-11-17T02:00:00.000Z",
  },
  approval: { quantitySets: 1_250, approvedAt: "2026-11-18T03:00:00.000Z" },
  targetList: {
    batchId: batchId(12),
    number: 12,
    issuedAt: "2026-11-19T06:00:00.000Z",
  },
};

/**
 * List 12 as the vendor receives it: a short Thursday list of the requests
 * approved after list 11, from a midwife-sized clinic to a 1,250-set hospital.
 */
export const LATEST_BATCH_DETAIL: TargetBatch = (() => {
  const items = [
    item(1, "5f0c1a00-2000-4000-8000-000000000001", INSTITUTIONS.sapporo, 60),
    item(2, LISTED_BAY_REQUEST.id, INSTITUTIONS.bay, 1_250),
    item(3, "5f0c1a00-2000-4000-8000-000000000003", INSTITUTIONS.sumida, 3),
    item(4, "5f0c1a00-2000-4000-8000-000000000004", INSTITUTIONS.yoshino, 4),
    item(5, "5f0c1a00-2000-4000-8000-000000000005", INSTITUTIONS.yokohama, 360),
    item(6, "5f0c1a00-2000-4000-8000-000000000006", INSTITUTIONS.naniwa, 2),
  ];
  const totalSets = items.reduce((total, row) => total + row.limitSets, 0);
  return { ...summary(12, items.length, totalSets), items };
})();

/** Lists one to twelve, one a week since September, newest first. */
export const BATCHES: Batch[] = [
  summary(12, LATEST_BATCH_DETAIL.itemCount, LATEST_BATCH_DETAIL.totalSets),
  ...Array.from({ length: 11 }, (_, index) => {
    const number = 11 - index;
    const itemCount = 900 + ((number * 137) % 1_300);
    return summary(number, itemCount, itemCount * 9 + ((number * 53) % 400));
  }),
];

export const LATEST_BATCH = BATCHES[0] as Batch;

/** Approved since list 12 and waiting for list 13. */
export const PENDING = { count: 1_250, sets: 48_760 } as const;

export const TARGET_LISTS: TargetBatchList = { batches: BATCHES, pending: { ...PENDING } };

/** The list the ministry issues next, as targetList.issue returns it. */
export const ISSUED_BATCH: Batch = {
  id: batchId(13),
  number: 13,
  issuedAt: "2026-11-26T02:00:00.000Z",
  issuedBy: PEOPLE.ministryOfficer,
  itemCount: PENDING.count,
  totalSets: PENDING.sets,
  totalPieces: PENDING.sets * PIECES_PER_SET,
};

function item(
  index: number,
  requestId: string,
  institution: InstitutionFixture,
  limitSets: number,
): TargetBatch["items"][number] {
  return {
    id: `9c4e1000-0000-4000-8000-${String(index).padStart(12, "0")}`,
    requestId,
    institutionId: institution.id,
    institutionCode: institution.code,
    name: institution.name,
    prefectureCode: institution.prefectureCode,
    prefectureName: institution.prefectureName,
    postcode: institution.postcode,
    address: institution.address,
    phone: institution.phone,
    contactName: institution.contactName,
    email: institution.email,
    limitSets,
    limitPieces: limitSets * PIECES_PER_SET,
  };
}

/** 𠮷 (U+20BB7) has no Shift_JIS code: the clinic's name and its contact's name lose it. */
export const SJIS_PROBLEMS: CsvCheck = {
  batchId: LATEST_BATCH.id,
  number: LATEST_BATCH.number,
  rowCount: LATEST_BATCH_DETAIL.items.length,
  unrepresentable: [
    {
      row: 5,
      column: "医療機関名",
      char: "𠮷",
      codePoint: "U+20BB7",
      institutionCode: INSTITUTIONS.yoshino.code,
      institutionName: INSTITUTIONS.yoshino.name,
    },
    {
      row: 5,
      column: "担当者名",
      char: "𠮷",
      codePoint: "U+20BB7",
      institutionCode: INSTITUTIONS.yoshino.code,
      institutionName: INSTITUTIONS.yoshino.name,
    },
  ],
};

/** A list every character of which Shift_JIS can hold. */
export function sjisClean(batch: { id: string; number: number; itemCount: number }): CsvCheck {
  return {
    batchId: batch.id,
    number: batch.number,
    rowCount: batch.itemCount,
    unrepresentable: [],
  };
}
