import { type ApiFixtures, type FixtureCall, FixtureError, findVisible } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import {
  ALLOCATION_WEEK,
  allocationPreview,
  allocationWeek,
  INPUT_SHA,
  RUNS,
  replayOf,
} from "../stories/allocation";
import { callsOf, countOf, inputsOf } from "../stories/calls";
import { expectMinistryOnly } from "../stories/denied";
import { MINISTRY_USER, PREFECTURE_USER } from "../stories/people";
import { SCREEN_META } from "../stories/screen";

const READ_ONLY =
  "現在メンテナンスのため、閲覧のみ可能です。登録・変更・送信はできません。メンテナンスの終了後に、もう一度お試しください。";

const meta = {
  ...SCREEN_META,
  title: "画面/審査/供給不足時の割当",
  args: {
    path: "/allocation",
    user: MINISTRY_USER,
    // The week is committed once the story has committed it.
    live: (calls: readonly FixtureCall[]): ApiFixtures => ({
      allocation: {
        week: () => allocationWeek(countOf(calls, "allocation.commit") > 0),
        stateSupply: () => allocationWeek(),
        preview: allocationPreview,
        commit: () => ({ runId: "6f1d3c9e-2b7a-4c1e-9d3f-0a1b2c3d4e5f", alreadyCommitted: false }),
        runs: () => RUNS,
        replay: () => replayOf(true),
      },
    }),
  },
} satisfies Meta<typeof SCREEN_META.component>;

export default meta;
type Story = StoryObj<typeof meta>;
type Page = ReturnType<typeof within>;

async function preview(page: Page) {
  await userEvent.click(await page.findByRole("button", { name: "プレビューする" }));
  return page.findByRole("region", { name: "プレビューの結果" });
}

/**
 * The closed week: supply typed in full-width digits and saved; the preview's
 * totals per size and tier, fill rates per prefecture and their spread; confirm
 * → commit of exactly the previewed input; the week then reads as committed.
 */
export const SupplyPreviewCommit: Story = {
  play: async (context) => {
    const page = within(context.canvasElement);
    await findVisible(page, "heading", { level: 1, name: "供給不足時の割当" });
    const m = await page.findByRole("textbox", { name: /Mサイズの供給/ });
    await expect(m).toHaveValue("100");
    await userEvent.clear(m);
    await userEvent.type(m, "１２０");
    await userEvent.click(page.getByRole("button", { name: "供給量を保存" }));
    await expect(await page.findByText("供給量を保存しました。")).toBeVisible();
    await expect(inputsOf(callsOf(context), "allocation.stateSupply")).toEqual([
      { weekStart: ALLOCATION_WEEK, size: "M", sets: 120 },
    ]);

    const result = within(await preview(page));
    await expect(inputsOf(callsOf(context), "allocation.preview")).toEqual([
      {
        weekStart: ALLOCATION_WEEK,
        parameters: {
          thresholdWeeks: 4,
          coverBandsWeeks: [1, 2],
          tierOrder: ["supply_agreement", "weeks_of_cover"],
        },
      },
    ]);
    await expect(result.getByText("不足のためルールで配分")).toBeVisible();
    const tiers = within(result.getByRole("table", { name: "順位（ティア）別の充足率" }));
    await expect(
      tiers.getByRole("row", { name: /第2順位 協定あり・在庫2週未満 6件 80セット 40セット 50%/ }),
    ).toBeVisible();
    const prefectures = within(result.getByRole("table", { name: "都道府県別の充足率" }));
    await expect(
      prefectures.getByRole("row", { name: /大阪府 18件 240セット 150セット 62.5%/ }),
    ).toBeVisible();
    await expect(result.getByText("1.44倍")).toBeVisible();
    await expect(result.queryByRole("textbox", { name: /パラメータを変更する理由/ })).toBeNull();

    await userEvent.click(result.getByRole("button", { name: "この内容で確定する" }));
    const dialog = within(await page.findByRole("dialog", { name: "割当を確定しますか" }));
    await userEvent.click(dialog.getByRole("button", { name: "確定する" }));
    await expect(await page.findByText("この週の割当は確定済みです")).toBeVisible();
    await expect(inputsOf(callsOf(context), "allocation.commit")).toEqual([
      {
        weekStart: ALLOCATION_WEEK,
        parameters: {
          thresholdWeeks: 4,
          coverBandsWeeks: [1, 2],
          tierOrder: ["supply_agreement", "weeks_of_cover"],
        },
        reason: "",
        inputSha256: INPUT_SHA,
      },
    ]);
    await expect(page.queryByRole("button", { name: "供給量を保存" })).toBeNull();
    await expect(page.queryByRole("button", { name: "プレビューする" })).toBeNull();
  },
};

