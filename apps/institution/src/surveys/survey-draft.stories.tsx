import type { SurveyAnswerInput } from "@sos/domain";
import { findVisible, type Screen } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fireEvent, userEvent, waitFor, within } from "storybook/test";
import { draftStorageKey } from "../common/form-draft";
import { INSTITUTION_USER, inputsOf } from "../stories/fixtures";
import { homeSummary } from "../stories/home";
import { screenMeta } from "../stories/screen";
import { CURRENT_UNANSWERED, currentAnswered, THIS_WEEK_SURVEY_ID } from "../stories/surveys";

// Input that is never lost, 前週と同じ, and the survey by keyboard (issue 16 #2, #3).

const DRAFT_KEY = draftStorageKey(
  INSTITUTION_USER.id,
  INSTITUTION_USER.institutionId ?? "",
  "survey",
  THIS_WEEK_SURVEY_ID,
);

function saveAnswer({
  id: _id,
  idempotencyKey: _key,
  ...figures
}: SurveyAnswerInput & { id: string; idempotencyKey?: string | undefined }) {
  const saved = currentAnswered({
    stock: Number(figures.stock),
    consumption: Number(figures.consumption),
    purchases: Number(figures.purchases),
  });
  if (saved.latestReceipt === null) throw new Error("fixture: a saved answer has a receipt");
  return { ...saved, receipt: saved.latestReceipt };
}

function copyPrevious() {
  return saveAnswer({ id: THIS_WEEK_SURVEY_ID, stock: 2400, consumption: 1000, purchases: 500 });
}

const meta = {
  title: "週次調査/下書き・前週と同じ・キーボード",
  ...screenMeta({
    path: `/surveys/${THIS_WEEK_SURVEY_ID}`,
    api: { survey: { get: () => CURRENT_UNANSWERED, answer: saveAnswer, copyPrevious } },
  }),
} satisfies Meta<typeof Screen>;

export default meta;
type Story = StoryObj<typeof meta>;

function box(canvasElement: HTMLElement, name: RegExp) {
  return within(canvasElement).getByRole("textbox", { name });
}

function storeDraft(key: string, values: Record<string, string>) {
  localStorage.setItem(key, JSON.stringify({ savedAt: Date.now(), values }));
}

function storedDraft(key: string) {
  const raw = localStorage.getItem(key);
  return raw === null ? null : (JSON.parse(raw) as { values: unknown }).values;
}

/** What is typed is kept in this browser as it is typed, under the user's, institution's and week's key. */
export const KeepsWhatIsTyped: Story = {
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    await page.findByRole("textbox", { name: /在庫量/ });
    await userEvent.type(box(canvasElement, /在庫量/), "１，５００");
    await userEvent.type(box(canvasElement, /想定消費量/), "800");
    await waitFor(() =>
      expect(storedDraft(DRAFT_KEY)).toEqual({ stock: "1,500", consumption: "800", purchases: "" }),
    );
    await expect(inputsOf(args.calls, "survey.answer")).toEqual([]);
  },
};

/**
 * Back after the session ended and the user signed in again: the figures typed
 * before are in the boxes, with a note saying so; saving sends them and the draft goes.
 */
export const RestoredDraft: Story = {
  beforeEach: () => storeDraft(DRAFT_KEY, { stock: "1,500", consumption: "1000", purchases: "" }),
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    await expect(await page.findByText("保存されていない入力内容を復元しました")).toBeVisible();
    await expect(box(canvasElement, /在庫量/)).toHaveValue("1,500");
    await expect(box(canvasElement, /想定消費量/)).toHaveValue("1000");
    await expect(box(canvasElement, /購入見込み量/)).toHaveValue("");

    await userEvent.type(box(canvasElement, /購入見込み量/), "400");
    await userEvent.click(page.getByRole("button", { name: "保存" }));
    await expect(await page.findByText("週次調査の回答を保存しました。")).toBeVisible();
    await expect(inputsOf(args.calls, "survey.answer")).toMatchObject([
      { id: THIS_WEEK_SURVEY_ID, stock: 1500, consumption: 1000, purchases: 400 },
    ]);
    await expect(page.queryByText("保存されていない入力内容を復元しました")).toBeNull();
    await expect(localStorage.getItem(DRAFT_KEY)).toBeNull();
  },
};

