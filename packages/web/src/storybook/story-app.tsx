import { PageHeader } from "@sos/ui";
import type { SosAppDefinition } from "../app-definition";
import { PageTitle } from "../components/page-title";
import type { SignedInUser } from "../session/signed-in-user";

function StoryHome() {
  return (
    <div className="sos-stack">
      <PageTitle>ホーム</PageTitle>
      <PageHeader title="ホーム" description="ログイン後に表示される各アプリのホームです。" />
    </div>
  );
}

/** The shared pages (sign-in, password reset, not found) seen through the institution app. */
export const STORY_APP: SosAppDefinition = {
  id: "institution",
  home: StoryHome,
  nav: [{ to: "/", label: "ホーム", end: true }],
};

export const STORY_INSTITUTION_USER: SignedInUser = {
  id: "5b0f3d1e-2c4a-4e8b-9f1a-0a1b2c3d4e01",
  username: "tokyo-hp-yamada",
  displayName: "山田 花子",
  role: "institution",
  institutionId: "5b0f3d1e-2c4a-4e8b-9f1a-0a1b2c3d4e10",
  prefectureCode: null,
  leadOfficer: false,
};

export const STORY_VENDOR_USER: SignedInUser = {
  id: "5b0f3d1e-2c4a-4e8b-9f1a-0a1b2c3d4e02",
  username: "vendor-takahashi",
  displayName: "高橋 美咲",
  role: "vendor",
  institutionId: null,
  prefectureCode: null,
  leadOfficer: false,
};
