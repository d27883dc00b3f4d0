import { FixtureError, type Screen } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { inputsOf } from "../stories/fixtures";
import { screenMeta } from "../stories/screen";
import {
  CURRENT_UNANSWERED,
  currentAnswered,
  LARGE_FIGURES,
  THIS_WEEK_SURVEY_ID,
} from "../stories/surveys";

const meta = {
  title: "自己チェック",
  ...screenMeta({ path: "/self-check", api: { survey: { current: () => currentAnswered() } } }),
} satisfies Meta<typeof Screen>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The sheet once it is on screen (signed in, it waits for this week's answer). */
async function sheet(canvasElement: HTMLElement) {
  return within(await within(canvasElement).findByRole("region", { name: "自己チェックシート" }));
}

function result(canvasElement: HTMLElement) {
  return within(canvasElement).getByRole("region", { name: "判定結果" });
}

/** A visitor weighing whether to ask: full-width figures are judged live, nothing is sent. */
export const SignedOut: Story = {
  args: { user: null, api: {} },
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    const panel = await sheet(canvasElement);
    await expect(page.getByText(/ログインしていません。/)).toBeVisible();
    await expect(page.getByRole("link", { name: "ログインする" })).toBeVisible();
    await expect(
      panel.getByText("ログインすると、今週の週次調査の回答が入力された状態で確認できます。"),
    ).toBeVisible();
    await expect(result(canvasElement)).toHaveAttribute("data-verdict", "pending");

    await userEvent.type(panel.getByRole("textbox", { name: /在庫量/ }), "２，０００");
    await userEvent.type(panel.getByRole("textbox", { name: /想定消費量/ }), "１，０００");
    await userEvent.type(panel.getByRole("textbox", { name: /購入見込み量/ }), "４００");
    await expect(result(canvasElement)).toHaveAttribute("data-verdict", "eligible");
    await expect(within(result(canvasElement)).getByText("2セット（2,000枚）")).toBeVisible();

    // A month of stock or more is not eligible, and the limit drops to nothing.
    const stock = panel.getByRole("textbox", { name: /在庫量/ });
    await userEvent.clear(stock);
    await userEvent.type(stock, "３，０００");
    await expect(result(canvasElement)).toHaveAttribute("data-verdict", "not-eligible");
    await expect(within(result(canvasElement)).getByText("0セット（0枚）")).toBeVisible();

    // The menu and the way to a request are for signed-in institutions only.
    await expect(page.queryByRole("link", { name: "緊急配布要請へ" })).toBeNull();
    await expect(
      args.calls?.map((call) => call.path).filter((path) => path !== "operations.readOnlyStatus"),
    ).toEqual(["auth.me"]);
  },
};

/** Signed in and answered: the sheet starts from this week's answer. */
export const SignedInAnswered: Story = {
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    const panel = await sheet(canvasElement);
    await expect(panel.getByRole("textbox", { name: /在庫量/ })).toHaveValue("2,000");
    await expect(panel.getByRole("textbox", { name: /想定消費量/ })).toHaveValue("1,000");
    await expect(panel.getByRole("textbox", { name: /購入見込み量/ })).toHaveValue("400");
    await expect(panel.getByText(/の回答を表示しています。/)).toHaveTextContent(
      "今週の週次調査（2026年11月25日（水）17:00締切の週）の回答を表示しています。ここで数値を変えても、週次調査の回答は変わりません。",
    );
    await expect(
      panel.getByRole("link", { name: "週次調査の回答を確認・編集する" }),
    ).toHaveAttribute("href", `/surveys/${THIS_WEEK_SURVEY_ID}`);
    await expect(result(canvasElement)).toHaveAttribute("data-verdict", "eligible");
    await expect(page.getByRole("link", { name: "緊急配布要請へ" })).toHaveAttribute(
      "href",
      "/requests",
    );
    await expect(inputsOf(args.calls, "survey.current")).toHaveLength(1);
  },
};

/** Signed in, not answered yet: empty boxes and the way to the survey. */
export const SignedInUnanswered: Story = {
  args: { api: { survey: { current: () => CURRENT_UNANSWERED } } },
  play: async ({ canvasElement }) => {
    const panel = await sheet(canvasElement);
    await expect(panel.getByText(/はまだ回答していません。/)).toHaveTextContent(
      "今週の週次調査（2026年11月25日（水）17:00締切の週）はまだ回答していません。",
    );
    await expect(panel.getByRole("link", { name: "週次調査に回答する" })).toHaveAttribute(
      "href",
      `/surveys/${THIS_WEEK_SURVEY_ID}`,
    );
    await expect(panel.getByRole("textbox", { name: /在庫量/ })).toHaveValue("");
    await expect(result(canvasElement)).toHaveAttribute("data-verdict", "pending");
  },
};

/** This week's answer cannot be read: the sheet still works, with the figures typed in. */
export const SignedInSurveyLoadFailed: Story = {
  args: {
    api: {
      survey: {
        current: () => {
          throw new FixtureError(
            "INTERNAL_SERVER_ERROR",
            "サーバーでエラーが発生しました。時間をおいて再度お試しください。",
          );
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const panel = await sheet(canvasElement);
    await expect(
      panel.getByText("今週の週次調査の回答を読み込めなかったため、数値を入力してください。"),
    ).toBeVisible();
    await userEvent.type(panel.getByRole("textbox", { name: /在庫量/ }), "500");
    await userEvent.type(panel.getByRole("textbox", { name: /想定消費量/ }), "800");
    await userEvent.type(panel.getByRole("textbox", { name: /購入見込み量/ }), "0");
    await expect(result(canvasElement)).toHaveAttribute("data-verdict", "eligible");
    await expect(within(result(canvasElement)).getByText("2セット（2,000枚）")).toBeVisible();
  },
};

/** A large hospital group: 1,250 sets, in sets and in pieces. */
export const LargeNumbers: Story = {
  args: { api: { survey: { current: () => currentAnswered(LARGE_FIGURES) } } },
  play: async ({ canvasElement }) => {
    const panel = await sheet(canvasElement);
    await expect(panel.getByRole("textbox", { name: /在庫量/ })).toHaveValue("1,800,000");
    await expect(result(canvasElement)).toHaveAttribute("data-verdict", "eligible");
    await expect(
      within(result(canvasElement)).getByText("1,250セット（1,250,000枚）"),
    ).toBeVisible();
  },
};

/** Typos a phone keyboard makes: decimals and text are named at the field, no verdict. */
export const InvalidFigures: Story = {
  args: { user: null, api: {} },
  play: async ({ canvasElement }) => {
    const panel = await sheet(canvasElement);
    const stock = panel.getByRole("textbox", { name: /在庫量/ });
    const consumption = panel.getByRole("textbox", { name: /想定消費量/ });
    await userEvent.type(stock, "２．５");
    await userEvent.type(consumption, "千枚");
    await userEvent.type(panel.getByRole("textbox", { name: /購入見込み量/ }), "0");
    await expect(stock).toHaveAccessibleDescription(/0以上の整数で入力してください/);
    await expect(consumption).toHaveAccessibleDescription(/数字で入力してください（例：1,000）/);
    await expect(result(canvasElement)).toHaveAttribute("data-verdict", "pending");
  },
};