/** Parameters changed from the defaults: the preview says so, and no commit without a reason. */
export const ChangedParametersNeedAReason: Story = {
  play: async (context) => {
    const page = within(context.canvasElement);
    const threshold = await page.findByRole("textbox", { name: /基準週数/ });
    await userEvent.clear(threshold);
    await userEvent.type(threshold, "６");
    await userEvent.selectOptions(
      page.getByRole("combobox", { name: "順位の基準" }),
      "在庫週数のみ",
    );
    const result = within(await preview(page));
    await expect(inputsOf(callsOf(context), "allocation.preview")).toEqual([
      {
        weekStart: ALLOCATION_WEEK,
        parameters: { thresholdWeeks: 6, coverBandsWeeks: [1, 2], tierOrder: ["weeks_of_cover"] },
      },
    ]);
    await expect(result.getByText(/パラメータを既定値から変更しています/)).toBeVisible();
    await userEvent.click(result.getByRole("button", { name: "この内容で確定する" }));
    await expect(await result.findByText("変更の理由を入力してください")).toBeVisible();
    await expect(page.queryByRole("dialog")).toBeNull();
    await userEvent.type(
      result.getByRole("textbox", { name: /パラメータを変更する理由/ }),
      "供給見通しの悪化のため",
    );
    await userEvent.click(result.getByRole("button", { name: "この内容で確定する" }));
    const dialog = within(await page.findByRole("dialog", { name: "割当を確定しますか" }));
    await userEvent.click(dialog.getByRole("button", { name: "確定する" }));
    await waitFor(() => expect(countOf(callsOf(context), "allocation.commit")).toBe(1));
    await expect(inputsOf(callsOf(context), "allocation.commit")[0]).toMatchObject({
      reason: "供給見通しの悪化のため",
      parameters: { thresholdWeeks: 6 },
    });
  },
};

/** Typing mistakes are caught on the page: nothing is sent. */
export const BadInput: Story = {
  play: async (context) => {
    const page = within(context.canvasElement);
    const m = await page.findByRole("textbox", { name: /Mサイズの供給/ });
    await userEvent.clear(m);
    await userEvent.type(m, "3000枚");
    await userEvent.click(page.getByRole("button", { name: "供給量を保存" }));
    await expect(
      await page.findByText(
        "数量はセット単位で入力してください（1セット＝1,000枚。枚数ではありません）",
      ),
    ).toBeVisible();
    const bands = page.getByRole("textbox", { name: /在庫週数の帯/ });
    await userEvent.clear(bands);
    await userEvent.type(bands, "2、1");
    await userEvent.click(page.getByRole("button", { name: "プレビューする" }));
    await expect(await page.findByText(/在庫週数の帯は1〜52の整数を小さい順に/)).toBeVisible();
    await expect(countOf(callsOf(context), "allocation.stateSupply")).toBe(0);
    await expect(countOf(callsOf(context), "allocation.preview")).toBe(0);
  },
};

