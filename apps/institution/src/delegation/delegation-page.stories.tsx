import { FixtureError, type Screen } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import type { DelegateOrganisationView, DelegationList, DelegationView } from "../api-types";
import { inputsOf } from "../stories/fixtures";
import { screenMeta } from "../stories/screen";

const ASSOCIATION: DelegateOrganisationView = {
  id: "7c1e2d3f-4a5b-4c6d-8e7f-0a1b2c3d4e01",
  code: "D13000001",
  name: "千代田区医師会",
  kind: "medical_association",
  kindLabel: "医師会",
  prefectureCode: 13,
};

const HEAD_OFFICE: DelegateOrganisationView = {
  id: "7c1e2d3f-4a5b-4c6d-8e7f-0a1b2c3d4e02",
  code: "D13000002",
  name: "医療法人社団 緑風会 本部",
  kind: "head_office",
  kindLabel: "法人本部",
  prefectureCode: null,
};

function grantOf(organisation: DelegateOrganisationView, id: string): DelegationView {
  const { prefectureCode: _, ...view } = organisation;
  return {
    id,
    organisation: view,
    grantedAt: "2026-11-20T01:00:00.000Z",
    grantedByName: "山田 花子",
    revokedAt: null,
    revokedByName: null,
    active: true,
  };
}

const PAST: DelegationView = {
  ...grantOf(HEAD_OFFICE, "8d2f3e4a-5b6c-4d7e-8f9a-0a1b2c3d4e01"),
  revokedAt: "2026-11-22T02:30:00.000Z",
  revokedByName: "佐藤 一郎",
  active: false,
};

let list: DelegationList = { current: [], past: [PAST] };

const meta = {
  title: "代理入力の許可",
  ...screenMeta({
    path: "/delegation",
    api: {
      delegation: {
        list: () => list,
        search: () => [ASSOCIATION, HEAD_OFFICE],
        grant: () => {
          list = {
            ...list,
            current: [grantOf(ASSOCIATION, "8d2f3e4a-5b6c-4d7e-8f9a-0a1b2c3d4e02")],
          };
          return list;
        },
      },
    },
    beforeEach: () => {
      list = { current: [], past: [PAST] };
    },
  }),
} satisfies Meta<typeof Screen>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Search, confirm, and the association is listed as allowed; every action fits a phone. */
export const GrantFromSearch: Story = {
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    await page.findByRole("heading", { level: 1, name: "代理入力の許可" });
    await expect(await page.findByText("代理入力を許可している団体はありません。")).toBeVisible();
    await expect(
      within(page.getByRole("list", { name: "過去の許可" })).getByText(/佐藤 一郎/),
    ).toBeVisible();
    await userEvent.type(page.getByLabelText("団体名または団体コード"), "千代田");
    await userEvent.click(page.getByRole("button", { name: "検索" }));
    const results = within(await page.findByRole("list", { name: "検索結果" }));
    await userEvent.click(results.getByRole("button", { name: "「千代田区医師会」に許可する" }));
    const dialog = within(
      await page.findByRole("dialog", { name: "「千代田区医師会」に代理入力を許可しますか" }),
    );
    await userEvent.click(dialog.getByRole("button", { name: "許可する" }));
    await expect(
      await page.findByText("「千代田区医師会」に代理入力を許可しました。"),
    ).toBeVisible();
    await expect(inputsOf(args.calls, "delegation.grant")).toEqual([
      { organisationId: ASSOCIATION.id },
    ]);
    await expect(
      page.getByRole("button", { name: "「千代田区医師会」の許可を取り消す" }),
    ).toBeVisible();
    await expect(results.getByText("許可済み")).toBeVisible();
  },
};

const REFUSED = "この団体には代理入力を許可できません。";

/** The server's refusal stays in the dialog, in its own words. */
export const GrantRefused: Story = {
  args: {
    api: {
      delegation: {
        list: () => ({ current: [], past: [] }),
        search: () => [ASSOCIATION],
        grant: () => {
          throw new FixtureError("PRECONDITION_FAILED", REFUSED, { domainCode: "INVALID_STATE" });
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await userEvent.type(await page.findByLabelText("団体名または団体コード"), "D13000001");
    await userEvent.click(page.getByRole("button", { name: "検索" }));
    await userEvent.click(
      await page.findByRole("button", { name: "「千代田区医師会」に許可する" }),
    );
    const dialog = within(
      await page.findByRole("dialog", { name: "「千代田区医師会」に代理入力を許可しますか" }),
    );
    await userEvent.click(dialog.getByRole("button", { name: "許可する" }));
    await expect(await dialog.findByText(REFUSED)).toBeVisible();
  },
};
