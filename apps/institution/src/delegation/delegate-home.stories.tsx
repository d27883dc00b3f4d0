import type { SignedInUser } from "@sos/web";
import type { Screen } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import type { DelegateClients } from "../api-types";
import { INSTITUTION, LONG_NAME_INSTITUTION } from "../stories/fixtures";
import { screenMeta } from "../stories/screen";

const DELEGATE_USER: SignedInUser = {
  id: "5b0f3d1e-2c4a-4e8b-9f1a-0a1b2c3d4e31",
  username: "chiyoda-ma-kato",
  displayName: "加藤 真理",
  role: "delegate",
  institutionId: null,
  prefectureCode: null,
  leadOfficer: false,
};

const CLIENTS: DelegateClients = {
  organisation: {
    id: "7c1e2d3f-4a5b-4c6d-8e7f-0a1b2c3d4e01",
    code: "D13000001",
    name: "千代田区医師会",
    kind: "medical_association",
    kindLabel: "医師会",
    prefectureCode: 13,
  },
  clients: [INSTITUTION, LONG_NAME_INSTITUTION].map((institution) => ({
    institutionId: institution.id,
    code: institution.code,
    name: institution.name,
    prefectureCode: institution.prefectureCode,
    prefectureName: institution.prefectureName,
    grantedAt: "2026-11-20T01:00:00.000Z",
  })),
};

const base = screenMeta({
  path: "/",
  api: { delegation: { clients: () => CLIENTS } },
  // The tab acts for no one yet: the delegate's home is the choice.
  beforeEach: () => sessionStorage.removeItem("sos.actingFor"),
});

const meta = {
  title: "代理入力する医療機関の選択",
  ...base,
  args: { ...base.args, user: DELEGATE_USER },
} satisfies Meta<typeof Screen>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The consenting institutions, long names wrapped, each with its button on a phone. */
export const Clients: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await page.findByRole("heading", { level: 1, name: "代理入力する医療機関の選択" });
    await expect(await page.findByText(/千代田区医師会（医師会）として/)).toBeVisible();
    const list = within(page.getByRole("list", { name: "代理入力を許可している医療機関" }));
    await expect(
      list.getByRole("button", { name: `${LONG_NAME_INSTITUTION.name} の代理で入力する` }),
    ).toBeVisible();
    await expect(list.getAllByText("2026年11月20日（金）10:00")).toHaveLength(2);
  },
};

/** No institution consents yet: what to ask for. */
export const NoClients: Story = {
  args: { api: { delegation: { clients: () => ({ ...CLIENTS, clients: [] }) } } },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(
      await page.findByText(/代理入力を許可している医療機関はありません。/),
    ).toBeVisible();
  },
};
