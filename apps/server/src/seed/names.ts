import type { InstitutionType } from "@sos/domain";
import type { City } from "./geography";
import type { Random } from "./random";

/**
 * Facility names built the way Japanese facilities are actually named: after
 * a friendly word (さくら, あおば), the founder's family name (田中内科医院) or
 * the place (世田谷中央病院), with the suffix of their kind.
 */

type Stem = readonly [kanaOrKanji: string, romaji: string];

const FRIENDLY: readonly Stem[] = [
  ["さくら", "sakura"],
  ["あおば", "aoba"],
  ["みどり", "midori"],
  ["ひかり", "hikari"],
  ["わかば", "wakaba"],
  ["あさひ", "asahi"],
  ["けやき", "keyaki"],
  ["こころ", "kokoro"],
  ["すずらん", "suzuran"],
  ["なごみ", "nagomi"],
  ["やまびこ", "yamabiko"],
  ["みなと", "minato"],
  ["いずみ", "izumi"],
  ["つばさ", "tsubasa"],
  ["ひまわり", "himawari"],
  ["かえで", "kaede"],
  ["もみじ", "momiji"],
  ["たちばな", "tachibana"],
  ["すみれ", "sumire"],
  ["あじさい", "ajisai"],
  ["つくし", "tsukushi"],
  ["ほほえみ", "hohoemi"],
  ["やすらぎ", "yasuragi"],
  ["はるかぜ", "harukaze"],
  ["そよかぜ", "soyokaze"],
  ["あおぞら", "aozora"],
  ["にじいろ", "nijiiro"],
  ["さつき", "satsuki"],
  ["しらかば", "shirakaba"],
  ["青葉", "aoba"],
  ["若葉", "wakaba"],
  ["緑ヶ丘", "midorigaoka"],
  ["東山", "higashiyama"],
  ["富士見", "fujimi"],
  ["桜台", "sakuradai"],
  ["光が丘", "hikarigaoka"],
  ["松風", "matsukaze"],
  ["清流", "seiryu"],
];

const SURNAMES: readonly Stem[] = [
  ["田中", "tanaka"],
  ["佐藤", "sato"],
  ["鈴木", "suzuki"],
  ["高橋", "takahashi"],
  ["渡辺", "watanabe"],
  ["伊藤", "ito"],
  ["山本", "yamamoto"],
  ["中村", "nakamura"],
  ["小林", "kobayashi"],
  ["加藤", "kato"],
  ["吉田", "yoshida"],
  ["山田", "yamada"],
  ["佐々木", "sasaki"],
  ["松本", "matsumoto"],
  ["井上", "inoue"],
  ["木村", "kimura"],
  ["林", "hayashi"],
  ["清水", "shimizu"],
  ["山崎", "yamazaki"],
  ["森", "mori"],
  ["池田", "ikeda"],
  ["橋本", "hashimoto"],
  ["阿部", "abe"],
  ["石川", "ishikawa"],
  ["前田", "maeda"],
  ["藤田", "fujita"],
  ["岡田", "okada"],
  ["後藤", "goto"],
  ["長谷川", "hasegawa"],
  ["村上", "murakami"],
  ["近藤", "kondo"],
  ["石井", "ishii"],
  ["坂本", "sakamoto"],
  ["遠藤", "endo"],
  ["青木", "aoki"],
  ["藤井", "fujii"],
  ["西村", "nishimura"],
  ["福田", "fukuda"],
  ["太田", "ota"],
  ["三浦", "miura"],
];

const GIVEN_NAMES: readonly string[] = [
  "花子",
  "太郎",
  "健一",
  "美咲",
  "陽子",
  "大輔",
  "由美",
  "翔太",
  "恵子",
  "直樹",
  "真由美",
  "拓也",
  "明美",
  "浩二",
  "彩",
  "誠",
  "裕子",
  "和也",
  "香織",
  "修",
  "智子",
  "隆",
  "麻衣",
  "亮",
];

const CLINIC_DEPARTMENTS: readonly Stem[] = [
  ["内科", "naika"],
  ["小児科", "shonika"],
  ["皮膚科", "hifuka"],
  ["眼科", "ganka"],
  ["耳鼻咽喉科", "jibika"],
  ["整形外科", "seikei"],
  ["心療内科", "shinryo"],
  ["消化器内科", "shokaki"],
  ["循環器内科", "junkanki"],
  ["泌尿器科", "hinyoki"],
  ["婦人科", "fujinka"],
  ["内科・小児科", "naika"],
];

const BUILDINGS: readonly string[] = [
  "メディカルビル",
  "駅前ビル",
  "中央ビル",
  "第一ビル",
  "メディカルモール",
  "クリニックモール",
  "ステーションビル",
  "グリーンビル",
];

export interface FacilityName {
  name: string;
  /** Lower-case ASCII label for the facility's e-mail domain (sakura-hp). */
  slug: string;
  /** Mailbox name typical for the kind of facility. */
  mailbox: string;
}

/** 「横浜市中区」→「横浜」, 「世田谷区」→「世田谷」, 「四日市市」→「四日市」. */
export function placeStem(city: City): string {
  const designated = /^(.+?)市.+区$/.exec(city.name);
  if (designated?.[1]) return designated[1];
  return city.name.replace(/[市区町村]$/, "");
}

function placeRomaji(city: City): string {
  return city.romaji.replace(/-.*$/, "");
}

