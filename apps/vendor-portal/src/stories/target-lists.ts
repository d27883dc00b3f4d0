import type { AppRouter } from "@sos/api";
import { FixtureError } from "@sos/web/storybook";
import type { inferRouterInputs } from "@trpc/server";
import type { BatchDetail, BatchSummary, RunProgress, VendorItem } from "../api-types";
import {
  item,
  LARGE_BATCH_ID,
  link,
  type Ministry,
  registered,
  SENT_FRIDAY,
  SENT_MONDAY,
  SMALL_BATCH_ID,
} from "./batch-items";
import { LARGE_BATCH_ITEMS } from "./large-batch";

export const LONG_NAME = "社会福祉法人恩賜財団済生会支部神奈川県済生会横浜市東部病院";

const MIDORI: Ministry = {
  name: "医療法人社団　緑風会　みどりが丘記念病院",
  postcode: "1000001",
  address: "東京都千代田区千代田1-1 みどりが丘メディカルビル3階",
  phone: "0312345678",
  contactName: "山田 花子",
  email: "order-desk@midori.example.jp",
};

const SAISEIKAI: Ministry = {
  name: LONG_NAME,
  postcode: "2300012",
  address: "神奈川県横浜市鶴見区下末吉3-6-1",
  phone: "0455763000",
  contactName: "用度課 鈴木 一郎",
  email: "yodo@tobu.saiseikai.example.jp",
};

const AOBA: Ministry = {
  name: "医療法人青葉会 青葉台クリニック",
  postcode: "2270062",
  address: "神奈川県横浜市青葉区青葉台2-8-1",
  phone: "0459871234",
  contactName: "事務長 小林 誠",
  email: "info@aobadai-cl.example.jp",
};

const YAMABIKO: Ministry = {
  name: "やまびこ薬局 千葉駅前店",
  postcode: "2600028",
  address: "千葉県千葉市中央区新町1-20",
  phone: "0432001234",
  contactName: "薬局長 高橋 美咲",
  email: "yamabiko-chiba@example.jp",
};

/** The ids of the small batch's institutions, by what each shows. */
export const ITEM = {
  toSend: "a1000000-0000-4000-8000-000000000001",
  live: "a1000000-0000-4000-8000-000000000002",
  bought: "a1000000-0000-4000-8000-000000000003",
  mismatched: "a1000000-0000-4000-8000-000000000004",
  reminded: "a1000000-0000-4000-8000-000000000005",
  unregistered: "a1000000-0000-4000-8000-000000000006",
  expired: "a1000000-0000-4000-8000-000000000007",
  revoked: "a1000000-0000-4000-8000-000000000008",
} as const;

/** 第4号: one institution in each state the back office tells apart. */
export const SMALL_BATCH_ITEMS: VendorItem[] = [
  item({
    id: ITEM.toSend,
    institutionCode: "1310000123",
    prefectureCode: 13,
    limitSets: 4,
    ministry: MIDORI,
  }),
  item({
    id: ITEM.live,
    institutionCode: "1410000456",
    prefectureCode: 14,
    limitSets: 1250,
    ministry: SAISEIKAI,
    // The vendor's own customer, at the address on the ministry's list.
    registration: registered(SAISEIKAI, {
      paymentMethod: "invoice",
      paymentMethodLabel: "請求書払い",
      source: "import",
      confirmedAt: null,
      confirmedVia: null,
    }),
    link: link("live", 2, SENT_MONDAY),
  }),
  item({
    id: ITEM.bought,
    institutionCode: "1110000789",
    prefectureCode: 11,
    limitSets: 2,
    ministry: {
      name: "さくら訪問看護ステーション",
      postcode: "3300063",
      address: "埼玉県さいたま市浦和区高砂2-5-3 さくらビル1階",
      phone: "0488123456",
      contactName: "管理者 井上 さくら",
      email: "sakura-houkan@example.jp",
    },
    link: link("used", 1, SENT_FRIDAY),
    order: {
      id: "0c000000-0000-4000-8000-000000000123",
      orderNumber: "SOS-2026-000123",
      status: "shipped",
      statusLabel: "出荷済み",
      totalSets: 2,
      orderedAt: "2026-12-11T05:20:00.000Z",
    },
  }),
  item({
    id: ITEM.mismatched,
    institutionCode: "1410000999",
    prefectureCode: 14,
    limitSets: 3,
    ministry: AOBA,
    match: "mismatched",
    differences: ["name", "phone"],
    registration: registered(AOBA, { facilityName: "青葉台クリニック", phone: "0459875678" }),
  }),
  item({
    id: ITEM.reminded,
    institutionCode: "1210000345",
    prefectureCode: 12,
    limitSets: 1,
    ministry: YAMABIKO,
    match: "not_registered",
    reminders: { count: 2, lastAt: "2026-12-14T00:30:00.000Z" },
  }),
  item({
    id: ITEM.unregistered,
    institutionCode: "2710000567",
    prefectureCode: 27,
    limitSets: 1,
    ministry: {
      name: "ひまわり助産院",
      postcode: "5300001",
      address: "大阪府大阪市北区梅田1-2-2",
      phone: "0661234567",
      contactName: "院長 中村 由美",
      email: "himawari-josan@example.jp",
    },
    match: "not_registered",
  }),
  item({
    id: ITEM.expired,
    institutionCode: "0110000222",
    prefectureCode: 1,
    limitSets: 1,
    ministry: {
      name: "ほくと こども歯科クリニック",
      postcode: "0600042",
      address: "北海道札幌市中央区大通西4-1",
      phone: "0112223333",
      contactName: "受付 佐々木 瞳",
      email: "hokuto-kids@example.jp",
    },
    link: link("expired", 1, SENT_FRIDAY),
  }),
  item({
    id: ITEM.revoked,
    institutionCode: "0110000333",
    prefectureCode: 1,
    limitSets: 30,
    ministry: {
      name: "医療法人 札幌中央総合病院",
      postcode: "0600001",
      address: "北海道札幌市中央区北1条西5-2",
      phone: "0115556666",
      contactName: "資材課 伊藤 翔",
      email: "shizai@sapporo-chuo.example.jp",
    },
    link: link("revoked", 1, SENT_FRIDAY),
  }),
];

