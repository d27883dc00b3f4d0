import type { Account } from "../api-types";
import { MINISTRY_USER, PREFECTURE_USER } from "./people";

/** People of the accounts screens: Tokyo's lead and officer, Osaka's officer, the vendor, the ministry. */
function person(overrides: Partial<Account> & Pick<Account, "id" | "displayName">): Account {
  return {
    username: "user",
    email: "user@example.go.jp",
    role: "prefecture",
    prefecture: { code: 13, name: "東京都" },
    institution: null,
    leadOfficer: false,
    status: "active",
    manages: "none",
    lastSignInAt: "2026-11-24T00:15:00.000Z",
    actions: [],
    self: false,
    ...overrides,
  };
}

export const TOKYO_LEAD = person({
  id: PREFECTURE_USER.id,
  displayName: PREFECTURE_USER.displayName,
  username: PREFECTURE_USER.username,
  email: "sato@metro.tokyo.example.jp",
  leadOfficer: true,
  manages: "prefecture",
  actions: ["unsetLead", "disable"],
});

export const TOKYO_OFFICER = person({
  id: "8d2f6a10-4b3c-4e5d-9a01-13000000a003",
  displayName: "伊藤 翔太",
  username: "tokyo-pref-ito",
  email: "ito@metro.tokyo.example.jp",
  lastSignInAt: null,
  actions: ["disable", "setLead"],
});

export const OSAKA_OFFICER = person({
  id: "8d2f6a10-4b3c-4e5d-9a01-27000000a001",
  displayName: "高橋 直人",
  username: "osaka-pref-takahashi",
  email: "takahashi@pref.osaka.example.jp",
  prefecture: { code: 27, name: "大阪府" },
  status: "disabled",
  actions: ["enable", "setLead"],
});

export const VENDOR_OPERATOR = person({
  id: "8d2f6a10-4b3c-4e5d-9a01-00000000d001",
  displayName: "小林 誠",
  username: "vendor-kobayashi",
  email: "kobayashi@vendor.example.jp",
  role: "vendor",
  prefecture: null,
  actions: ["disable"],
});

export const MINISTRY_PERSON = person({
  id: MINISTRY_USER.id,
  displayName: MINISTRY_USER.displayName,
  username: MINISTRY_USER.username,
  email: "tanaka@mhlw.example.go.jp",
  role: "ministry",
  prefecture: null,
  manages: "ministry",
  self: true,
});

/** What the ministry manages: officers and vendor users. */
export const MINISTRY_MANAGES = [TOKYO_LEAD, TOKYO_OFFICER, OSAKA_OFFICER, VENDOR_OPERATOR];

/** Tokyo's officers as its lead sees them: itself without buttons, the officer with 「利用停止」. */
export const LEAD_SEES: Account[] = [
  { ...TOKYO_LEAD, self: true, actions: [] },
  { ...TOKYO_OFFICER, actions: ["disable"] },
];

/** An institution's staff member, as the ministry finds them by the institution's code. */
export const HOSPITAL_STAFF = person({
  id: "8d2f6a10-4b3c-4e5d-9a01-00000000c002",
  displayName: "山本 恵子",
  username: "chiyoda-hp-yamamoto",
  email: "yamamoto@chiyoda-hp.example.jp",
  role: "institution",
  institution: {
    id: "6a1e2b3c-0000-4000-8000-000000000001",
    code: "1310012345",
    name: "千代田中央病院",
  },
  manages: "institution",
  actions: ["disable"],
});