/** 「復元した入力を破棄」: the boxes go back to what was saved (here, nothing), and the draft is gone. */
export const DiscardRestoredDraft: Story = {
  beforeEach: () => storeDraft(DRAFT_KEY, { stock: "1,500", consumption: "1000", purchases: "" }),
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    await userEvent.click(await findVisible(page, "button", { name: "復元した入力を破棄" }));
    const done = await page.findByText(
      "復元した入力内容を破棄しました。保存済みの内容を表示しています。",
    );
    await expect(done.closest('[role="status"]')).toHaveFocus();
    await expect(box(canvasElement, /在庫量/)).toHaveValue("");
    await expect(box(canvasElement, /想定消費量/)).toHaveValue("");
    await expect(localStorage.getItem(DRAFT_KEY)).toBeNull();
    await expect(inputsOf(args.calls, "survey.answer")).toEqual([]);
  },
};

/** On a shared PC, another account's draft of the same survey is never shown (nor removed). */
export const AnotherAccountsDraftStaysHidden: Story = {
  beforeEach: () =>
    storeDraft(
      draftStorageKey(
        "00000000-0000-4000-8000-0000000000aa",
        INSTITUTION_USER.institutionId ?? "",
        "survey",
        THIS_WEEK_SURVEY_ID,
      ),
      { stock: "9,999", consumption: "1", purchases: "1" },
    ),
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await page.findByRole("textbox", { name: /在庫量/ });
    await expect(box(canvasElement, /在庫量/)).toHaveValue("");
    await expect(page.queryByText("保存されていない入力内容を復元しました")).toBeNull();
    await expect(localStorage.length).toBe(1);
  },
};

/** A draft nobody came back to for more than 7 days is dropped, not shown. */
export const OldDraftDropped: Story = {
  beforeEach: () =>
    localStorage.setItem(
      DRAFT_KEY,
      JSON.stringify({
        savedAt: Date.now() - 8 * 24 * 60 * 60 * 1000,
        values: { stock: "1,500", consumption: "1000", purchases: "" },
      }),
    ),
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await page.findByRole("textbox", { name: /在庫量/ });
    await expect(box(canvasElement, /在庫量/)).toHaveValue("");
    await expect(page.queryByText("保存されていない入力内容を復元しました")).toBeNull();
    await expect(localStorage.getItem(DRAFT_KEY)).toBeNull();
  },
};

/**
 * 「前週と同じ」: last week's three figures in a confirmation, then one press saves
 * them as this week's answer (from home: 回答する, 前週と同じ, confirm — 3 steps).
 */
export const SameAsLastWeek: Story = {
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    const same = await findVisible(page, "button", { name: "前週と同じ" });
    await expect(same).toHaveAccessibleDescription(
      "2026年11月18日（水）17:00締切の週の回答：在庫量 2,400枚、1週間の想定消費量 1,000枚、1週間の購入見込み量 500枚。確認のあと、この週の回答として保存されます。",
    );
    await userEvent.click(same);
    const dialog = await findVisible(page, "dialog", { name: "前週と同じ数値で回答しますか" });
    const figures = within(dialog).getByRole("list", { name: "前週の回答" });
    await expect(figures).toHaveTextContent("① 在庫量2,400枚");
    await expect(figures).toHaveTextContent("② 1週間の想定消費量1,000枚");
    await expect(figures).toHaveTextContent("③ 1週間の購入見込み量500枚");
    await expect(inputsOf(args.calls, "survey.copyPrevious")).toEqual([]);

    await userEvent.click(within(dialog).getByRole("button", { name: "前週と同じで回答する" }));
    await expect(await page.findByText("前週と同じ数値で回答を保存しました。")).toBeVisible();
    await waitFor(() => expect(dialog).not.toBeVisible());
    await expect(inputsOf(args.calls, "survey.copyPrevious")).toMatchObject([
      { id: THIS_WEEK_SURVEY_ID },
    ]);
    await expect(box(canvasElement, /在庫量/)).toHaveValue("2,400");
    await expect(page.getByText("回答済み")).toBeVisible();
  },
};

/**
 * A returning institution whose figures did not change, from the home screen: three
 * interactions (週次調査に回答する, 前週と同じ, 前週と同じで回答する) and it is answered.
 */
