import type { SurveyAnswerInput } from "@sos/domain";
import { FixtureError, type Screen } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import type { SurveyDetail } from "../api-types";
import { errorSummaryMessages } from "../stories/error-summary";
import { inputsOf } from "../stories/fixtures";
import { screenMeta } from "../stories/screen";
import {
  CURRENT_UNANSWERED,
  currentAnswered,
  LARGE_FIGURES,
  LAST_WEEK_ANSWERED,
  NOT_ELIGIBLE_FIGURES,
  THIS_WEEK_SURVEY_ID,
} from "../stories/surveys";

/** What saving returns: the survey as saved and the answer's receipt. */
function withReceipt(saved: SurveyDetail) {
  if (saved.latestReceipt === null) throw new Error("fixture: a saved answer has a receipt");
  return { ...saved, receipt: saved.latestReceipt };
}

/** survey.answer as the server does it: the figures saved, answered by the signed-in user. */
function saveAnswer({
  id: _id,
  idempotencyKey: _key,
  ...figures
}: SurveyAnswerInput & { id: string; idempotencyKey?: string | undefined }) {
  return withReceipt(
    currentAnswered({
      stock: Number(figures.stock),
      consumption: Number(figures.consumption),
      purchases: Number(figures.purchases),
    }),
  );
}

/** The calls' inputs without the random idempotency key (checked on its own). */
function answersSent(calls: Parameters<typeof inputsOf>[0], path: string) {
  return inputsOf(calls, path).map((input) => {
    const { idempotencyKey, ...rest } = input as { idempotencyKey?: unknown };
    expect(idempotencyKey).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    return rest;
  });
}

const meta = {
  title: "週次調査/回答",
  ...screenMeta({
    path: `/surveys/${THIS_WEEK_SURVEY_ID}`,
    api: { survey: { get: () => CURRENT_UNANSWERED, answer: saveAnswer } },
  }),
} satisfies Meta<typeof Screen>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The page once the survey has arrived (the title is there while it loads). */
async function loaded(canvasElement: HTMLElement) {
  const page = within(canvasElement);
  await page.findByRole("textbox", { name: /在庫量/ });
  return page;
}

function box(canvasElement: HTMLElement, name: RegExp) {
  return within(canvasElement).getByRole("textbox", { name });
}

/** Types the three figures into their boxes, exactly as given (full-width digits and all). */
async function typeFigures(
  canvasElement: HTMLElement,
  figures: { stock: string; consumption: string; purchases: string },
) {
  await userEvent.type(box(canvasElement, /在庫量/), figures.stock);
  await userEvent.type(box(canvasElement, /想定消費量/), figures.consumption);
  await userEvent.type(box(canvasElement, /購入見込み量/), figures.purchases);
}

function verdict(canvasElement: HTMLElement) {
  return within(canvasElement).getByRole("region", { name: "この回答での自己チェック" });
}

/** This week, unanswered: 「２，０００」 typed on a Japanese IME is saved as 2000. */
export const AnswerWithFullWidthDigits: Story = {
  play: async ({ args, canvasElement }) => {
    const page = await loaded(canvasElement);
    await expect(page.getByRole("heading", { level: 1, name: "週次調査" })).toBeVisible();
    await expect(page.getByText("2026年11月25日（水）17:00締切の週（今週）")).toBeVisible();
    await expect(page.getByText("未回答")).toBeVisible();
    await expect(page.getByText("医療用手袋の3つの数値を、枚数で回答してください。")).toBeVisible();

    await typeFigures(canvasElement, {
      stock: "２，０００",
      consumption: "１０００",
      purchases: "４００枚",
    });
    await expect(verdict(canvasElement)).toHaveAttribute("data-verdict", "eligible");
    await expect(within(verdict(canvasElement)).getByText("2セット（2,000枚）")).toBeVisible();

    await userEvent.click(page.getByRole("button", { name: "保存" }));
    await expect(await page.findByText("週次調査の回答を保存しました。")).toBeVisible();
    await expect(answersSent(args.calls, "survey.answer")).toEqual([
      { id: THIS_WEEK_SURVEY_ID, stock: 2000, consumption: 1000, purchases: 400 },
    ]);
    // The page now shows the saved answer: answered, by whom, its receipt, and the way on.
    await expect(page.getByText("回答済み")).toBeVisible();
    await expect(page.getByText("2026年11月19日（木）10:15に回答（山田 花子）")).toBeVisible();
    await expect(page.getByText("20261118-0000123")).toBeVisible();
    await expect(page.getByText("（2026年11月19日（木）10:15受付）")).toBeVisible();
    await expect(box(canvasElement, /在庫量/)).toHaveValue("2,000");
    await expect(page.getByRole("link", { name: "緊急配布要請へ" })).toHaveAttribute(
      "href",
      "/requests",
    );
  },
};

