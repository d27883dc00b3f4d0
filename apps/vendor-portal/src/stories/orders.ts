import type { AppRouter } from "@sos/api";
import { GLOVE_SIZE_LABELS, type GloveSize, prefectureName } from "@sos/domain";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { PickingTotals, VendorOrder } from "../api-types";
import { ITEM, LONG_NAME } from "./target-lists";

type OrdersInput = inferRouterInputs<AppRouter>["vendorPortal"]["orders"];
type OrdersPage = inferRouterOutputs<AppRouter>["vendorPortal"]["orders"];

const PAYMENT_LABELS = {
  invoice: "請求書払い",
  bank_transfer: "銀行振込",
  cash_on_delivery: "代金引換",
};

interface OrderSeed {
  n: number;
  name: string;
  code: string;
  prefectureCode: number;
  batchNumber?: number;
  targetItemId?: string;
  lines: Partial<Record<GloveSize, number>>;
  status?: VendorOrder["status"];
  payment?: VendorOrder["paymentMethod"];
  deliveryName?: string;
  address?: string;
  orderedAt?: string;
  shipment?: VendorOrder["shipment"];
}

const STATUS_LABELS = {
  ordered: "注文済み",
  shipped: "出荷済み",
  delivered: "配達済み",
  cancelled: "キャンセル",
};

function order(seed: OrderSeed): VendorOrder {
  const lines = Object.entries(seed.lines).map(([size, sets]) => ({
    size: size as GloveSize,
    sizeLabel: GLOVE_SIZE_LABELS.ja[size as GloveSize],
    sets,
    pieces: sets * 1000,
  }));
  const totalSets = lines.reduce((sum, line) => sum + line.sets, 0);
  const status = seed.status ?? "ordered";
  const payment = seed.payment ?? "invoice";
  const id = `0c000000-0000-4000-8000-${String(seed.n).padStart(12, "0")}`;
  return {
    id,
    orderNumber: `SOS-2026-${String(seed.n).padStart(6, "0")}`,
    orderedAt: seed.orderedAt ?? "2026-12-14T02:30:00.000Z",
    status,
    statusLabel: STATUS_LABELS[status],
    totalSets,
    totalPieces: totalSets * 1000,
    lines,
    delivery: {
      name: seed.deliveryName ?? seed.name,
      postcode: "1000001",
      address: seed.address ?? "東京都千代田区千代田1-1",
      phone: "0312345678",
    },
    paymentMethod: payment,
    paymentMethodLabel: PAYMENT_LABELS[payment],
    shipment: seed.shipment ?? null,
    institution: {
      targetItemId:
        seed.targetItemId ?? `b3000000-0000-4000-8000-${String(seed.n).padStart(12, "0")}`,
      name: seed.name,
      institutionCode: seed.code,
      prefectureCode: seed.prefectureCode,
      prefectureName: prefectureName(seed.prefectureCode) ?? "",
      batchNumber: seed.batchNumber ?? 3,
    },
    notifyEmail: "order@example.jp",
  };
}

/** The biggest order of the week: a long name and 1,250 sets. */
export const BIG_ORDER = order({
  n: 131,
  name: LONG_NAME,
  code: "1410000456",
  prefectureCode: 14,
  lines: { S: 800, M: 450 },
  deliveryName: `${LONG_NAME} 用度課 物品受入口`,
  address: "神奈川県横浜市鶴見区下末吉3-6-1 南棟地下1階",
  orderedAt: "2026-12-14T06:05:00.000Z",
});

export const SMALL_ORDER = order({
  n: 124,
  name: "医療法人社団　緑風会　みどりが丘記念病院",
  code: "1310000123",
  prefectureCode: 13,
  lines: { S: 2, M: 1 },
  address: "東京都千代田区千代田1-1 みどりが丘メディカルビル3階",
  payment: "bank_transfer",
  orderedAt: "2026-12-14T05:40:00.000Z",
});

export const SHIPPED_ORDER = order({
  n: 123,
  name: "さくら訪問看護ステーション",
  code: "1110000789",
  prefectureCode: 11,
  batchNumber: 4,
  targetItemId: ITEM.bought,
  lines: { M: 2 },
  status: "shipped",
  payment: "cash_on_delivery",
  orderedAt: "2026-12-11T05:20:00.000Z",
  shipment: {
    carrier: "ヤマト運輸",
    trackingNumber: "451234567890",
    shippedAt: "2026-12-15T06:00:00.000Z",
    deliveredAt: null,
    receivedAt: null,
  },
});

