import type { SignedInUser } from "@sos/web";

/** The signed-in staff member of the story institution. */
export const INSTITUTION_USER: SignedInUser = {
  id: "5b0f3d1e-2c4a-4e8b-9f1a-0a1b2c3d4e01",
  username: "tokyo-hp-yamada",
  displayName: "山田 花子",
  role: "institution",
  institutionId: "5b0f3d1e-2c4a-4e8b-9f1a-0a1b2c3d4e10",
  prefectureCode: null,
};