/** Negative, fractional, missing and absurd figures are refused at the field; nothing is sent. */
export const ValidationErrors: Story = {
  play: async ({ args, canvasElement }) => {
    const page = await loaded(canvasElement);
    await userEvent.type(box(canvasElement, /在庫量/), "－１００");
    await userEvent.type(box(canvasElement, /想定消費量/), "１２．５");
    await userEvent.click(page.getByRole("button", { name: "保存" }));

    await expect(await errorSummaryMessages(canvasElement, 3)).toEqual([
      "在庫量：0以上の整数で入力してください",
      "1週間の想定消費量：0以上の整数で入力してください",
      "1週間の購入見込み量を入力してください",
    ]);
    await expect(box(canvasElement, /在庫量/)).toHaveAttribute("aria-invalid", "true");
    await expect(verdict(canvasElement)).toHaveAttribute("data-verdict", "pending");

    await userEvent.type(box(canvasElement, /購入見込み量/), "99,999,999");
    await userEvent.tab();
    await expect(box(canvasElement, /購入見込み量/)).toHaveAccessibleDescription(
      /数値が大きすぎます（上限 10,000,000 枚）/,
    );
    await expect(inputsOf(args.calls, "survey.answer")).toEqual([]);
    await expect(page.getByText("未回答")).toBeVisible();
  },
};

/** 「前週と同じ」 saves last week's figures on the server once they are confirmed. */
export const CopyPreviousWeek: Story = {
  args: {
    api: {
      survey: {
        get: () => CURRENT_UNANSWERED,
        copyPrevious: () =>
          withReceipt(currentAnswered({ stock: 2400, consumption: 1000, purchases: 500 })),
      },
    },
  },
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    const copy = await page.findByRole("button", { name: "前週と同じ" });
    await expect(copy).toHaveAccessibleDescription(
      "2026年11月18日（水）17:00締切の週の回答：在庫量 2,400枚、1週間の想定消費量 1,000枚、1週間の購入見込み量 500枚。確認のあと、この週の回答として保存されます。",
    );
    await userEvent.click(copy);
    await userEvent.click(await page.findByRole("button", { name: "前週と同じで回答する" }));
    await expect(await page.findByText("前週と同じ数値で回答を保存しました。")).toBeVisible();
    await expect(answersSent(args.calls, "survey.copyPrevious")).toEqual([
      { id: THIS_WEEK_SURVEY_ID },
    ]);
    await expect(box(canvasElement, /在庫量/)).toHaveValue("2,400");
    await expect(box(canvasElement, /購入見込み量/)).toHaveValue("500");
    // (1,000 − 500) × 4 = 2,000 is not above 2,400.
    await expect(verdict(canvasElement)).toHaveAttribute("data-verdict", "not-eligible");
    await expect(page.getByText("回答済み")).toBeVisible();
  },
};