export const ReturningInstitutionInThreeSteps: Story = {
  args: {
    path: "/",
    api: {
      home: { summary: () => homeSummary({}) },
      institutionOrders: { mine: () => [] },
      survey: { get: () => CURRENT_UNANSWERED, answer: saveAnswer, copyPrevious },
    },
  },
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    await userEvent.click(await findVisible(page, "link", { name: "週次調査に回答する" }));
    await userEvent.click(await findVisible(page, "button", { name: "前週と同じ" }));
    const dialog = await findVisible(page, "dialog", { name: "前週と同じ数値で回答しますか" });
    await userEvent.click(within(dialog).getByRole("button", { name: "前週と同じで回答する" }));
    await expect(await page.findByText("前週と同じ数値で回答を保存しました。")).toBeVisible();
    await expect(inputsOf(args.calls, "survey.copyPrevious")).toHaveLength(1);
    await expect(page.getByText("回答済み")).toBeVisible();
  },
};

/** 「キャンセル」 (or Esc) in the confirmation: nothing is saved and focus returns to the button. */
export const SameAsLastWeekCancelled: Story = {
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    const same = await findVisible(page, "button", { name: "前週と同じ" });
    await userEvent.click(same);
    const dialog = await findVisible(page, "dialog", { name: "前週と同じ数値で回答しますか" });
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(dialog).not.toBeVisible());
    await expect(same).toHaveFocus();
    await expect(inputsOf(args.calls, "survey.copyPrevious")).toEqual([]);
  },
};

/**
 * Enter in a box never submits: it moves to the next box, and from the last to
 * 「保存」, where Enter saves. The whole answer by keyboard alone.
 */
export const EnterMovesOnAndNeverSubmits: Story = {
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    await page.findByRole("textbox", { name: /在庫量/ });
    box(canvasElement, /在庫量/).focus();
    await userEvent.keyboard("2000{Enter}");
    await expect(box(canvasElement, /想定消費量/)).toHaveFocus();
    await userEvent.keyboard("1000{Enter}");
    await expect(box(canvasElement, /購入見込み量/)).toHaveFocus();
    await userEvent.keyboard("400{Enter}");
    await expect(page.getByRole("button", { name: "保存" })).toHaveFocus();
    await expect(inputsOf(args.calls, "survey.answer")).toEqual([]);
    await expect(page.queryByText("週次調査の回答を保存しました。")).toBeNull();

    await userEvent.keyboard("{Enter}");
    await expect(await page.findByText("週次調査の回答を保存しました。")).toBeVisible();
    await expect(inputsOf(args.calls, "survey.answer")).toMatchObject([
      { stock: 2000, consumption: 1000, purchases: 400 },
    ]);
  },
};

/** Enter in a box with half the figures typed: still nothing sent, and no error summary. */
export const EnterWithHalfTheFigures: Story = {
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    await page.findByRole("textbox", { name: /在庫量/ });
    await userEvent.type(box(canvasElement, /在庫量/), "2000{Enter}");
    await expect(box(canvasElement, /想定消費量/)).toHaveFocus();
    await expect(page.queryByRole("alert")).toBeNull();
    await expect(inputsOf(args.calls, "survey.answer")).toEqual([]);
  },
};

/** Enter that confirms a Japanese IME's conversion (「２０００」) stays in the box: it is the IME's. */
export const EnterConfirmingAnImeConversionStays: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const stock = await page.findByRole("textbox", { name: /在庫量/ });
    stock.focus();
    fireEvent.keyDown(stock, { key: "Enter", isComposing: true });
    await expect(stock).toHaveFocus();
    fireEvent.keyDown(stock, { key: "Enter" });
    await expect(box(canvasElement, /想定消費量/)).toHaveFocus();
  },
};

/** 前週と同じ by keyboard: Tab to it, Enter opens the confirmation, Tab and Enter answer. */
export const SameAsLastWeekByKeyboard: Story = {
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    const same = await findVisible(page, "button", { name: "前週と同じ" });
    same.focus();
    await userEvent.keyboard("{Enter}");
    const dialog = await findVisible(page, "dialog", { name: "前週と同じ数値で回答しますか" });
    await userEvent.tab();
    await expect(
      within(dialog).getByRole("button", { name: "前週と同じで回答する" }),
    ).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    await expect(await page.findByText("前週と同じ数値で回答を保存しました。")).toBeVisible();
    await expect(inputsOf(args.calls, "survey.copyPrevious")).toHaveLength(1);
  },
};
