import { FixtureError, findVisible } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { HOSPITAL_STAFF, LEAD_SEES, MINISTRY_MANAGES, TOKYO_OFFICER } from "../stories/accounts";
import { callsOf, countOf, inputsOf } from "../stories/calls";
import { MINISTRY_USER, PREFECTURE_LEAD_USER, PREFECTURE_USER } from "../stories/people";
import { SCREEN_META } from "../stories/screen";

const meta = {
  ...SCREEN_META,
  title: "画面/審査/アカウント管理",
  args: {
    path: "/accounts",
    user: MINISTRY_USER,
    api: { accounts: { people: () => ({ scope: "ministry", people: MINISTRY_MANAGES }) } },
  },
} satisfies Meta<typeof SCREEN_META.component>;

export default meta;
type Story = StoryObj<typeof meta>;

function rowOf(page: ReturnType<typeof within>, name: string): HTMLElement {
  const row = within(page.getByRole("table", { name: "利用者の一覧" }))
    .getByRole("rowheader", { name: new RegExp(`^${name}`) })
    .closest("tr");
  if (row === null) throw new Error(`${name}の行がありません`);
  return row;
}

/** The ministry's list: officers by prefecture and the vendor's users, each with its buttons. */
export const MinistryList: Story = {
  play: async (context) => {
    const page = within(context.canvasElement);
    await findVisible(page, "heading", { level: 1, name: "アカウント管理" });
    await findVisible(page, "table", { name: "利用者の一覧" });
    const lead = rowOf(page, "佐藤 美咲");
    await expect(lead).toHaveTextContent("東京都の担当者（主担当）");
    await expect(lead).toHaveTextContent("自都道府県の担当者");
    await expect(
      within(lead).getByRole("button", { name: "佐藤 美咲を主担当を外す" }),
    ).toBeVisible();
    const osaka = rowOf(page, "高橋 直人");
    await expect(osaka).toHaveTextContent("利用停止");
    await expect(within(osaka).getByRole("button", { name: "高橋 直人を利用再開" })).toBeVisible();
    await expect(rowOf(page, "伊藤 翔太")).toHaveTextContent("記録なし");
    await expect(rowOf(page, "小林 誠")).toHaveTextContent("販売業者");
    await userEvent.selectOptions(page.getByRole("combobox", { name: "都道府県" }), "大阪府");
    await waitFor(() =>
      expect(inputsOf(callsOf(context), "accounts.people").at(-1)).toEqual({ prefectureCode: 27 }),
    );
  },
};

/** Disabling an officer: a confirmation that says they are signed out at once, then the list again. */
export const DisableOfficer: Story = {
  args: {
    live: (calls) => ({
      accounts: {
        people: () => ({
          scope: "ministry",
          people: MINISTRY_MANAGES.map((person) =>
            countOf(calls, "accounts.disable") > 0 && person.id === TOKYO_OFFICER.id
              ? { ...person, status: "disabled" as const, actions: ["enable" as const] }
              : person,
          ),
        }),
        disable: () => ({ changed: true, person: { ...TOKYO_OFFICER, status: "disabled" } }),
      },
    }),
  },
  play: async (context) => {
    const page = within(context.canvasElement);
    await page.findByRole("table", { name: "利用者の一覧" });
    await userEvent.click(page.getByRole("button", { name: "伊藤 翔太を利用停止" }));
    const dialog = within(
      await page.findByRole("dialog", { name: "伊藤 翔太さんの利用を停止します" }),
    );
    await expect(dialog.getByText(/すぐにログアウトされ/)).toBeVisible();
    await userEvent.click(dialog.getByRole("button", { name: "利用を停止する" }));
    await expect(await page.findByText("伊藤 翔太さんの利用を停止しました。")).toBeVisible();
    await expect(inputsOf(callsOf(context), "accounts.disable")).toEqual([
      { userId: TOKYO_OFFICER.id },
    ]);
    await waitFor(() =>
      expect(
        within(rowOf(page, "伊藤 翔太")).getByRole("button", { name: "伊藤 翔太を利用再開" }),
      ).toBeVisible(),
    );
  },
};

/** The account pages' menu entries: the ministry's, and a prefecture lead's. */
const ACCOUNT_MENU = ["アカウント管理", "権限の一覧"];

function menuOf(page: ReturnType<typeof within>) {
  return within(page.getByRole("navigation", { name: "メインメニュー" }));
}

/**
 * A prefecture's lead: its own officers, no prefecture filter, no lead buttons;
 * the menu has the account pages (the session carries the lead flag).
 */
export const LeadOfficer: Story = {
  args: {
    user: PREFECTURE_LEAD_USER,
    api: { accounts: { people: () => ({ scope: "prefecture", people: LEAD_SEES }) } },
  },
  play: async (context) => {
    const page = within(context.canvasElement);
    await page.findByRole("table", { name: "利用者の一覧" });
    await expect(page.queryByRole("combobox", { name: "都道府県" })).toBeNull();
    await expect(rowOf(page, "佐藤 美咲")).toHaveTextContent("（本人）");
    await expect(within(rowOf(page, "佐藤 美咲")).queryByRole("button")).toBeNull();
    await expect(
      within(rowOf(page, "伊藤 翔太")).getByRole("button", { name: "伊藤 翔太を利用停止" }),
    ).toBeVisible();
    await expect(page.queryByRole("button", { name: /主担当/ })).toBeNull();
    for (const entry of ACCOUNT_MENU) {
      await expect(menuOf(page).getByRole("link", { name: entry })).toBeVisible();
    }
    await expect(menuOf(page).getByRole("link", { name: "アカウント管理" })).toHaveAttribute(
      "aria-current",
      "page",
    );
  },
};

/**
 * An officer who is not a lead, at the address: no account pages in the menu, and
 * the server's refusal, in Japanese.
 */
export const NotALead: Story = {
  args: {
    user: PREFECTURE_USER,
    api: {
      accounts: {
        people: () => {
          throw new FixtureError("FORBIDDEN", "この操作を行う権限がありません。", {
            domainCode: "FORBIDDEN",
          });
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(await page.findByText("利用者の一覧を表示できませんでした")).toBeVisible();
    await expect(page.getByText("この操作を行う権限がありません。")).toBeVisible();
    await expect(menuOf(page).getByRole("link", { name: "招待の不達" })).toBeVisible();
    for (const entry of ACCOUNT_MENU) {
      await expect(menuOf(page).queryByRole("link", { name: entry })).toBeNull();
    }
  },
};

/** An institution's staff by its code (typed in full-width digits): the server reads the code. */
export const InstitutionByCode: Story = {
  args: {
    live: (calls) => ({
      accounts: {
        people: () => ({
          scope: "ministry",
          people: countOf(calls, "accounts.people") > 1 ? [HOSPITAL_STAFF] : MINISTRY_MANAGES,
        }),
      },
    }),
  },
  play: async (context) => {
    const page = within(context.canvasElement);
    await page.findByRole("table", { name: "利用者の一覧" });
    await userEvent.type(page.getByLabelText(/^医療機関コード/), "１３１００１２３４５");
    await userEvent.click(page.getByRole("button", { name: "職員を表示" }));
    await waitFor(() =>
      expect(inputsOf(callsOf(context), "accounts.people").at(-1)).toEqual({
        institutionCode: "１３１００１２３４５",
      }),
    );
    const row = await waitFor(() => rowOf(page, "山本 恵子"));
    await expect(row).toHaveTextContent("医療機関・千代田中央病院");
    await expect(within(row).getByRole("button", { name: "山本 恵子を利用停止" })).toBeVisible();
  },
};
