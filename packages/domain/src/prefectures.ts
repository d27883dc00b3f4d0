import type { LabelMap, Locale } from "./locale";

export const REGIONS = [
  "hokkaido",
  "tohoku",
  "kanto",
  "chubu",
  "kinki",
  "chugoku",
  "shikoku",
  "kyushu_okinawa",
] as const;
export type Region = (typeof REGIONS)[number];

export const REGION_LABELS: LabelMap<Region> = {
  ja: {
    hokkaido: "北海道",
    tohoku: "東北",
    kanto: "関東",
    chubu: "中部",
    kinki: "近畿",
    chugoku: "中国",
    shikoku: "四国",
    kyushu_okinawa: "九州・沖縄",
  },
  en: {
    hokkaido: "Hokkaido",
    tohoku: "Tohoku",
    kanto: "Kanto",
    chubu: "Chubu",
    kinki: "Kinki",
    chugoku: "Chugoku",
    shikoku: "Shikoku",
    kyushu_okinawa: "Kyushu and Okinawa",
  },
};

export interface Prefecture {
  /** JIS X 0401 code, 1..47. */
  readonly code: number;
  /** Japanese name as written officially (東京都, 大阪府 …). */
  readonly name: string;
  /** Romaji without the -to/-fu/-ken suffix, as English addresses write it. */
  readonly nameEn: string;
  readonly region: Region;
}

/** In JIS X 0401 order, so the array index is code - 1. */
export const PREFECTURES: readonly Prefecture[] = [
  { code: 1, name: "北海道", nameEn: "Hokkaido", region: "hokkaido" },
  { code: 2, name: "青森県", nameEn: "Aomori", region: "tohoku" },
  { code: 3, name: "岩手県", nameEn: "Iwate", region: "tohoku" },
  { code: 4, name: "宮城県", nameEn: "Miyagi", region: "tohoku" },
  { code: 5, name: "秋田県", nameEn: "Akita", region: "tohoku" },
  { code: 6, name: "山形県", nameEn: "Yamagata", region: "tohoku" },
  { code: 7, name: "福島県", nameEn: "Fukushima", region: "tohoku" },
  { code: 8, name: "茨城県", nameEn: "Ibaraki", region: "kanto" },
  { code: 9, name: "栃木県", nameEn: "Tochigi", region: "kanto" },
  { code: 10, name: "群馬県", nameEn: "Gunma", region: "kanto" },
  { code: 11, name: "埼玉県", nameEn: "Saitama", region: "kanto" },
  { code: 12, name: "千葉県", nameEn: "Chiba", region: "kanto" },
  { code: 13, name: "東京都", nameEn: "Tokyo", region: "kanto" },
  { code: 14, name: "神奈川県", nameEn: "Kanagawa", region: "kanto" },
  { code: 15, name: "新潟県", nameEn: "Niigata", region: "chubu" },
  { code: 16, name: "富山県", nameEn: "Toyama", region: "chubu" },
  { code: 17, name: "石川県", nameEn: "Ishikawa", region: "chubu" },
  { code: 18, name: "福井県", nameEn: "Fukui", region: "chubu" },
  { code: 19, name: "山梨県", nameEn: "Yamanashi", region: "chubu" },
  { code: 20, name: "長野県", nameEn: "Nagano", region: "chubu" },
  { code: 21, name: "岐阜県", nameEn: "Gifu", region: "chubu" },
  { code: 22, name: "静岡県", nameEn: "Shizuoka", region: "chubu" },
  { code: 23, name: "愛知県", nameEn: "Aichi", region: "chubu" },
  { code: 24, name: "三重県", nameEn: "Mie", region: "kinki" },
  { code: 25, name: "滋賀県", nameEn: "Shiga", region: "kinki" },
  { code: 26, name: "京都府", nameEn: "Kyoto", region: "kinki" },
  { code: 27, name: "大阪府", nameEn: "Osaka", region: "kinki" },
  { code: 28, name: "兵庫県", nameEn: "Hyogo", region: "kinki" },
  { code: 29, name: "奈良県", nameEn: "Nara", region: "kinki" },
  { code: 30, name: "和歌山県", nameEn: "Wakayama", region: "kinki" },
  { code: 31, name: "鳥取県", nameEn: "Tottori", region: "chugoku" },
  { code: 32, name: "島根県", nameEn: "Shimane", region: "chugoku" },
  { code: 33, name: "岡山県", nameEn: "Okayama", region: "chugoku" },
  { code: 34, name: "広島県", nameEn: "Hiroshima", region: "chugoku" },
  { code: 35, name: "山口県", nameEn: "Yamaguchi", region: "chugoku" },
  { code: 36, name: "徳島県", nameEn: "Tokushima", region: "shikoku" },
  { code: 37, name: "香川県", nameEn: "Kagawa", region: "shikoku" },
  { code: 38, name: "愛媛県", nameEn: "Ehime", region: "shikoku" },
  { code: 39, name: "高知県", nameEn: "Kochi", region: "shikoku" },
  { code: 40, name: "福岡県", nameEn: "Fukuoka", region: "kyushu_okinawa" },
  { code: 41, name: "佐賀県", nameEn: "Saga", region: "kyushu_okinawa" },
  { code: 42, name: "長崎県", nameEn: "Nagasaki", region: "kyushu_okinawa" },
  { code: 43, name: "熊本県", nameEn: "Kumamoto", region: "kyushu_okinawa" },
  { code: 44, name: "大分県", nameEn: "Oita", region: "kyushu_okinawa" },
  { code: 45, name: "宮崎県", nameEn: "Miyazaki", region: "kyushu_okinawa" },
  { code: 46, name: "鹿児島県", nameEn: "Kagoshima", region: "kyushu_okinawa" },
  { code: 47, name: "沖縄県", nameEn: "Okinawa", region: "kyushu_okinawa" },
];

export const PREFECTURE_CODE_MIN = 1;
export const PREFECTURE_CODE_MAX = 47;

export function prefectureByCode(code: number): Prefecture | undefined {
  const prefecture = PREFECTURES[code - 1];
  return prefecture?.code === code ? prefecture : undefined;
}

export function prefectureName(code: number, locale: Locale = "ja"): string | undefined {
  const prefecture = prefectureByCode(code);
  if (prefecture === undefined) return undefined;
  return locale === "ja" ? prefecture.name : prefecture.nameEn;
}
