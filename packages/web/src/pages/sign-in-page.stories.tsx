import { AUTH_MESSAGES } from "@sos/domain";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { type FixtureCall, FixtureError, findVisible, Screen } from "../storybook";
import { STORY_APP, STORY_INSTITUTION_USER, STORY_VENDOR_USER } from "../storybook/story-app";

const calls: FixtureCall[] = [];

const meta = {
  title: "ログイン",
  component: Screen,
  parameters: { layout: "fullscreen" },
  args: {
    app: STORY_APP,
    path: "/sign-in",
    user: null,
    calls,
    api: { auth: { signIn: () => STORY_INSTITUTION_USER } },
  },
  beforeEach: () => {
    calls.length = 0;
  },
} satisfies Meta<typeof Screen>;

export default meta;
type Story = StoryObj<typeof meta>;

async function signIn(canvasElement: HTMLElement, username: string, password: string) {
  const page = within(canvasElement);
  await userEvent.type(await page.findByLabelText(/^ユーザー名/, { selector: "input" }), username);
  await userEvent.type(page.getByLabelText(/^パスワード/, { selector: "input" }), password);
  await userEvent.click(page.getByRole("button", { name: "ログイン" }));
  return page;
}

/** Signing in leads to the app's home with the user's name in the header. */
export const SignsIn: Story = {
  play: async ({ canvasElement }) => {
    const page = await signIn(canvasElement, "tokyo-hp-yamada", "Tebukuro2026");
    await findVisible(page, "heading", { level: 1, name: "ホーム" });
    await expect(page.getAllByText(/山田 花子/).length).toBeGreaterThan(0);
    await expect(calls.filter((call) => call.path === "auth.signIn")).toEqual([
      {
        path: "auth.signIn",
        type: "mutation",
        input: { username: "tokyo-hp-yamada", password: "Tebukuro2026" },
      },
    ]);
  },
};

/** A wrong password: the server's words, and the form stays for another try. */
export const WrongPassword: Story = {
  args: {
    api: {
      auth: {
        signIn: () => {
          throw new FixtureError("UNAUTHORIZED", "ユーザー名またはパスワードが正しくありません。", {
            domainCode: "INVALID_CREDENTIALS",
          });
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = await signIn(canvasElement, "tokyo-hp-yamada", "wrong-password");
    await expect(
      await page.findByText("ユーザー名またはパスワードが正しくありません。"),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "ログイン" })).toBeEnabled();
    await expect(page.queryByRole("heading", { level: 1, name: "ホーム" })).toBeNull();
  },
};

/**
 * Too many attempts from browsers that never signed in to the account: told to
 * wait, or to reset the password, which makes the resetting browser trusted.
 */
export const Throttled: Story = {
  args: {
    api: {
      auth: {
        signIn: () => {
          throw new FixtureError(
            "TOO_MANY_REQUESTS",
            "ログイン試行が多すぎます。15分後に再度お試しください。お急ぎの場合は「パスワードをお忘れですか？」から再設定すると、再設定したブラウザからすぐにログインできます。",
            { domainCode: "SIGN_IN_THROTTLED" },
          );
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = await signIn(canvasElement, "tokyo-hp-yamada", "wrong-password");
    await expect(await page.findByText(/15分後に再度お試しください/)).toBeVisible();
    await expect(page.getByRole("link", { name: "パスワードをお忘れですか？" })).toBeVisible();
  },
};

/** Sent back here by an expired session: the reason is stated above the form. */
export const SessionExpired: Story = {
  args: { path: { pathname: "/sign-in", state: { notice: "sessionExpired" } } },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(await page.findByText(AUTH_MESSAGES.sessionExpired)).toBeVisible();
  },
};

/** A signed-out visitor to a page is asked to sign in and brought back to it afterwards. */
export const BackToTheRequestedPage: Story = {
  args: { path: "/no-such-page" },
  play: async ({ canvasElement }) => {
    const page = await signIn(canvasElement, "tokyo-hp-yamada", "Tebukuro2026");
    await findVisible(page, "heading", { level: 1, name: "ページが見つかりません" });
  },
};

/** A vendor account at the institution app: told which app is theirs, nothing else shown. */
export const WrongApp: Story = {
  args: { path: "/", user: STORY_VENDOR_USER },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await findVisible(page, "heading", { level: 1, name: /のページは利用できません/ });
    await waitFor(() =>
      expect(page.getByRole("link", { name: /のページへ移動/ })).toHaveAttribute(
        "href",
        "/vendor/",
      ),
    );
    await expect(page.queryByRole("navigation", { name: "メインメニュー" })).toBeNull();
  },
};
