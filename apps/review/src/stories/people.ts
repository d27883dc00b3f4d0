import type { SignedInUser } from "@sos/web";

/** 東京都's officer: sees and decides Tokyo's requests only. */
export const PREFECTURE_USER: SignedInUser = {
  id: "8d2f6a10-4b3c-4e5d-9a01-13000000a001",
  username: "tokyo-pref-sato",
  displayName: "佐藤 美咲",
  role: "prefecture",
  institutionId: null,
  prefectureCode: 13,
  leadOfficer: false,
};

/** The same officer named 東京都's lead (主担当): also manages Tokyo's other officers. */
export const PREFECTURE_LEAD_USER: SignedInUser = { ...PREFECTURE_USER, leadOfficer: true };

/** The ministry's officer: the whole country, approvals, lists, sanctions. */
export const MINISTRY_USER: SignedInUser = {
  id: "8d2f6a10-4b3c-4e5d-9a01-00000000b001",
  username: "mhlw-tanaka",
  displayName: "田中 健一",
  role: "ministry",
  institutionId: null,
  prefectureCode: null,
  leadOfficer: false,
};

/** An institution's staff member who opened the review console's address. */
export const INSTITUTION_STAFF: SignedInUser = {
  id: "8d2f6a10-4b3c-4e5d-9a01-00000000c001",
  username: "chiyoda-hp-suzuki",
  displayName: "鈴木 一郎",
  role: "institution",
  institutionId: "6a1e2b3c-0000-4000-8000-000000000001",
  prefectureCode: null,
  leadOfficer: false,
};

/** People as the API names them in records (Person). */
export const PEOPLE = {
  prefectureOfficer: { id: PREFECTURE_USER.id, displayName: PREFECTURE_USER.displayName },
  otherPrefectureOfficer: {
    id: "8d2f6a10-4b3c-4e5d-9a01-13000000a002",
    displayName: "高橋 直人",
  },
  ministryOfficer: { id: MINISTRY_USER.id, displayName: MINISTRY_USER.displayName },
  otherMinistryOfficer: {
    id: "8d2f6a10-4b3c-4e5d-9a01-00000000b002",
    displayName: "中村 由美",
  },
  institutionStaff: {
    id: "8d2f6a10-4b3c-4e5d-9a01-00000000c002",
    displayName: "山本 恵子",
  },
} as const;
