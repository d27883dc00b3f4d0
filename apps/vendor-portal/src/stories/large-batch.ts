import { prefectureName } from "@sos/domain";
import type { MatchStatusCode, VendorItem } from "../api-types";
import { item, LARGE_BATCH_ID, link, type Ministry, registered, SENT_MONDAY } from "./batch-items";

const PLACES = ["青葉", "若葉", "ひかり", "みなと", "さくら", "つばさ", "あさひ", "けやき"];
const KINDS = ["病院", "クリニック", "歯科医院", "訪問看護ステーション", "薬局"];
const LARGE_PREFECTURES = [13, 14, 11, 12, 27, 23, 40, 1, 4, 34];

/**
 * 第3号: 1,250 institutions. Every 25th has not registered, every 100th (from the
 * 10th) differs from its registration; of the rest, some links are live or bought.
 */
export const LARGE_BATCH_ITEMS: VendorItem[] = Array.from({ length: 1250 }, (_, i) => {
  const prefectureCode = LARGE_PREFECTURES[i % LARGE_PREFECTURES.length] ?? 13;
  const place = PLACES[i % PLACES.length] ?? "";
  const match: MatchStatusCode =
    i % 25 === 0 ? "not_registered" : i % 100 === 10 ? "mismatched" : "matched";
  const bought = match === "matched" && i % 10 === 3;
  const sent = match === "matched" && (bought || i % 2 === 0);
  const ministry: Ministry = {
    name: `${place}${KINDS[i % KINDS.length]}`,
    postcode: "1000001",
    address: `${prefectureName(prefectureCode)}${place}町${(i % 9) + 1}-${(i % 20) + 1}`,
    phone: "0312345678",
    contactName: "担当者",
    email: `info${i}@example.jp`,
  };
  return item({
    id: `b3000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    batchId: LARGE_BATCH_ID,
    batchNumber: 3,
    institutionCode: `${String(prefectureCode).padStart(2, "0")}3${String(i).padStart(7, "0")}`,
    prefectureCode,
    limitSets: (i % 7) + 1,
    ministry,
    match,
    ...(match === "mismatched"
      ? { differences: ["address"], registration: registered({ ...ministry, address: "—" }) }
      : {}),
    ...(sent ? { link: link(bought ? "used" : "live", 1, SENT_MONDAY) } : {}),
    ...(bought
      ? {
          order: {
            id: `0b300000-0000-4000-8000-${String(i).padStart(12, "0")}`,
            orderNumber: `SOS-2026-${String(i).padStart(6, "0")}`,
            status: "ordered",
            statusLabel: "注文済み",
            totalSets: 1,
            orderedAt: "2026-12-14T03:00:00.000Z",
          },
        }
      : {}),
  });
});
