import { INSTITUTION_TYPE_LABELS, type PrefectureCode, prefectureName } from "@sos/domain";
import type { QueueInput, QueuePage, QueueRow } from "../api-types";
import { INSTITUTIONS } from "./institutions";
import { PEOPLE } from "./people";
import { queueRow, type RequestSpec } from "./requests";

const KANAGAWA_OFFICER = { id: "8d2f6a10-4b3c-4e5d-9a01-14000000a001", displayName: "小川 智子" };

/**
 * The round's requests with a story of their own. Tokyo's wait for the prefecture
 * (one of them returned by the ministry, one under a sanction, one filed late);
 * the others have been completed by their prefecture and wait for the ministry.
 */
export const REQUESTS = {
  chiyoda: {
    id: "5f0c1a00-0000-4000-8000-000000000001",
    version: 1,
    institution: INSTITUTIONS.chiyoda,
    appliedAt: "2026-11-18T10:10:00.000Z",
    notes: "救急外来の受診者が増え、使用量が急増しています。",
  },
  sumida: {
    id: "5f0c1a00-0000-4000-8000-000000000002",
    version: 3,
    institution: INSTITUTIONS.sumida,
    appliedAt: "2026-11-19T05:15:00.000Z",
    prefectureInput: {
      supplyNeeded: true,
      quantitySets: 3,
      notes: "11月24日に伊藤様へ電話し、在庫状況を確認済み。",
      updatedAt: "2026-11-24T02:00:00.000Z",
    },
  },
  yoshino: {
    id: "5f0c1a00-0000-4000-8000-000000000003",
    version: 5,
    institution: INSTITUTIONS.yoshino,
    appliedAt: "2026-11-20T01:05:00.000Z",
    prefectureInput: { supplyNeeded: true, quantitySets: 4, updatedAt: "2026-11-23T01:00:00.000Z" },
    returns: [
      {
        id: "ret-0001",
        reason:
          "想定消費量が前週の3倍になっています。医療機関に根拠を確認のうえ、数量を見直してください。",
        returnedAt: "2026-11-24T07:30:00.000Z",
        returnedBy: PEOPLE.otherMinistryOfficer,
      },
    ],
  },
  takahashi: {
    id: "5f0c1a00-0000-4000-8000-000000000004",
    version: 1,
    institution: INSTITUTIONS.takahashi,
    appliedAt: "2026-11-20T06:30:00.000Z",
    surveyChangedTo: { stock: 5_000, consumption: 1_200, purchases: 0 },
  },
  midori: {
    id: "5f0c1a00-0000-4000-8000-000000000005",
    version: 1,
    institution: INSTITUTIONS.midori,
    appliedAt: "2026-11-21T02:00:00.000Z",
    sanctions: [
      {
        id: "7b2d0000-0000-4000-8000-000000000001",
        reason: "前回購入分の手袋をインターネットで転売したことが確認されたため（同意事項④）。",
        effectiveFrom: "2026-11-25",
      },
    ],
  },
  tsukishima: {
    id: "5f0c1a00-0000-4000-8000-000000000006",
    version: 1,
    institution: INSTITUTIONS.tsukishima,
    appliedAt: "2026-11-25T08:20:00.000Z",
    contactPhone: null,
  },
  bay: {
    id: "5f0c1a00-0000-4000-8000-000000000007",
    version: 2,
    institution: INSTITUTIONS.bay,
    appliedAt: "2026-11-18T23:50:00.000Z",
    reviewStage: "ministry",
    prefectureInput: {
      supplyNeeded: true,
      quantitySets: 1_250,
      notes: "病床数800の基幹病院。感染症病棟の拡張により消費量が増加。",
      completedAt: "2026-11-24T05:00:00.000Z",
      updatedAt: "2026-11-24T05:00:00.000Z",
    },
  },
  yokohama: {
    id: "5f0c1a00-0000-4000-8000-000000000008",
    version: 2,
    institution: INSTITUTIONS.yokohama,
    appliedAt: "2026-11-19T00:20:00.000Z",
    reviewStage: "ministry",
    prefectureInput: {
      supplyNeeded: true,
      quantitySets: 360,
      completedAt: "2026-11-24T08:10:00.000Z",
      updatedAt: "2026-11-24T08:10:00.000Z",
      by: KANAGAWA_OFFICER,
    },
  },
  naniwa: {
    id: "5f0c1a00-0000-4000-8000-000000000009",
    version: 2,
    institution: INSTITUTIONS.naniwa,
    appliedAt: "2026-11-19T02:40:00.000Z",
    reviewStage: "ministry",
    prefectureInput: {
      supplyNeeded: true,
      quantitySets: 2,
      completedAt: "2026-11-24T01:30:00.000Z",
      updatedAt: "2026-11-24T01:30:00.000Z",
      by: { id: "8d2f6a10-4b3c-4e5d-9a01-27000000a001", displayName: "西田 浩二" },
    },
  },
  sapporo: {
    id: "5f0c1a00-0000-4000-8000-000000000010",
    version: 2,
    institution: INSTITUTIONS.sapporo,
    appliedAt: "2026-11-19T03:00:00.000Z",
    reviewStage: "ministry",
    prefectureInput: {
      supplyNeeded: true,
      quantitySets: 80,
      overrideReason: "管内の感染拡大で、来週の消費量が2割以上増える見込みのため。",
      completedAt: "2026-11-23T23:45:00.000Z",
      updatedAt: "2026-11-23T23:45:00.000Z",
      by: { id: "8d2f6a10-4b3c-4e5d-9a01-01000000a001", displayName: "佐々木 真理" },
    },
  },
} as const satisfies Record<string, RequestSpec>;

