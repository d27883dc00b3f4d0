import type { SignedInUser } from "@sos/web";

/** The vendor's back-office operator the stories sign in as. */
export const VENDOR_USER: SignedInUser = {
  id: "8d2f6a10-3c5b-4e7d-9a1f-2b3c4d5e6f01",
  username: "vendor-sato",
  displayName: "佐藤 健一",
  role: "vendor",
  institutionId: null,
  prefectureCode: null,
  leadOfficer: false,
};
