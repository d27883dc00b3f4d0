import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { type FixtureCall, FixtureError, Screen } from "../storybook";
import { STORY_APP } from "../storybook/story-app";

const calls: FixtureCall[] = [];
const READ_ONLY_MESSAGE =
  "現在メンテナンスのため、閲覧のみ可能です。登録・変更・送信はできません。メンテナンスの終了後に、もう一度お試しください。";
/** Monday 7 December 2026, 19:00 in Tokyo. */
const SWITCHED_AT = "2026-12-07T10:00:00.000Z";

let switched = false;

const meta = {
  title: "メンテナンス中（閲覧のみ）",
  component: Screen,
  parameters: { layout: "fullscreen" },
  args: {
    app: STORY_APP,
    path: "/sign-in",
    user: null,
    calls,
    api: {
      operations: {
        readOnlyStatus: () => ({ readOnly: true, since: SWITCHED_AT }),
      },
    },
  },
  beforeEach: () => {
    calls.length = 0;
    switched = false;
  },
} satisfies Meta<typeof Screen>;

export default meta;
type Story = StoryObj<typeof meta>;

/** While the ministry has maintenance on, every page says so above its content; signing in still works. */
export const OnTheSignInPage: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const banner = await page.findByRole("status");
    await expect(banner).toHaveTextContent("現在メンテナンスのため、閲覧のみ可能です。");
    await expect(banner).toHaveTextContent("（2026年12月7日（月）19:00から）");
    await expect(page.getByRole("button", { name: "ログイン" })).toBeEnabled();
  },
};

/**
 * A page opened before the switch: the refused write shows the server's notice,
 * and the banner appears at once instead of at the next minute's check.
 */
export const AppearsWhenAWriteIsRefused: Story = {
  args: {
    path: "/forgot-password",
    api: {
      operations: {
        readOnlyStatus: () => ({ readOnly: switched, since: switched ? SWITCHED_AT : null }),
      },
      auth: {
        requestPasswordReset: () => {
          switched = true;
          throw new FixtureError("SERVICE_UNAVAILABLE", READ_ONLY_MESSAGE, {
            domainCode: "READ_ONLY_MODE",
          });
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await userEvent.type(
      await page.findByLabelText(/^ユーザー名/, { selector: "input" }),
      "tokyo-hp-yamada",
    );
    await expect(page.queryByText("現在メンテナンスのため、閲覧のみ可能です。")).toBeNull();
    await userEvent.click(page.getByRole("button", { name: /送信|再設定/ }));
    await expect(await page.findByText(READ_ONLY_MESSAGE)).toBeVisible();
    await expect(await page.findByText("現在メンテナンスのため、閲覧のみ可能です。")).toBeVisible();
    await expect(calls.filter((c) => c.path === "operations.readOnlyStatus").length).toBe(2);
  },
};