const FILLER_PREFECTURES = [13, 14, 11, 12, 27, 23, 40];

/** Everything ordered this week and not shipped yet: two named orders and 310 more. */
export const WAITING_ORDERS: VendorOrder[] = [
  BIG_ORDER,
  SMALL_ORDER,
  ...Array.from({ length: 310 }, (_, i) => {
    const prefectureCode = FILLER_PREFECTURES[i % FILLER_PREFECTURES.length] ?? 13;
    return order({
      n: 1000 + i,
      name: `${prefectureName(prefectureCode)} 第${i + 1}診療所`,
      code: `${String(prefectureCode).padStart(2, "0")}30${String(i).padStart(6, "0")}`,
      prefectureCode,
      lines: i % 3 === 0 ? { S: 1, M: 1 } : { M: (i % 4) + 1 },
      orderedAt: "2026-12-14T01:30:00.000Z",
    });
  }),
];

export const ORDERS: VendorOrder[] = [
  ...WAITING_ORDERS,
  SHIPPED_ORDER,
  order({
    n: 98,
    name: "ほくと こども歯科クリニック",
    code: "0110000222",
    prefectureCode: 1,
    lines: { SS: 1 },
    status: "delivered",
    orderedAt: "2026-12-04T01:00:00.000Z",
    shipment: {
      carrier: "佐川急便",
      trackingNumber: "360012345678",
      shippedAt: "2026-12-07T02:00:00.000Z",
      deliveredAt: "2026-12-08T05:30:00.000Z",
      receivedAt: "2026-12-08T06:10:00.000Z",
    },
  }),
  order({
    n: 97,
    name: "ひまわり助産院",
    code: "2710000567",
    prefectureCode: 27,
    lines: { S: 1 },
    status: "cancelled",
    orderedAt: "2026-12-04T00:40:00.000Z",
  }),
];

/** vendorPortal.orders as the server answers it: filtered, then one page. */
export function ordersPage(
  input: OrdersInput,
  orders: readonly VendorOrder[] = ORDERS,
): OrdersPage {
  const page = input?.page ?? 1;
  const pageSize = input?.pageSize ?? 50;
  const search = input?.search ?? null;
  const rows = orders.filter(
    (each) =>
      (input?.status == null || each.status === input.status) &&
      (input?.prefectureCode == null || each.institution.prefectureCode === input.prefectureCode) &&
      (search === null ||
        each.orderNumber === search ||
        each.institution.name.includes(search) ||
        each.institution.institutionCode.startsWith(search)),
  );
  return {
    items: rows.slice((page - 1) * pageSize, page * pageSize),
    total: rows.length,
    page,
    pageSize,
  };
}

/** vendorPortal.pickingTotals for the given orders waiting to ship, summed as the server does. */
export function pickingTotalsOf(orders: readonly VendorOrder[]): PickingTotals {
  const waiting = orders.filter((each) => each.status === "ordered");
  const bySize = (of: readonly VendorOrder[]) =>
    (["SS", "S", "M", "L", "LL"] as const)
      .map((size) => {
        const sets = of
          .flatMap((each) => each.lines)
          .filter((line) => line.size === size)
          .reduce((sum, line) => sum + line.sets, 0);
        return { size, label: GLOVE_SIZE_LABELS.ja[size], sets, pieces: sets * 1000 };
      })
      .filter((entry) => entry.sets > 0);
  const sets = (of: readonly VendorOrder[]) => of.reduce((sum, each) => sum + each.totalSets, 0);
  const prefectures = [...new Set(waiting.map((each) => each.institution.prefectureCode))].sort(
    (a, b) => a - b,
  );
  return {
    orders: waiting.length,
    sets: sets(waiting),
    pieces: sets(waiting) * 1000,
    bySize: bySize(waiting),
    byPrefecture: prefectures.map((code) => {
      const of = waiting.filter((each) => each.institution.prefectureCode === code);
      return {
        prefectureCode: code,
        prefectureName: prefectureName(code) ?? "",
        orders: of.length,
        sets: sets(of),
        pieces: sets(of) * 1000,
        bySize: bySize(of),
      };
    }),
  };
}