export function summaryOf(
  id: string,
  number: number,
  issuedAt: string,
  items: readonly VendorItem[],
): BatchSummary {
  const count = (test: (item: VendorItem) => boolean) => items.filter(test).length;
  const totalSets = items.reduce((sum, each) => sum + each.limitSets, 0);
  return {
    id,
    number,
    issuedAt,
    itemCount: items.length,
    totalSets,
    totalPieces: totalSets * 1000,
    matched: count((each) => each.match.status === "matched"),
    notRegistered: count((each) => each.match.status === "not_registered"),
    mismatched: count((each) => each.match.status === "mismatched"),
    needsCheck: count((each) => each.match.status === "needs_check"),
    unconfirmed: count((each) => each.match.reasons.some((r) => r.reason === "unconfirmed")),
    linksSent: count((each) => each.link.sendCount > 0),
    ordered: count((each) => each.order !== null),
    reminded: count(
      (each) =>
        (each.match.status === "not_registered" ||
          each.match.reasons.some((r) => r.reason === "unconfirmed")) &&
        each.reminders.count > 0,
    ),
  };
}

/** Thursday 18:00 in Tokyo, the week's hand-over. */
export const SMALL_BATCH = summaryOf(
  SMALL_BATCH_ID,
  4,
  "2026-12-10T09:00:00.000Z",
  SMALL_BATCH_ITEMS,
);
export const LARGE_BATCH = summaryOf(
  LARGE_BATCH_ID,
  3,
  "2026-12-03T09:00:00.000Z",
  LARGE_BATCH_ITEMS,
);

/** Every list handed over so far, newest first, as vendorPortal.batches gives them. */
export const BATCHES: BatchSummary[] = [
  SMALL_BATCH,
  LARGE_BATCH,
  {
    id: "3f1c2b4a-0d5e-4c6f-8a7b-9c0d1e2f3a02",
    number: 2,
    issuedAt: "2026-11-26T09:00:00.000Z",
    itemCount: 842,
    totalSets: 3105,
    totalPieces: 3_105_000,
    matched: 813,
    notRegistered: 19,
    mismatched: 8,
    needsCheck: 2,
    unconfirmed: 1,
    linksSent: 823,
    ordered: 801,
    reminded: 19,
  },
  {
    id: "3f1c2b4a-0d5e-4c6f-8a7b-9c0d1e2f3a01",
    number: 1,
    issuedAt: "2026-11-19T09:00:00.000Z",
    itemCount: 315,
    totalSets: 1020,
    totalPieces: 1_020_000,
    matched: 312,
    notRegistered: 3,
    mismatched: 0,
    needsCheck: 0,
    unconfirmed: 0,
    linksSent: 312,
    ordered: 310,
    reminded: 3,
  },
];

type BatchInput = inferRouterInputs<AppRouter>["vendorPortal"]["batch"];

/**
 * vendorPortal.batch as the server answers it: the whole batch's counts, its items
 * narrowed by the filter (status, link state, part of a name or the start of a code).
 */
export function batchDetail(
  input: BatchInput,
  {
    latestRun = null,
    items = input.batchId === LARGE_BATCH_ID ? LARGE_BATCH_ITEMS : SMALL_BATCH_ITEMS,
  }: { latestRun?: RunProgress | null; items?: readonly VendorItem[] | undefined } = {},
): BatchDetail {
  const summary = BATCHES.find((batch) => batch.id === input.batchId);
  if (summary === undefined) {
    throw new FixtureError(
      "NOT_FOUND",
      "対象のデータが見つかりません。削除されたか、閲覧する権限がありません。",
      { domainCode: "NOT_FOUND" },
    );
  }
  const search = input.search ?? null;
  const shown = items.filter(
    (each) =>
      (input.status == null || each.match.status === input.status) &&
      (input.linkState == null || each.link.state === input.linkState) &&
      (search === null ||
        each.ministry.name.includes(search) ||
        (each.registration?.facilityName.includes(search) ?? false) ||
        each.institutionCode.startsWith(search)),
  );
  return { ...summary, items: [...shown], latestRun };
}
