import { AUTH_MESSAGES } from "@sos/domain";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { type FixtureCall, FixtureError, Screen } from "../storybook";
import { STORY_APP } from "../storybook/story-app";

const calls: FixtureCall[] = [];
const TOKEN = "q8Zr2kVt7Yw1Xc4Bn6Mh0Lp3Js5Dg9Fa";

const meta = {
  title: "パスワード再設定",
  component: Screen,
  parameters: { layout: "fullscreen" },
  args: {
    app: STORY_APP,
    path: "/forgot-password",
    user: null,
    calls,
    api: {
      auth: {
        requestPasswordReset: () => ({ ok: true as const }),
        resetPassword: () => ({ ok: true as const }),
      },
    },
  },
  beforeEach: () => {
    calls.length = 0;
  },
} satisfies Meta<typeof Screen>;

export default meta;
type Story = StoryObj<typeof meta>;

/** From the mailed link's page: the new password typed twice, then 「パスワードを変更する」. */
async function changePassword(canvasElement: HTMLElement, password: string) {
  const page = within(canvasElement);
  await userEvent.type(
    await page.findByLabelText(/^新しいパスワード(必須)?$/, { selector: "input" }),
    password,
  );
  await userEvent.type(
    page.getByLabelText(/^新しいパスワード（確認）/, { selector: "input" }),
    password,
  );
  await userEvent.click(page.getByRole("button", { name: "パスワードを変更する" }));
}

/** The request says the same whether or not the user exists, and where to look for the mail. */
export const RequestTheMail: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const username = await page.findByLabelText(/^ユーザー名/, { selector: "input" });
    // 「事務局までお問い合わせください」 says how: the number, to call, and when.
    await expect(username).toHaveAccessibleDescription(
      /事務局（厚生労働省 医政局）までお問い合わせください。電話 03-5253-1111（平日 9:30〜18:15）/,
    );
    await expect(page.getByRole("link", { name: "03-5253-1111" })).toHaveAttribute(
      "href",
      "tel:0352531111",
    );
    await userEvent.type(username, "tokyo-hp-yamada");
    await userEvent.click(page.getByRole("button", { name: "再設定用のメールを送信" }));
    await expect(await page.findByText(/迷惑メールフォルダ/)).toBeVisible();
    await expect(calls.map((call) => [call.path, call.input])).toContainEqual([
      "auth.requestPasswordReset",
      { username: "tokyo-hp-yamada" },
    ]);
  },
};

/** From the mailed link: a new password, then the sign-in page says it changed. */
export const SetANewPassword: Story = {
  args: { path: `/reset-password?token=${TOKEN}` },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await changePassword(canvasElement, "Tebukuro-2027!");
    await expect(await page.findByText(AUTH_MESSAGES.passwordChanged)).toBeVisible();
    await expect(calls.map((call) => [call.path, call.input])).toContainEqual([
      "auth.resetPassword",
      { token: TOKEN, password: "Tebukuro-2027!" },
    ]);
  },
};

/** An expired link: the server's words and a way to ask again. */
export const ExpiredLink: Story = {
  args: {
    path: `/reset-password?token=${TOKEN}`,
    api: {
      auth: {
        resetPassword: () => {
          throw new FixtureError("BAD_REQUEST", AUTH_MESSAGES.resetLinkInvalid, {
            domainCode: "RESET_TOKEN_INVALID",
          });
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await changePassword(canvasElement, "Tebukuro-2027!");
    await expect(await page.findByText(AUTH_MESSAGES.resetLinkInvalid)).toBeVisible();
    await expect(
      page.getByRole("link", { name: "パスワード再設定をもう一度申請する" }),
    ).toBeVisible();
  },
};

/** A link cut short by the mail program: refused before anything is sent. */
export const BrokenLink: Story = {
  args: { path: "/reset-password?token=abc" },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(await page.findByText("このリンクは使用できません")).toBeVisible();
    await expect(page.queryByLabelText(/^新しいパスワード/, { selector: "input" })).toBeNull();
    await expect(calls.some((call) => call.path === "auth.resetPassword")).toBe(false);
  },
};