export function facilityName(rng: Random, type: InstitutionType, city: City): FacilityName {
  switch (type) {
    case "hospital":
      return hospitalName(rng, city);
    case "clinic":
      return rng.chance(0.35) ? dentalClinicName(rng, city) : clinicName(rng, city);
    case "home_nursing":
      return homeNursingName(rng, city);
    case "pharmacy":
      return pharmacyName(rng, city);
    case "midwifery":
      return midwiferyName(rng);
  }
}

function hospitalName(rng: Random, city: City): FacilityName {
  const mailbox = rng.pick(["info", "soumu", "yodo"]);
  const kind = rng.weighted<"place" | "friendly" | "surname">([
    ["place", 4],
    ["friendly", 3],
    ["surname", 3],
  ]);
  if (kind === "place") {
    const suffixes = ["中央病院", "総合病院", "第一病院", "医療センター", "南病院", "東病院"];
    if (/市$/.test(city.name)) suffixes.push("市民病院");
    return {
      name: `${placeStem(city)}${rng.pick(suffixes)}`,
      slug: `${placeRomaji(city)}-hp`,
      mailbox,
    };
  }
  if (kind === "friendly") {
    const [stem, romaji] = rng.pick(FRIENDLY);
    const suffix = rng.pick(["総合病院", "病院", "記念病院", "リハビリテーション病院", "中央病院"]);
    return { name: `${stem}${suffix}`, slug: `${romaji}-hp`, mailbox };
  }
  const [stem, romaji] = rng.pick(SURNAMES);
  const suffix = rng.pick(["病院", "記念病院", "整形外科病院", "胃腸科病院"]);
  return { name: `${stem}${suffix}`, slug: `${romaji}-hp`, mailbox };
}

function clinicName(rng: Random, city: City): FacilityName {
  const [department, departmentRomaji] = rng.pick(CLINIC_DEPARTMENTS);
  const kind = rng.weighted<"surname" | "friendly" | "station">([
    ["surname", 5],
    ["friendly", 3],
    ["station", 2],
  ]);
  if (kind === "surname") {
    const [stem, romaji] = rng.pick(SURNAMES);
    const suffix = rng.pick(["クリニック", "医院", "クリニック", "診療所"]);
    return {
      name: `${stem}${department}${suffix}`,
      slug: `${romaji}-${departmentRomaji}`,
      mailbox: "info",
    };
  }
  if (kind === "friendly") {
    const [stem, romaji] = rng.pick(FRIENDLY);
    return {
      name: `${stem}${department}クリニック`,
      slug: `${romaji}-${departmentRomaji}`,
      mailbox: "info",
    };
  }
  return {
    name: `${placeStem(city)}駅前${department}クリニック`,
    slug: `${placeRomaji(city)}-ekimae`,
    mailbox: "info",
  };
}

function dentalClinicName(rng: Random, city: City): FacilityName {
  const kind = rng.weighted<"surname" | "friendly" | "place">([
    ["surname", 5],
    ["friendly", 3],
    ["place", 2],
  ]);
  if (kind === "surname") {
    const [stem, romaji] = rng.pick(SURNAMES);
    return { name: `${stem}歯科医院`, slug: `${romaji}-dental`, mailbox: "info" };
  }
  if (kind === "friendly") {
    const [stem, romaji] = rng.pick(FRIENDLY);
    const suffix = rng.pick(["歯科クリニック", "こども歯科", "歯科医院"]);
    return { name: `${stem}${suffix}`, slug: `${romaji}-dental`, mailbox: "info" };
  }
  return {
    name: `${placeStem(city)}デンタルクリニック`,
    slug: `${placeRomaji(city)}-dental`,
    mailbox: "info",
  };
}

function homeNursingName(rng: Random, city: City): FacilityName {
  if (rng.chance(0.2)) {
    return {
      name: `${placeStem(city)}訪問看護ステーション`,
      slug: `${placeRomaji(city)}-kango`,
      mailbox: "station",
    };
  }
  const [stem, romaji] = rng.pick(FRIENDLY);
  const name = rng.chance(0.7) ? `${stem}訪問看護ステーション` : `訪問看護ステーション${stem}`;
  return { name, slug: `${romaji}-kango`, mailbox: "station" };
}

function pharmacyName(rng: Random, city: City): FacilityName {
  const [stem, romaji] = rng.chance(0.6) ? rng.pick(FRIENDLY) : rng.pick(SURNAMES);
  const base = `${stem}${rng.chance(0.2) ? "調剤薬局" : "薬局"}`;
  // Pharmacies are often branches of a local chain: 「ひまわり薬局 駅前店」.
  if (rng.chance(0.45)) {
    const branch = rng.pick(["駅前", "本町", "中央", "東口", "西口", "南口", placeStem(city)]);
    return { name: `${base} ${branch}店`, slug: `${romaji}-ph`, mailbox: "yakkyoku" };
  }
  return { name: base, slug: `${romaji}-ph`, mailbox: "yakkyoku" };
}

function midwiferyName(rng: Random): FacilityName {
  const [stem, romaji] = rng.chance(0.6) ? rng.pick(FRIENDLY) : rng.pick(SURNAMES);
  return { name: `${stem}助産院`, slug: `${romaji}-josan`, mailbox: "josanin" };
}

export function personName(rng: Random): string {
  return `${rng.pick(SURNAMES)[0]} ${rng.pick(GIVEN_NAMES)}`;
}

/** Clinics and pharmacies often sit in a multi-tenant building. */
export function buildingSuffix(rng: Random, type: InstitutionType): string {
  const likely = type === "clinic" || type === "pharmacy" ? 0.45 : 0.08;
  if (!rng.chance(likely)) return "";
  return ` ${rng.pick(BUILDINGS)}${rng.int(1, 5)}階`;
}
