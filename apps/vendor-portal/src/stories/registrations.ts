import type { AppRouter } from "@sos/api";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { ImportResult, RegistrationRow } from "../api-types";
import { LONG_NAME } from "./target-lists";

type RegistrationsInput = inferRouterInputs<AppRouter>["vendorPortal"]["registrations"];
type RegistrationsPage = inferRouterOutputs<AppRouter>["vendorPortal"]["registrations"];

export const FEATURED_REGISTRATIONS: RegistrationRow[] = [
  {
    id: "5c4b3a29-1807-4f6e-9d5c-000000000001",
    institutionCode: "1310000123",
    facilityName: "医療法人社団　緑風会　みどりが丘記念病院",
    postcode: "1000001",
    address: "東京都千代田区千代田1-1 みどりが丘メディカルビル3階",
    phone: "0312345678",
    email: "order-desk@midori.example.jp",
    paymentMethod: "bank_transfer",
    paymentMethodLabel: "銀行振込",
    source: "web",
    createdAt: "2026-12-01T03:00:00.000Z",
    updatedAt: "2026-12-01T03:00:00.000Z",
    confirmedAt: "2026-12-01T03:20:00.000Z",
    confirmedVia: "mail",
  },
  {
    id: "5c4b3a29-1807-4f6e-9d5c-000000000002",
    institutionCode: "1410000456",
    facilityName: LONG_NAME,
    postcode: "2300012",
    address: "神奈川県横浜市鶴見区下末吉3-6-1",
    phone: "0455763000",
    email: "kobai@tobu.saiseikai.example.jp",
    paymentMethod: "invoice",
    paymentMethodLabel: "請求書払い",
    source: "import",
    createdAt: "2026-11-20T00:00:00.000Z",
    updatedAt: "2026-12-08T06:45:00.000Z",
    confirmedAt: null,
    confirmedVia: null,
  },
  {
    id: "5c4b3a29-1807-4f6e-9d5c-000000000003",
    institutionCode: "1110000789",
    facilityName: "さくら訪問看護ステーション",
    postcode: "3300063",
    address: "埼玉県さいたま市浦和区高砂2-5-3 さくらビル1階",
    phone: "0488123456",
    email: "sakura-houkan@example.jp",
    paymentMethod: "cash_on_delivery",
    paymentMethodLabel: "代金引換",
    source: "web",
    createdAt: "2026-12-02T08:10:00.000Z",
    updatedAt: "2026-12-02T08:10:00.000Z",
    // Registered on the storefront; the link mailed to the registry's address not opened yet.
    confirmedAt: null,
    confirmedVia: null,
  },
];

/** 1,250 registrations: the featured ones first, then the vendor's imported customers. */
export const REGISTRATIONS: RegistrationRow[] = [
  ...FEATURED_REGISTRATIONS,
  ...Array.from({ length: 1250 - FEATURED_REGISTRATIONS.length }, (_, i) => ({
    id: `5c4b3a29-1807-4f6e-9d5c-${String(i + 100).padStart(12, "0")}`,
    institutionCode: `13${String(20_000_000 + i).padStart(8, "0")}`,
    facilityName: `東京都内 取引先診療所 ${i + 1}`,
    postcode: "1600023",
    address: `東京都新宿区西新宿${(i % 8) + 1}-${(i % 30) + 1}-1`,
    phone: "0353219876",
    email: `customer${i + 1}@example.jp`,
    paymentMethod: "invoice" as const,
    paymentMethodLabel: "請求書払い",
    source: "import" as const,
    createdAt: "2026-11-20T00:00:00.000Z",
    updatedAt: "2026-11-20T00:00:00.000Z",
    confirmedAt: null,
    confirmedVia: null,
  })),
];

/** vendorPortal.registrations as the server answers it: filtered, then one page. */
export function registrationsPage(input: RegistrationsInput): RegistrationsPage {
  const search = input?.search ?? null;
  const source = input?.source ?? null;
  const page = input?.page ?? 1;
  const pageSize = input?.pageSize ?? 50;
  const rows = REGISTRATIONS.filter(
    (row) =>
      (source === null || row.source === source) &&
      (search === null ||
        row.institutionCode.startsWith(search) ||
        row.facilityName.includes(search) ||
        row.email.includes(search)),
  );
  return {
    items: rows.slice((page - 1) * pageSize, page * pageSize),
    total: rows.length,
    page,
    pageSize,
  };
}

/** The vendor's own customer file, as an operator would export it from its sales system. */
export const CUSTOMER_CSV = [
  "医療機関コード,施設名,郵便番号,住所,電話番号,メールアドレス,お支払い方法",
  "1320000000,東京都内 取引先診療所 1,160-0023,東京都新宿区西新宿1-1-1,03-5321-9876,customer1@example.jp,請求書払い",
  `1410000456,${LONG_NAME},230-0012,神奈川県横浜市鶴見区下末吉3-6-1,045-576-3000,kobai@tobu.saiseikai.example.jp,請求書払い`,
  "1310004567,医療法人社団 ふたば会 ふたば内科クリニック,160-0023,東京都新宿区西新宿1-2-3 ふたばビル2階,03-5321-9876,uketsuke@futaba-clinic.example.jp,請求書払い",
  "2710000999,なにわ整形外科,530-0001,大阪府大阪市北区梅田3-1-1,06-6345-6789,naniwa-seikei@example.jp,代金引換",
  "13100001,ほしぞら在宅クリニック,150-0002,東京都渋谷区渋谷2-1-1,03-3400-1234,hoshizora@example.jp,クレジットカード",
  "1110000789,さくら訪問看護ステーション,330-0063,埼玉県さいたま市浦和区高砂2-5-3 さくらビル1階,048-812-3456,sakura-houkan@example.jp,代金引換",
].join("\r\n");

/** What vendorPortal.importRegistrations reports for CUSTOMER_CSV, without overwriting Web registrations. */
export const IMPORT_RESULT: ImportResult = {
  encoding: "utf8",
  totalRows: 6,
  created: 2,
  updated: 1,
  unchanged: 1,
  refused: 2,
  rows: [
    {
      line: 2,
      institutionCode: "1320000000",
      facilityName: "東京都内 取引先診療所 1",
      outcome: "unchanged",
      reasons: [],
      changedFields: [],
    },
    {
      line: 3,
      institutionCode: "1410000456",
      facilityName: LONG_NAME,
      outcome: "updated",
      reasons: [],
      changedFields: ["メールアドレス", "お支払い方法"],
    },
    {
      line: 4,
      institutionCode: "1310004567",
      facilityName: "医療法人社団 ふたば会 ふたば内科クリニック",
      outcome: "created",
      reasons: [],
      changedFields: [],
    },
    {
      line: 5,
      institutionCode: "2710000999",
      facilityName: "なにわ整形外科",
      outcome: "created",
      reasons: [],
      changedFields: [],
    },
    {
      line: 6,
      institutionCode: "13100001",
      facilityName: "ほしぞら在宅クリニック",
      outcome: "refused",
      reasons: [
        "医療機関コードは10桁の数字で入力してください",
        "お支払い方法「クレジットカード」は使えません（請求書払い・銀行振込・代金引換のいずれか）",
      ],
      changedFields: [],
    },
    {
      line: 7,
      institutionCode: "1110000789",
      facilityName: "さくら訪問看護ステーション",
      outcome: "refused",
      reasons: [
        "施設がWebで登録した内容があるため更新しませんでした（上書きする場合は「Web登録も上書きする」を選んで取り込んでください）",
      ],
      changedFields: [],
    },
  ],
};