/** Answered this week: the boxes start from the answer, and saving updates it. */
export const EditAnswered: Story = {
  args: {
    api: { survey: { get: () => currentAnswered(), answer: saveAnswer } },
  },
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    await expect(
      await page.findByText("回答済みです。数値を変更して「保存」すると、回答を更新できます。"),
    ).toBeVisible();
    const stock = box(canvasElement, /在庫量/);
    await expect(stock).toHaveValue("2,000");
    await expect(verdict(canvasElement)).toHaveAttribute("data-verdict", "eligible");

    await userEvent.clear(stock);
    await userEvent.type(stock, "３０００");
    await expect(verdict(canvasElement)).toHaveAttribute("data-verdict", "not-eligible");
    await userEvent.click(page.getByRole("button", { name: "保存" }));
    await expect(await page.findByText("週次調査の回答を保存しました。")).toBeVisible();
    await expect(answersSent(args.calls, "survey.answer")).toEqual([
      { id: THIS_WEEK_SURVEY_ID, ...NOT_ELIGIBLE_FIGURES },
    ]);
    await expect(stock).toHaveValue("3,000");
  },
};

/** A large hospital group's answer: digit grouping in the boxes and a 1,250-set limit. */
export const LargeNumbers: Story = {
  args: {
    api: { survey: { get: () => currentAnswered(LARGE_FIGURES), answer: saveAnswer } },
  },
  play: async ({ canvasElement }) => {
    await loaded(canvasElement);
    await expect(box(canvasElement, /在庫量/)).toHaveValue("1,800,000");
    await expect(box(canvasElement, /想定消費量/)).toHaveValue("625,000");
    await expect(box(canvasElement, /購入見込み量/)).toHaveValue("100,000");
    await expect(
      within(verdict(canvasElement)).getByText("1,250セット（1,250,000枚）"),
    ).toBeVisible();
  },
};

/** Last week's answer: shown without boxes, with the reason it cannot be edited. */
export const ReadOnlyPastWeek: Story = {
  args: {
    path: `/surveys/${LAST_WEEK_ANSWERED.id}`,
    api: { survey: { get: () => LAST_WEEK_ANSWERED } },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const notice = await page.findByRole("region", { name: "この回答は編集できません" });
    await expect(notice).toHaveTextContent(
      "この週次調査（2026年11月18日（水）17:00締切の週）は回答期間が終わったため、編集できません。今週の週次調査に回答してください。",
    );
    await expect(page.getByText("2026年11月18日（水）17:00締切の週")).toBeVisible();
    await expect(page.queryByText(/（今週）/)).toBeNull();
    await expect(page.getByText("2026年11月12日（木）09:30に回答（佐藤 一郎）")).toBeVisible();
    await expect(page.getByText("2,400枚")).toBeVisible();
    await expect(page.getByText("500枚")).toBeVisible();
    await expect(page.queryByRole("textbox")).toBeNull();
    await expect(page.queryByRole("button", { name: "保存" })).toBeNull();
    await expect(page.queryByRole("link", { name: "緊急配布要請へ" })).toBeNull();
  },
};

/** The server fails to save: its message shows, and what was typed stays unsaved. */
export const SaveRefused: Story = {
  args: {
    api: {
      survey: {
        get: () => CURRENT_UNANSWERED,
        answer: () => {
          throw new FixtureError(
            "INTERNAL_SERVER_ERROR",
            "サーバーでエラーが発生しました。時間をおいて再度お試しください。",
          );
        },
      },
    },
  },
  play: async ({ args, canvasElement }) => {
    const page = await loaded(canvasElement);
    await typeFigures(canvasElement, {
      stock: "２，０００",
      consumption: "1000",
      purchases: "400",
    });
    await userEvent.click(page.getByRole("button", { name: "保存" }));

    await expect(await page.findByRole("alert")).toHaveTextContent(
      "サーバーでエラーが発生しました。時間をおいて再度お試しください。",
    );
    await expect(inputsOf(args.calls, "survey.answer")).toHaveLength(1);
    await expect(page.getByText("未回答")).toBeVisible();
    await expect(page.queryByText("週次調査の回答を保存しました。")).toBeNull();
    await expect(box(canvasElement, /在庫量/)).toHaveValue("2,000");
  },
};

