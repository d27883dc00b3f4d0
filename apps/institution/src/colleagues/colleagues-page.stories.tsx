import { FixtureError, findVisible, type Screen } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import type { Colleague } from "../api-types";
import { COLLEAGUE, INSTITUTION, INSTITUTION_USER, inputsOf } from "../stories/fixtures";
import { screenMeta } from "../stories/screen";

function colleague(
  overrides: Partial<Colleague> & Pick<Colleague, "id" | "displayName">,
): Colleague {
  return {
    username: "staff",
    email: "staff@example-hospital.jp",
    role: "institution",
    prefecture: { code: 13, name: "東京都" },
    institution: { id: INSTITUTION.id, code: INSTITUTION.code, name: INSTITUTION.name },
    leadOfficer: false,
    status: "active",
    manages: "institution",
    lastSignInAt: "2026-11-24T23:50:00.000Z",
    actions: ["remove"],
    self: false,
    ...overrides,
  };
}

const ME = colleague({
  id: INSTITUTION_USER.id,
  displayName: INSTITUTION_USER.displayName,
  username: INSTITUTION_USER.username,
  email: "yamada@example-hospital.jp",
  self: true,
});
const SATO = colleague({
  id: COLLEAGUE.id,
  displayName: COLLEAGUE.displayName,
  username: "tokyo-hp-sato",
  email: "sato@example-hospital.jp",
  lastSignInAt: null,
});

/** Removed colleagues leave the list (the server lists only those not removed). */
let removed = false;
const people = () => ({
  scope: "institution" as const,
  people: removed ? [{ ...ME, actions: [] }] : [ME, SATO],
});

const meta = {
  title: "職員の管理",
  ...screenMeta({
    path: "/colleagues",
    api: {
      accounts: {
        people,
        remove: () => {
          removed = true;
          return { changed: true, person: { ...SATO, status: "removed" as const, actions: [] } };
        },
      },
    },
    beforeEach: () => {
      removed = false;
    },
  }),
} satisfies Meta<typeof Screen>;

export default meta;
type Story = StoryObj<typeof meta>;

function card(page: ReturnType<typeof within>, name: string) {
  return within(page.getByRole("region", { name }));
}

/** The staff on a phone: each with user name, address, status and last sign-in. */
export const Colleagues: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await findVisible(page, "heading", { level: 1, name: "職員の管理" });
    await page.findByRole("list", { name: "職員の一覧" });
    const me = card(page, "山田 花子（あなた）");
    await expect(me.getByText("yamada@example-hospital.jp")).toBeVisible();
    await expect(me.getByText("2026年11月25日（水）08:50")).toBeVisible();
    const sato = card(page, "佐藤 一郎");
    await expect(sato.getByText("記録なし")).toBeVisible();
    await expect(sato.getByRole("button", { name: "佐藤 一郎さんを削除" })).toBeVisible();
  },
};

/** Removing a colleague: confirmed first, then gone from the list. */
export const RemoveColleague: Story = {
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    await page.findByRole("list", { name: "職員の一覧" });
    await userEvent.click(page.getByRole("button", { name: "佐藤 一郎さんを削除" }));
    const dialog = within(await page.findByRole("dialog", { name: "佐藤 一郎さんを削除します" }));
    await expect(dialog.getByText(/すぐにログアウトされ/)).toBeVisible();
    await userEvent.click(dialog.getByRole("button", { name: "削除する" }));
    await expect(await page.findByText("佐藤 一郎さんを削除しました。")).toBeVisible();
    await expect(inputsOf(args.calls, "accounts.remove")).toEqual([{ userId: COLLEAGUE.id }]);
    await waitFor(() => expect(page.queryByRole("region", { name: "佐藤 一郎" })).toBeNull());
  },
};

const LAST_USER =
  "この医療機関で利用できる最後の職員のため、削除できません。先に別の職員を招待してください。";

/** The server refuses to leave the institution with no one: its words in the dialog. */
export const LastUserRefused: Story = {
  args: {
    api: {
      accounts: {
        people: () => ({ scope: "institution", people: [ME] }),
        remove: () => {
          throw new FixtureError("PRECONDITION_FAILED", LAST_USER, { domainCode: "INVALID_STATE" });
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await page.findByRole("list", { name: "職員の一覧" });
    await userEvent.click(page.getByRole("button", { name: "山田 花子さんを削除" }));
    const dialog = within(await page.findByRole("dialog", { name: "あなた自身を削除します" }));
    await userEvent.click(dialog.getByRole("button", { name: "削除する" }));
    await expect(await dialog.findByText(LAST_USER)).toBeVisible();
  },
};