/** The supply or the requests changed after the preview: the server's words in the dialog, no run. */
export const StalePreviewRefused: Story = {
  args: {
    live: () => ({
      allocation: {
        week: () => allocationWeek(false),
        preview: allocationPreview,
        runs: () => RUNS,
        commit: () => {
          throw new FixtureError(
            "CONFLICT",
            "プレビューの後に供給量または要請が変わりました。もう一度プレビューして確認してから確定してください。",
          );
        },
        replay: () => replayOf(true),
      },
    }),
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const result = within(await preview(page));
    await userEvent.click(result.getByRole("button", { name: "この内容で確定する" }));
    const dialog = within(await page.findByRole("dialog", { name: "割当を確定しますか" }));
    await userEvent.click(dialog.getByRole("button", { name: "確定する" }));
    await expect(
      await dialog.findByText(/もう一度プレビューして確認してから確定してください/),
    ).toBeVisible();
    await expect(page.queryByText("この週の割当は確定済みです")).toBeNull();
  },
};

/** Maintenance (read-only mode): the supply is not saved, and the page says why. */
export const ReadOnlyModeRefusesSave: Story = {
  args: {
    live: () => ({
      allocation: {
        week: () => allocationWeek(false),
        runs: () => RUNS,
        stateSupply: () => {
          throw new FixtureError("SERVICE_UNAVAILABLE", READ_ONLY);
        },
      },
    }),
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const l = await page.findByRole("textbox", { name: /Lサイズの供給/ });
    await userEvent.type(l, "50");
    await userEvent.click(page.getByRole("button", { name: "供給量を保存" }));
    await expect(await page.findByText("保存できませんでした")).toBeVisible();
    await expect(page.getByText(READ_ONLY)).toBeVisible();
  },
};

/** A committed week is read only: the supply shown but not editable, no preview, the seed revealed. */
export const CommittedWeekReadOnly: Story = {
  args: {
    live: () => ({
      allocation: {
        week: () => allocationWeek(true),
        runs: () => RUNS,
        replay: () => replayOf(true),
      },
    }),
  },
  play: async (context) => {
    const page = within(context.canvasElement);
    await expect(await page.findByText("この週の割当は確定済みです")).toBeVisible();
    await expect(page.getByRole("textbox", { name: /Mサイズの供給/ })).toBeDisabled();
    await expect(page.queryByRole("button", { name: "供給量を保存" })).toBeNull();
    await expect(page.queryByRole("button", { name: "プレビューする" })).toBeNull();
    await expect(page.getByText("b".repeat(64))).toBeVisible();
  },
};

/** A past run re-run from its recorded input: byte-identical, with its figures. */
export const ReplayIdentical: Story = {
  play: async (context) => {
    const page = within(context.canvasElement);
    await userEvent.click(
      await page.findByRole("button", {
        name: "2026年11月18日（水）17:00締切の週の割当を再計算して確かめる",
      }),
    );
    const region = within(await page.findByRole("region", { name: "再計算の結果" }));
    await expect(region.getByText("記録した結果とバイト単位で一致しました")).toBeVisible();
    await expect(inputsOf(callsOf(context), "allocation.replay")).toEqual([{ runId: RUNS[0]?.id }]);
  },
};

/** A run whose record does not replay: both hashes shown, and whom to tell. */
export const ReplayMismatch: Story = {
  args: {
    live: () => ({
      allocation: {
        week: () => allocationWeek(false),
        runs: () => RUNS,
        replay: () => replayOf(false),
      },
    }),
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await userEvent.click(
      await page.findByRole("button", { name: /の週の割当を再計算して確かめる$/ }),
    );
    await expect(await page.findByText("記録した結果と一致しません")).toBeVisible();
    await expect(page.getByText("d".repeat(64))).toBeVisible();
  },
};

/** A prefecture officer at the address: told it is the ministry's page, nothing asked. */
export const PrefectureDenied: Story = {
  args: { user: PREFECTURE_USER },
  play: async (context) => {
    await expectMinistryOnly(context.canvasElement, "供給不足時の割当", callsOf(context));
  },
};
