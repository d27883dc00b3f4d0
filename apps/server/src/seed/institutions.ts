import { type InstitutionType, prefectureByCode } from "@sos/domain";
import { geographyOf, TOWN_NAMES } from "./geography";
import { buildingSuffix, facilityName, personName } from "./names";
import type { Random } from "./random";

/**
 * Seed institution codes: prefecture (2 digits) + kind (1 digit) + serial
 * (7 digits). Real G-MIS codes carry no published structure; this one only
 * makes seed codes unique by construction and readable in a demo. Demo
 * serials stay below NATIONAL_SERIAL_BASE and national ones start at it, so
 * the two data sets can share one database without colliding.
 */
const KIND_DIGIT: Readonly<Record<InstitutionType, string>> = {
  hospital: "1",
  clinic: "2",
  home_nursing: "3",
  pharmacy: "4",
  midwifery: "5",
};

export const NATIONAL_SERIAL_BASE = 1_000_000;
const SERIAL_MAX = 9_999_999;

export function seedInstitutionCode(
  prefectureCode: number,
  type: InstitutionType,
  serial: number,
): string {
  if (!Number.isInteger(serial) || serial < 1 || serial > SERIAL_MAX) {
    throw new RangeError(`seed serial out of range: ${serial}`);
  }
  return `${String(prefectureCode).padStart(2, "0")}${KIND_DIGIT[type]}${String(serial).padStart(7, "0")}`;
}

/**
 * Shares of each kind among facilities nationwide, from the 2022-23 counts
 * (about 8,100 hospitals, 105,000 clinics plus 68,000 dental clinics,
 * 15,000 home-nursing stations, 62,000 pharmacies, 2,300 midwifery homes).
 */
export const NATIONAL_TYPE_SHARES: readonly (readonly [InstitutionType, number])[] = [
  ["hospital", 3.1],
  ["clinic", 66.2],
  ["home_nursing", 5.8],
  ["pharmacy", 24.0],
  ["midwifery", 0.9],
];

export interface InstitutionSeed {
  code: string;
  name: string;
  type: InstitutionType;
  prefectureCode: number;
  postcode: string;
  address: string;
  phone: string;
  contactName: string;
  email: string;
}

export function generateInstitution(
  rng: Random,
  spec: { prefectureCode: number; type: InstitutionType; serial: number },
): InstitutionSeed {
  const { prefectureCode, type, serial } = spec;
  const prefecture = prefectureByCode(prefectureCode);
  if (prefecture === undefined) throw new RangeError(`unknown prefecture ${prefectureCode}`);
  const city = rng.pick(geographyOf(prefectureCode).cities);
  const named = facilityName(rng, type, city);
  const street = `${rng.pick(TOWN_NAMES)}${rng.int(1, 6)}丁目${rng.int(1, 30)}-${rng.int(1, 20)}`;
  return {
    code: seedInstitutionCode(prefectureCode, type, serial),
    name: named.name,
    type,
    prefectureCode,
    postcode: `${city.postcodePrefix}${rng.digits(4)}`,
    address: `${prefecture.name}${city.name}${street}${buildingSuffix(rng, type)}`,
    phone: phoneNumber(rng, type, city.areaCode),
    contactName: personName(rng),
    email: `${named.mailbox}@${named.slug}.example.jp`,
  };
}

/**
 * Digits only, national form. A fixed line is 10 digits: the area code, then
 * a subscriber number that never starts with 0 or 1. Small visiting services
 * often give a mobile number (11 digits).
 */
function phoneNumber(rng: Random, type: InstitutionType, areaCode: string): string {
  const mobileShare = type === "midwifery" ? 0.4 : type === "home_nursing" ? 0.1 : 0;
  if (rng.chance(mobileShare)) {
    return `${rng.pick(["090", "080", "070"])}${rng.int(1, 9)}${rng.digits(7)}`;
  }
  return `${areaCode}${rng.int(2, 9)}${rng.digits(10 - areaCode.length - 1)}`;
}