let closed = false;
const WEEK_CLOSED_MESSAGE = `この週次調査（${CURRENT_UNANSWERED.title}）は回答期間が終わったため、編集できません。今週の週次調査に回答してください。`;

/** The week closed (Wednesday 18:35) while the page was open: refused, then shown read-only. */
export const WeekClosedWhileOpen: Story = {
  args: {
    api: {
      survey: {
        get: () =>
          closed
            ? {
                ...CURRENT_UNANSWERED,
                isCurrent: false,
                editable: false,
                readOnlyReason: WEEK_CLOSED_MESSAGE,
              }
            : CURRENT_UNANSWERED,
        answer: () => {
          closed = true;
          throw new FixtureError("PRECONDITION_FAILED", WEEK_CLOSED_MESSAGE);
        },
      },
    },
  },
  beforeEach: () => {
    closed = false;
  },
  play: async ({ args, canvasElement }) => {
    const page = await loaded(canvasElement);
    await typeFigures(canvasElement, { stock: "2000", consumption: "1000", purchases: "400" });
    await userEvent.click(page.getByRole("button", { name: "保存" }));

    const notice = await page.findByRole("region", { name: "この回答は編集できません" });
    await expect(notice).toHaveTextContent(WEEK_CLOSED_MESSAGE);
    await expect(page.queryByRole("textbox")).toBeNull();
    // Nothing was saved: the status and each of the three figures read 未回答.
    await expect(page.getAllByText("未回答")).toHaveLength(4);
    await waitFor(() => expect(inputsOf(args.calls, "survey.get")).toHaveLength(2));
  },
};

/** Another institution's survey, or a wrong address: no retry, only the way back. */
export const NotFound: Story = {
  args: {
    path: "/surveys/00000000-0000-4000-8000-000000000000",
    api: {
      survey: {
        get: () => {
          throw new FixtureError("NOT_FOUND", "週次調査が見つかりません。");
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const alert = await page.findByRole("alert");
    await expect(alert).toHaveTextContent("週次調査を表示できませんでした");
    await expect(alert).toHaveTextContent("週次調査が見つかりません。");
    await expect(page.queryByRole("button", { name: "再読み込み" })).toBeNull();
    await expect(page.getByRole("link", { name: "週次調査の一覧へ戻る" })).toHaveAttribute(
      "href",
      "/surveys",
    );
  },
};

let busy = true;

/**
 * 混雑 (503): the message shows; pressing 保存 again sends the same submission
 * with the same idempotency key, so the server saves it once, and the receipt shows.
 */
export const BusyThenSavedWithTheSameKey: Story = {
  args: {
    api: {
      survey: {
        get: () => CURRENT_UNANSWERED,
        answer: (input) => {
          if (busy) {
            busy = false;
            throw new FixtureError(
              "SERVICE_UNAVAILABLE",
              "混雑しています。しばらくしてから再度お試しください。",
            );
          }
          return saveAnswer(input);
        },
      },
    },
  },
  beforeEach: () => {
    busy = true;
  },
  play: async ({ args, canvasElement }) => {
    const page = await loaded(canvasElement);
    await typeFigures(canvasElement, { stock: "２０００", consumption: "1,000", purchases: "400" });
    await userEvent.click(page.getByRole("button", { name: "保存" }));
    await expect(await page.findByRole("alert")).toHaveTextContent(
      "混雑しています。しばらくしてから再度お試しください。",
    );
    await expect(box(canvasElement, /在庫量/)).toHaveValue("2000");

    await userEvent.click(page.getByRole("button", { name: "保存" }));
    await expect(await page.findByText("週次調査の回答を保存しました。")).toBeVisible();
    const [first, second] = inputsOf(args.calls, "survey.answer") as Array<{
      idempotencyKey: string;
    }>;
    await expect(second?.idempotencyKey).toBe(first?.idempotencyKey);
    await expect(answersSent(args.calls, "survey.answer")).toHaveLength(2);
    await expect(page.getByText("20261118-0000123")).toBeVisible();
  },
};
