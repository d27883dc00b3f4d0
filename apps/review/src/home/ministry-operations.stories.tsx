import { FixtureError } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { callsOf, countOf, inputsOf } from "../stories/calls";
import { MAINTENANCE_NEVER_SWITCHED, OPERATIONS_API } from "../stories/operations";
import { MINISTRY_USER } from "../stories/people";
import { PROGRESS } from "../stories/progress";
import { deadlines } from "../stories/round";
import { mergeApi, SCREEN_META } from "../stories/screen";
import { TARGET_LISTS } from "../stories/target-lists";

const MINISTRY_HOME_API = mergeApi(
  {
    review: {
      deadlines: () => deadlines(PROGRESS.totals.awaitingPrefecture),
      ministryProgress: () => PROGRESS,
    },
    targetList: { list: () => TARGET_LISTS },
  },
  OPERATIONS_API,
);

const REASON = "データベースのバックアップ取得のため";
/** Thursday 26 November 2026, 10:30 in Tokyo: the story's clock. */
const SWITCHED_AT = "2026-11-26T01:30:00.000Z";

const meta = {
  ...SCREEN_META,
  title: "画面/審査/ホーム/国の運用（メンテナンス・ログイン警告）",
  args: { path: "/", user: MINISTRY_USER, api: MINISTRY_HOME_API },
} satisfies Meta<typeof SCREEN_META.component>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The latest sign-in guessing alerts, newest first: when (Tokyo time), what kind
 * of target, which one, and how many attempts.
 */
export const SignInAlerts: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const table = await page.findByRole("table", { name: "最近の警告（新しい順、最大20件）" });
    const rows = within(table).getAllByRole("row").slice(1);
    await expect(rows.map((row) => row.textContent)).toEqual([
      "2026年11月26日（木）09:42接続元アドレス203.0.113.451,240回",
      "2026年11月25日（水）16:55ユーザー名tokyo-hp-yamada100回",
      "2026年11月24日（火）21:03ログイン済みのブラウザosaka-clinic-01112回",
    ]);
  },
};

/** No alert yet: the card says so. */
export const NoSignInAlerts: Story = {
  args: { api: mergeApi(MINISTRY_HOME_API, { operations: { signInAlerts: () => [] } }) },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(await page.findByText("最近の警告はありません。")).toBeVisible();
  },
};

/**
 * Turning maintenance on: the reason is required (the server's word is shown on
 * the field), then the switch is made, the card shows who and why, and the
 * banner every app shows appears on this page too.
 */
export const SwitchesReadOnlyOn: Story = {
  args: {
    // Read at each call: the story's server changes when the switch is made.
    live: (calls) => {
      const switched = () =>
        calls.some(
          (call) =>
            call.path === "operations.setReadOnly" &&
            (call.input as { reason: string }).reason === REASON,
        );
      const state = () =>
        switched()
          ? {
              readOnly: true,
              reason: REASON,
              changedAt: SWITCHED_AT,
              changedBy: { displayName: MINISTRY_USER.displayName },
              changedVia: "console" as const,
            }
          : MAINTENANCE_NEVER_SWITCHED;
      return {
        operations: {
          maintenance: () => state(),
          readOnlyStatus: () => ({
            readOnly: switched(),
            since: switched() ? SWITCHED_AT : null,
          }),
          setReadOnly: (input) => {
            if (input.reason.trim() === "") {
              throw new FixtureError("BAD_REQUEST", "入力内容に誤りがあります。", {
                domainCode: "INVALID_INPUT",
                fieldErrors: { reason: ["理由を入力してください"] },
              });
            }
            return { ...state(), changed: true };
          },
        },
      };
    },
  },
  play: async (context) => {
    const page = within(context.canvasElement);
    await expect(await page.findByText("通常どおり")).toBeVisible();
    await userEvent.click(page.getByRole("button", { name: "閲覧専用にする" }));
    await expect(await page.findByText("理由を入力してください")).toBeVisible();

    await userEvent.type(page.getByLabelText(/^閲覧専用にする理由/), REASON);
    await userEvent.click(page.getByRole("button", { name: "閲覧専用にする" }));
    await expect(
      await page.findByText("閲覧専用にしました。すべての画面で更新ができなくなっています。"),
    ).toBeVisible();
    await expect(await page.findByText("閲覧専用（更新はすべてお断りしています）")).toBeVisible();
    await expect(
      page.getByText(
        `最終変更 2026年11月26日（木）10:30（${MINISTRY_USER.displayName}）：${REASON}`,
      ),
    ).toBeVisible();
    await expect(await page.findByText("現在メンテナンスのため、閲覧のみ可能です。")).toBeVisible();
    await expect(page.getByRole("button", { name: "閲覧専用を解除する" })).toBeVisible();
    await expect(inputsOf(callsOf(context), "operations.setReadOnly")).toEqual([
      { readOnly: true, reason: "" },
      { readOnly: true, reason: REASON },
    ]);
    await expect(countOf(callsOf(context), "operations.maintenance")).toBeGreaterThan(1);
  },
};

/** Switched from the operators' command: the card names the command instead of a person. */
export const SwitchedByOperator: Story = {
  args: {
    api: mergeApi(MINISTRY_HOME_API, {
      operations: {
        maintenance: () => ({
          readOnly: true,
          reason: "サーバー移設",
          changedAt: SWITCHED_AT,
          changedBy: null,
          changedVia: "cli" as const,
        }),
        readOnlyStatus: () => ({ readOnly: true, since: SWITCHED_AT }),
      },
    }),
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(
      await page.findByText("最終変更 2026年11月26日（木）10:30（運用コマンド）：サーバー移設"),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "閲覧専用を解除する" })).toBeVisible();
    await expect(page.getByLabelText(/^解除する理由/)).toBeVisible();
  },
};
