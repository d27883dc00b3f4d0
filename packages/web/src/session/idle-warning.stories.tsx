import { AUTH_MESSAGES } from "@sos/domain";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { type FixtureCall, FixtureError, findVisible, Screen } from "../storybook";
import { STORY_APP, STORY_INSTITUTION_USER } from "../storybook/story-app";

const calls: FixtureCall[] = [];
const MINUTE = 60_000;
const TWELVE_HOURS = 12 * 60 * MINUTE;

/** What auth.session answers next, story by story. */
let left: Array<{ idleExpiresInMs: number | null; expiresInMs: number } | null> = [];

function sessionAnswers() {
  const next = left.length > 1 ? left.shift() : left[0];
  return next === undefined ? null : next;
}

const meta = {
  title: "自動ログアウトの予告",
  component: Screen,
  parameters: { layout: "fullscreen" },
  args: {
    app: STORY_APP,
    path: "/",
    user: STORY_INSTITUTION_USER,
    calls,
    api: {
      auth: {
        session: sessionAnswers,
        extendSession: () => ({ idleExpiresInMs: 30 * MINUTE, expiresInMs: TWELVE_HOURS }),
      },
    },
  },
  beforeEach: () => {
    calls.length = 0;
  },
} satisfies Meta<typeof Screen>;

export default meta;
type Story = StoryObj<typeof meta>;

function callsTo(path: string) {
  return calls.filter((call) => call.path === path);
}

/**
 * 2分30秒 before the idle end: the warning opens over the page, saying how long is
 * left and what 「延長」 does.
 */
export const Warns: Story = {
  beforeEach: () => {
    left = [{ idleExpiresInMs: 2.5 * MINUTE, expiresInMs: TWELVE_HOURS }];
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const dialog = await findVisible(page, "dialog", { name: "まもなく自動的にログアウトします" });
    await expect(dialog).toHaveAccessibleDescription(
      /操作がないため、あと2分(29|30)秒でログアウトします。続けて利用する場合は「延長」を押してください。/,
    );
    await expect(within(dialog).getByRole("button", { name: "延長" })).toBeEnabled();
    await expect(callsTo("auth.extendSession")).toHaveLength(0);
  },
};

/** 「延長」 asks the server to extend the session; the dialog closes and the page stays. */
export const ExtendKeepsTheSession: Story = {
  beforeEach: () => {
    left = [{ idleExpiresInMs: 2 * MINUTE, expiresInMs: TWELVE_HOURS }];
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const dialog = await findVisible(page, "dialog", { name: "まもなく自動的にログアウトします" });
    await userEvent.click(within(dialog).getByRole("button", { name: "延長" }));
    await waitFor(() => expect(dialog).not.toBeVisible());
    await expect(callsTo("auth.extendSession")).toHaveLength(1);
    await findVisible(page, "heading", { level: 1, name: "ホーム" });
    await expect(page.queryByText(AUTH_MESSAGES.sessionExpired)).toBeNull();
  },
};

/** By keyboard: Tab from the dialog's title reaches 「延長」, and Enter extends. */
export const ExtendByKeyboard: Story = {
  beforeEach: () => {
    left = [{ idleExpiresInMs: 2 * MINUTE, expiresInMs: TWELVE_HOURS }];
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const dialog = await findVisible(page, "dialog", { name: "まもなく自動的にログアウトします" });
    await userEvent.tab();
    await expect(within(dialog).getByRole("button", { name: "延長" })).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(dialog).not.toBeVisible());
    await expect(callsTo("auth.extendSession")).toHaveLength(1);
  },
};

/**
 * Nobody answers: at the end the server says the session is over, and the page
 * goes to the sign-in page with the reason (and will come back here after it).
 */
export const EndsWhenNobodyAnswers: Story = {
  beforeEach: () => {
    left = [{ idleExpiresInMs: 2_000, expiresInMs: TWELVE_HOURS }, null];
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await findVisible(page, "dialog", { name: "まもなく自動的にログアウトします" });
    await expect(
      await page.findByText(AUTH_MESSAGES.sessionExpired, {}, { timeout: 6000 }),
    ).toBeVisible();
    await findVisible(page, "button", { name: "ログイン" });
    await expect(callsTo("auth.extendSession")).toHaveLength(0);
    await expect(callsTo("auth.session").length).toBeGreaterThanOrEqual(2);
  },
};

/** 延長 too late (the session ended meanwhile): the server refuses, and sign-in follows. */
export const ExtendTooLate: Story = {
  args: {
    api: {
      auth: {
        session: sessionAnswers,
        extendSession: () => {
          throw new FixtureError(
            "UNAUTHORIZED",
            "ログインの有効期限が切れました。もう一度ログインしてください。",
            { domainCode: "UNAUTHENTICATED" },
          );
        },
      },
    },
  },
  beforeEach: () => {
    left = [{ idleExpiresInMs: 2 * MINUTE, expiresInMs: TWELVE_HOURS }];
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const dialog = await findVisible(page, "dialog", { name: "まもなく自動的にログアウトします" });
    await userEvent.click(within(dialog).getByRole("button", { name: "延長" }));
    await expect(await page.findByText(AUTH_MESSAGES.sessionExpired)).toBeVisible();
  },
};

/** A session with no idle end (an institution's trusted browser): no warning, ever. */
export const NoIdleEnd: Story = {
  beforeEach: () => {
    left = [{ idleExpiresInMs: null, expiresInMs: 2 * MINUTE }];
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await findVisible(page, "heading", { level: 1, name: "ホーム" });
    await waitFor(() => expect(callsTo("auth.session")).toHaveLength(1));
    await expect(page.queryByRole("dialog")).toBeNull();
  },
};
