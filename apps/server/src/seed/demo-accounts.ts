import type { Role } from "@sos/domain";
import type { InstitutionSeed } from "./institutions";

export type DemoAppPath = "/institution/" | "/review/" | "/vendor/";

export interface DemoAccount {
  role: Role;
  username: string;
  /** Printed on purpose: these accounts exist only in demo data. */
  password: string;
  displayName: string;
  email: string;
  /** Where this account signs in, relative to the server's base URL. */
  appPath: DemoAppPath;
  /** Set for prefecture officers: the only prefecture they may see. */
  prefectureCode: number | null;
  /** What the account is for, as the start banner shows it. */
  descriptionJa: string;
  /**
   * An institution account's institution: the demo hospital (absent), or the
   * n-th Tokyo clinic of the demo plan (代理入力's consenting clinics).
   */
  demoClinic?: 1 | 2;
}

/**
 * 代理入力's demo: a Tokyo medical association that two Tokyo clinics of the
 * demo (the first two of the plan, each with its own account) have authorised.
 */
export const DEMO_ASSOCIATION = {
  code: "D13000001",
  name: "東京都デモ区医師会",
  kind: "medical_association",
  prefectureCode: 13,
} as const;

/**
 * The Tokyo hospital the institution account belongs to. It is fixed rather
 * than drawn at random so the banner and the manuals can name it.
 */
export const DEMO_HOSPITAL: InstitutionSeed = {
  code: "1310000001",
  name: "東京さくら総合病院",
  type: "hospital",
  prefectureCode: 13,
  postcode: "1540002",
  address: "東京都世田谷区下馬2丁目12-5",
  phone: "0334123456",
  contactName: "山田 花子",
  email: "yodo@tokyo-sakura-hp.example.jp",
};

/**
 * One account per role, plus a second prefecture so that scoping can be shown
 * (Tokyo's officer does not see Osaka's requests). Every password meets the
 * password policy (8+ characters, upper- and lower-case letters and digits,
 * not a common password, no username inside); the seed tests check it.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    role: "institution",
    username: "demo-hospital",
    password: "Sakura-Hosp-2026",
    displayName: "山田 花子（東京さくら総合病院 用度課）",
    email: "demo-hospital@tokyo-sakura-hp.example.jp",
    appPath: "/institution/",
    prefectureCode: null,
    descriptionJa: `医療機関「${DEMO_HOSPITAL.name}」の担当者：週次調査への回答、自己チェック、緊急配布要請`,
  },
  {
    role: "prefecture",
    username: "demo-tokyo",
    password: "Edo-Review-2026",
    displayName: "東京都 医療政策担当（デモ）",
    email: "demo-tokyo@pref-tokyo.example.jp",
    appPath: "/review/",
    prefectureCode: 13,
    descriptionJa: "東京都の担当者：都内の医療機関からの要請を確認",
  },
  {
    role: "prefecture",
    username: "demo-osaka",
    password: "Naniwa-Review-2026",
    displayName: "大阪府 医療政策担当（デモ）",
    email: "demo-osaka@pref-osaka.example.jp",
    appPath: "/review/",
    prefectureCode: 27,
    descriptionJa: "大阪府の担当者：府内の要請だけが見えること（権限の範囲）の確認用",
  },
  {
    role: "ministry",
    username: "demo-ministry",
    password: "Kasumigaseki-2026",
    displayName: "厚生労働省 医政局 担当（デモ）",
    email: "demo-ministry@mhlw.example.jp",
    appPath: "/review/",
    prefectureCode: null,
    descriptionJa: "厚生労働省の担当者：全国の要請の最終確認と対象医療機関リストの作成",
  },
  {
    role: "vendor",
    username: "demo-vendor",
    password: "Gloves-Shop-2026",
    displayName: "販売事業者 受注担当（デモ）",
    email: "demo-vendor@gloves-shop.example.jp",
    appPath: "/vendor/",
    prefectureCode: null,
    descriptionJa: "販売事業者の担当者：施設登録・購入URLの送付・受注と出荷の管理",
  },
  {
    role: "delegate",
    username: "demo-ishikai",
    password: "Ishikai-Proxy-2026",
    displayName: "東京都デモ区医師会 事務局（デモ）",
    email: "demo-ishikai@demo-ishikai.example.jp",
    appPath: "/institution/",
    prefectureCode: null,
    descriptionJa: `医師会「${DEMO_ASSOCIATION.name}」の事務局：許可した診療所2件の代理入力（週次調査・緊急配布要請）`,
  },
  {
    role: "institution",
    username: "demo-clinic",
    password: "Clinic-Consent-2026",
    displayName: "診療所 事務担当（デモ）",
    email: "demo-clinic@demo-clinic.example.jp",
    appPath: "/institution/",
    prefectureCode: null,
    descriptionJa: `${DEMO_ASSOCIATION.name}に代理入力を許可した診療所の担当者：「代理入力の許可」で許可・取消`,
    demoClinic: 1,
  },
  {
    role: "institution",
    username: "demo-clinic2",
    password: "Clinic-Second-2026",
    displayName: "診療所 事務担当（デモ2）",
    email: "demo-clinic2@demo-clinic.example.jp",
    appPath: "/institution/",
    prefectureCode: null,
    descriptionJa: `${DEMO_ASSOCIATION.name}に代理入力を許可した2件目の診療所の担当者`,
    demoClinic: 2,
  },
];