const WARDS = ["練馬", "板橋", "足立", "葛飾", "江戸川", "品川", "目黒", "大田", "杉並", "豊島"];
const KINDS = [
  ["内科クリニック", "clinic"],
  ["訪問看護ステーション", "home_nursing"],
  ["調剤薬局", "pharmacy"],
  ["記念病院", "hospital"],
  ["助産院", "midwifery"],
  ["歯科医院", "clinic"],
] as const;

/**
 * Further requests of the same round, so the queue has pages: deterministic (no
 * randomness, so assertions hold), eligible by the rule, filed after the named ones.
 */
function filler(
  index: number,
  prefectureCode: PrefectureCode,
  stage: "prefecture" | "ministry",
): RequestSpec {
  const [kind, type] = KINDS[index % KINDS.length] ?? KINDS[0];
  const prefecture = prefectureName(prefectureCode) ?? "";
  const place = prefectureCode === 13 ? (WARDS[index % WARDS.length] ?? "") : prefecture;
  const consumption = 500 + ((index * 733) % 9_500);
  const purchases = Math.floor(((index * 211) % consumption) / 2);
  const stock = (index * 977) % ((consumption - purchases) * 4);
  const serial = String(prefectureCode * 100_000 + index).padStart(12, "0");
  const appliedAt =
    Date.parse("2026-11-21T03:00:00.000Z") +
    ((index * 37) % 100) * 3_600_000 +
    (index % 60) * 60_000;
  return {
    id: `5f0c1a00-1000-4000-8000-${serial}`,
    version: 1,
    institution: {
      id: `6a1e2b3c-1000-4000-8000-${serial}`,
      code: `${String(prefectureCode).padStart(2, "0")}${String(10_000_000 + index * 7_919).slice(-8)}`,
      name: `${place}${kind} ${index + 1}`,
      type,
      typeLabel: INSTITUTION_TYPE_LABELS.ja[type],
      prefectureCode,
      prefectureName: prefecture,
      postcode: "1000001",
      address: `${prefecture}〇〇市1-${index + 1}`,
      phone: "0300000000",
      email: `info${index}@example.jp`,
      figures: { stock, consumption, purchases },
      contactName: "担当 者",
    },
    appliedAt: new Date(appliedAt).toISOString(),
    reviewStage: stage,
    ...(stage === "ministry"
      ? {
          prefectureInput: {
            supplyNeeded: true,
            quantitySets: Math.ceil((consumption * 2) / 1_000),
            completedAt: "2026-11-25T01:00:00.000Z",
            updatedAt: "2026-11-25T01:00:00.000Z",
          },
        }
      : {}),
  };
}

function fillers(
  count: number,
  prefectures: readonly PrefectureCode[],
  stage: "prefecture" | "ministry",
) {
  return Array.from({ length: count }, (_, index) =>
    filler(index, prefectures[index % prefectures.length] ?? 13, stage),
  );
}

/** Every request of the round: 128 of Tokyo's wait for the officer, 1,234 for the ministry. */
export const ALL_REQUESTS: readonly QueueRow[] = [
  ...Object.values(REQUESTS).map((spec) => queueRow(spec)),
  ...fillers(122, [13], "prefecture").map(queueRow),
  ...fillers(1_230, [1, 4, 11, 12, 14, 23, 26, 27, 28, 34, 40, 47], "ministry").map(queueRow),
];

function tokyoDay(iso: string): string {
  return new Date(Date.parse(iso) + 9 * 3_600_000).toISOString().slice(0, 10);
}

function sortValue(row: QueueRow, key: QueueInput["sort"]): string | number | null {
  switch (key) {
    case "institutionName":
      return row.institution.name;
    case "weeksOfCover":
      return row.weeksOfCover;
    case "limitSets":
      return row.limitSets;
    default:
      return row.appliedAt;
  }
}

/**
 * review.queue replayed over `rows`: the filters, the order (nulls last, as the
 * server's) and the page. A prefecture officer's scope is their prefecture.
 */
export function serveQueue(
  rows: readonly QueueRow[],
  input: QueueInput,
  scope: PrefectureCode | null = null,
): QueuePage {
  const status = input.status ?? "reviewing";
  const matching = rows.filter((row) => {
    if (scope !== null && row.institution.prefectureCode !== scope) return false;
    if (status !== "all" && row.status !== status) return false;
    if (input.stage && row.reviewStage !== input.stage) return false;
    if (input.reviewState && row.prefectureReview.state !== input.reviewState) return false;
    if (input.institutionType && row.institution.type !== input.institutionType) return false;
    if (input.late && !row.late) return false;
    if (input.filedFrom && tokyoDay(row.appliedAt) < input.filedFrom) return false;
    if (input.filedTo && tokyoDay(row.appliedAt) > input.filedTo) return false;
    if (input.prefectureCode && row.institution.prefectureCode !== input.prefectureCode)
      return false;
    const search = input.search?.trim();
    if (
      search &&
      !row.institution.name.includes(search) &&
      !row.institution.code.startsWith(search)
    ) {
      return false;
    }
    return true;
  });
  const sign = input.dir === "desc" ? -1 : 1;
  const sorted = [...matching].sort((a, b) => {
    const x = sortValue(a, input.sort);
    const y = sortValue(b, input.sort);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    if (x !== y) return x < y ? -sign : sign;
    return a.id < b.id ? -1 : 1;
  });
  const pageSize = input.pageSize ?? 50;
  const pageCount = Math.max(1, Math.ceil(sorted.length / pageSize));
  const page = input.page ?? 1;
  return {
    items: sorted.slice((page - 1) * pageSize, page * pageSize),
    total: sorted.length,
    page,
    pageSize,
    pageCount,
  };
}
