import {
  INSTITUTION_TYPE_LABELS,
  type InstitutionType,
  type PrefectureCode,
  prefectureName,
} from "@sos/domain";
import type { SurveyFigures } from "@sos/rules";

/** An institution as the review API describes it (review.get institution). */
export interface InstitutionFixture {
  id: string;
  code: string;
  name: string;
  type: InstitutionType;
  typeLabel: string;
  prefectureCode: PrefectureCode;
  prefectureName: string;
  postcode: string;
  address: string;
  phone: string;
  email: string;
  /** Its answer to the week's survey, in pieces. */
  figures: SurveyFigures;
  contactName: string;
}

type Spec = Omit<InstitutionFixture, "typeLabel" | "prefectureName">;

function institution(spec: Spec): InstitutionFixture {
  return {
    ...spec,
    typeLabel: INSTITUTION_TYPE_LABELS.ja[spec.type],
    prefectureName: prefectureName(spec.prefectureCode) ?? "",
  };
}

/**
 * The institutions of the stories: Tokyo's for the prefecture officer, a few from
 * elsewhere for the ministry's nationwide view. The figures are chosen to cover
 * the rule's cases (eligible, not eligible, purchases above use) and the sizes
 * from a midwife to a 1,250-set hospital.
 */
export const INSTITUTIONS = {
  chiyoda: institution({
    id: "6a1e2b3c-0000-4000-8000-000000000001",
    code: "1310112345",
    name: "千代田中央病院",
    type: "hospital",
    prefectureCode: 13,
    postcode: "1010041",
    address: "東京都千代田区神田須田町1-2-3",
    phone: "0332511234",
    email: "soumu@chiyoda-chuo.example.jp",
    figures: { stock: 2_000, consumption: 6_000, purchases: 1_000 },
    contactName: "鈴木 一郎",
  }),
  sumida: institution({
    id: "6a1e2b3c-0000-4000-8000-000000000002",
    code: "1310723456",
    name: "社会福祉法人恩賜財団済生会支部東京都済生会向島病院附属すみだ訪問看護ステーション",
    type: "home_nursing",
    prefectureCode: 13,
    postcode: "1310032",
    address: "東京都墨田区東向島2丁目31番20号　済生会向島病院別館3階",
    phone: "0336101111",
    email: "houmon@mukojima.saiseikai.example.jp",
    figures: { stock: 800, consumption: 1_500, purchases: 500 },
    contactName: "伊藤 さくら",
  }),
  yoshino: institution({
    id: "6a1e2b3c-0000-4000-8000-000000000003",
    code: "1311334567",
    name: "𠮷野内科クリニック",
    type: "clinic",
    prefectureCode: 13,
    postcode: "1500001",
    address: "東京都渋谷区神宮前3-15-8",
    phone: "0334001234",
    email: "info@yoshino-naika.example.jp",
    figures: { stock: 3_000, consumption: 2_000, purchases: 0 },
    contactName: "𠮷野 和夫",
  }),
  takahashi: institution({
    id: "6a1e2b3c-0000-4000-8000-000000000004",
    code: "1311245678",
    name: "髙橋整形外科医院",
    type: "clinic",
    prefectureCode: 13,
    postcode: "1540004",
    address: "東京都世田谷区太子堂4-1-1",
    phone: "0334105678",
    email: "uketsuke@takahashi-seikei.example.jp",
    figures: { stock: 5_000, consumption: 1_200, purchases: 0 },
    contactName: "髙橋 雅子",
  }),
  midori: institution({
    id: "6a1e2b3c-0000-4000-8000-000000000005",
    code: "1311456789",
    name: "みどり調剤薬局　本町店",
    type: "pharmacy",
    prefectureCode: 13,
    postcode: "1640012",
    address: "東京都中野区本町2-46-1",
    phone: "0353711234",
    email: "honcho@midori-ph.example.jp",
    figures: { stock: 400, consumption: 300, purchases: 400 },
    contactName: "小林 翔太",
  }),
  bay: institution({
    id: "6a1e2b3c-0000-4000-8000-000000000006",
    code: "1310898765",
    name: "東京ベイ総合医療センター",
    type: "hospital",
    prefectureCode: 13,
    postcode: "1350064",
    address: "東京都江東区青海2-5-10",
    phone: "0335201000",
    email: "busshi@tokyo-bay-mc.example.jp",
    figures: { stock: 1_200_000, consumption: 625_000, purchases: 200_000 },
    contactName: "渡辺 大輔",
  }),
  tsukishima: institution({
    id: "6a1e2b3c-0000-4000-8000-000000000007",
    code: "1310256789",
    name: "つきしま助産院",
    type: "midwifery",
    prefectureCode: 13,
    postcode: "1040052",
    address: "東京都中央区月島3-8-2",
    phone: "0335341234",
    email: "tsukishima-josan@example.jp",
    figures: { stock: 100, consumption: 200, purchases: 0 },
    contactName: "松本 陽子",
  }),
  yokohama: institution({
    id: "6a1e2b3c-0000-4000-8000-000000000008",
    code: "1410123456",
    name: "社会福祉法人恩賜財団済生会支部神奈川県済生会横浜市東部病院",
    type: "hospital",
    prefectureCode: 14,
    postcode: "2300012",
    address: "神奈川県横浜市鶴見区下末吉3丁目6番1号",
    phone: "0455766000",
    email: "yodo@tobu.saiseikai.example.jp",
    figures: { stock: 300_000, consumption: 180_000, purchases: 60_000 },
    contactName: "井上 拓也",
  }),
  naniwa: institution({
    id: "6a1e2b3c-0000-4000-8000-000000000009",
    code: "2710234567",
    name: "なにわ歯科クリニック",
    type: "clinic",
    prefectureCode: 27,
    postcode: "5300001",
    address: "大阪府大阪市北区梅田1-1-3",
    phone: "0663451234",
    email: "info@naniwa-dental.example.jp",
    figures: { stock: 1_000, consumption: 1_000, purchases: 200 },
    contactName: "木村 修",
  }),
  sapporo: institution({
    id: "6a1e2b3c-0000-4000-8000-000000000010",
    code: "0110345678",
    name: "北の大地メディカルセンター",
    type: "hospital",
    prefectureCode: 1,
    postcode: "0600001",
    address: "北海道札幌市中央区北1条西2丁目",
    phone: "0112221234",
    email: "kanri@kitanodaichi-mc.example.jp",
    figures: { stock: 20_000, consumption: 30_000, purchases: 10_000 },
    contactName: "佐々木 昇",
  }),
} as const satisfies Record<string, InstitutionFixture>;
