import { CONDITIONS_NOT_CONFIRMED_MESSAGE, type SosRequestFormInput } from "@sos/domain";
import { type ApiFixtures, FixtureError, findVisible, type Screen } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import type { SosRequestDetail, SurveyDetail } from "../api-types";
import { checkAndApply } from "../stories/apply-dialog";
import { errorSummaryMessages } from "../stories/error-summary";
import { inputsOf, storedRecord } from "../stories/fixtures";
import { homeSummary } from "../stories/home";
import { expectHeaderStatus } from "../stories/page-header";
import { REQUEST_HISTORY } from "../stories/request-list";
import {
  DRAFT_REQUEST,
  ERROR_REQUEST,
  REQUEST_ID,
  REVIEWING_REQUEST,
  UNANSWERED_REASON_MESSAGE,
} from "../stories/requests";
import { screenMeta } from "../stories/screen";
import { CURRENT_UNANSWERED, currentAnswered, THIS_WEEK_SURVEY_ID } from "../stories/surveys";

/** What the server holds once saved, so the request page it leads to can read it. */
const stored = storedRecord<SosRequestDetail | null>(null);

const NOTES =
  "感染症病棟の増床で、ニトリル手袋の消費が通常の約3倍です。\n入荷は12月中旬の見込みです。";

interface ServerOptions {
  survey?: SurveyDetail;
  sos?: ApiFixtures["sos"];
}

/**
 * The story's server: sos.create stores the draft that sos.get then reads, this week's
 * summary holds `survey`, and `sos` replaces any of sos's procedures.
 */
function server({ survey = currentAnswered(), sos = {} }: ServerOptions = {}) {
  return {
    home: { summary: () => homeSummary({ survey, request: stored.get() }) },
    sos: {
      create: (form: SosRequestFormInput) => {
        const created: SosRequestDetail = {
          ...DRAFT_REQUEST,
          contactName: form.contactName,
          contactPhone: form.contactPhone ?? null,
          notes: form.notes ?? "",
        };
        stored.set(created);
        return created;
      },
      get: () => {
        const request = stored.get();
        if (request === null) throw new FixtureError("NOT_FOUND", "対象のデータが見つかりません。");
        return request;
      },
      list: () => ({ items: REQUEST_HISTORY, nextCursor: null }),
      ...sos,
    },
  };
}

const meta = {
  title: "緊急配布要請/作成",
  ...screenMeta({ path: "/requests/new", api: server(), beforeEach: stored.reset }),
} satisfies Meta<typeof Screen>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Fills the form as a Japanese IME types it: full-width space in the name, full-width phone. */
async function fillAndSave(canvasElement: HTMLElement) {
  const page = within(canvasElement);
  const form = within(await page.findByRole("form", { name: "緊急配布要請" }));
  await userEvent.type(form.getByRole("textbox", { name: /担当者氏名/ }), "山田　花子");
  await userEvent.type(form.getByRole("textbox", { name: /電話番号/ }), "０４２（６４５）１１１１");
  await userEvent.type(form.getByRole("textbox", { name: /備考/ }), NOTES);
  await userEvent.click(form.getByRole("checkbox", { name: /上記の緊急配布条件/ }));
  await userEvent.click(form.getByRole("button", { name: "保存" }));
}

const SAVED = {
  contactName: "山田　花子",
  contactPhone: "0426451111",
  notes: NOTES,
  conditionsConfirmed: true,
};

/** 保存 stores a draft and opens its page, which says filing is the next step. */
export const SaveDraft: Story = {
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    await findVisible(page, "heading", { level: 1, name: "緊急配布要請の作成" });
    await fillAndSave(canvasElement);

    await expectHeaderStatus(canvasElement, "申請前");
    await expect(inputsOf(args.calls, "sos.create")).toEqual([SAVED]);
    const flash = page.getByText("保存しました（申請前）。");
    await expect(flash).toBeVisible();
    await expect(
      page.getByText("まだ要請は完了していません。下の「システムチェック&申請」を行ってください。"),
    ).toBeVisible();
    const details = within(page.getByRole("region", { name: "要請内容" }));
    await expect(details.getByText("042-645-1111")).toBeVisible();
    await expect(details.getByText(/入荷は12月中旬の見込みです。/)).toBeVisible();
  },
};

/** Saved, then filed from its page: the system check passes. */
export const SaveThenApplyPasses: Story = {
  args: {
    api: server({
      sos: {
        checkAndApply: () => ({
          outcome: "reviewing" as const,
          reasons: [],
          request: REVIEWING_REQUEST,
        }),
      },
    }),
  },
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    await fillAndSave(canvasElement);
    await checkAndApply(canvasElement);

    await expect(await page.findByText("申請しました（都道府県・国確認中）")).toBeVisible();
    await expectHeaderStatus(canvasElement, "都道府県・国確認中");
    // The save's confirmation gives way to the outcome.
    await expect(page.queryByText("保存しました（申請前）。")).toBeNull();
    await expect(inputsOf(args.calls, "sos.checkAndApply")).toEqual([
      { id: REQUEST_ID, version: 1 },
    ]);
  },
};

/** Saved before answering the survey, then filed: the check fails and points to the survey. */
export const SaveThenApplyFails: Story = {
  args: {
    api: server({
      survey: CURRENT_UNANSWERED,
      sos: {
        checkAndApply: () => {
          const reason = {
            code: "survey_unanswered" as const,
            message: UNANSWERED_REASON_MESSAGE,
            surveyId: THIS_WEEK_SURVEY_ID,
          };
          return {
            outcome: "error" as const,
            reasons: [reason],
            request: { ...ERROR_REQUEST, errorReasons: [reason], check: null },
          };
        },
      },
    }),
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const notice = await page.findByRole("region", { name: "今週の週次調査が未回答です" });
    await expect(within(notice).getByRole("link", { name: "週次調査に回答する" })).toHaveAttribute(
      "href",
      `/surveys/${THIS_WEEK_SURVEY_ID}`,
    );
    await fillAndSave(canvasElement);
    await checkAndApply(canvasElement);

    const result = await page.findByRole("alert");
    await expect(result).toHaveTextContent("システムチェックでエラーがありました（エラーあり）");
    await expect(result).toHaveTextContent(UNANSWERED_REASON_MESSAGE);
    await expect(within(result).getByRole("link", { name: "週次調査を確認する" })).toBeVisible();
    await expectHeaderStatus(canvasElement, "エラーあり");
  },
};

/** Nothing typed right: every problem listed and at its field; nothing is sent. */
export const ValidationErrors: Story = {
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    const form = within(await page.findByRole("form", { name: "緊急配布要請" }));
    await userEvent.type(form.getByRole("textbox", { name: /担当者氏名/ }), "　　");
    await userEvent.type(form.getByRole("textbox", { name: /電話番号/ }), "０３ー１２３４");
    await userEvent.click(form.getByRole("button", { name: "保存" }));

    await expect(await errorSummaryMessages(canvasElement, 3)).toEqual([
      "担当者氏名を入力してください",
      "電話番号の桁数が正しくありません。市外局番から入力してください（例：03-5253-1111）",
      CONDITIONS_NOT_CONFIRMED_MESSAGE,
    ]);
    await expect(form.getByRole("checkbox", { name: /上記の緊急配布条件/ })).toHaveAttribute(
      "aria-invalid",
      "true",
    );
    await expect(inputsOf(args.calls, "sos.create")).toEqual([]);
    await expect(page.getByRole("heading", { level: 1, name: "緊急配布要請の作成" })).toBeVisible();
  },
};

/** The server refuses to save: its message on the form, what was typed kept, still on this page. */
export const SaveRefused: Story = {
  args: {
    api: server({
      sos: {
        create: () => {
          throw new FixtureError(
            "INTERNAL_SERVER_ERROR",
            "サーバーでエラーが発生しました。時間をおいて再度お試しください。",
          );
        },
      },
    }),
  },
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    await fillAndSave(canvasElement);
    await expect(await page.findByRole("alert")).toHaveTextContent(
      "サーバーでエラーが発生しました。時間をおいて再度お試しください。",
    );
    await expect(inputsOf(args.calls, "sos.create")).toHaveLength(1);
    await expect(page.getByRole("heading", { level: 1, name: "緊急配布要請の作成" })).toBeVisible();
    await expect(page.getByRole("textbox", { name: /担当者氏名/ })).toHaveValue("山田　花子");
    await expect(page.queryByText("保存しました（申請前）。")).toBeNull();
  },
};

/** A draft of this week already exists: the page offers it instead of a second one. */
export const UnfiledDraftExists: Story = {
  beforeEach: () => stored.set(DRAFT_REQUEST),
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const notice = await page.findByRole("region", { name: "まだ申請していない要請があります" });
    await expect(notice).toHaveTextContent("今週の要請（申請前）があります。");
    await expect(
      within(notice).getByRole("link", { name: "申請していない要請を見る" }),
    ).toHaveAttribute("href", `/requests/${REQUEST_ID}`);
    await expect(page.queryByRole("region", { name: "今週はすでに要請しています" })).toBeNull();
  },
};

/** Already filed this week: one request a week, so the page leads to editing that one. */
export const AlreadyRequestedThisWeek: Story = {
  beforeEach: () => stored.set(REVIEWING_REQUEST),
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const notice = await page.findByRole("region", { name: "今週はすでに要請しています" });
    await expect(notice).toHaveTextContent(
      "今週の要請（都道府県・国確認中）があります。同じ週に申請できる要請は1件です。",
    );
    await expect(within(notice).getByRole("link", { name: "今週の要請を見る" })).toHaveAttribute(
      "href",
      `/requests/${REQUEST_ID}`,
    );
  },
};

/** 「キャンセル」 goes back to the list without saving. */
export const Cancel: Story = {
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    const form = within(await page.findByRole("form", { name: "緊急配布要請" }));
    await userEvent.type(form.getByRole("textbox", { name: /担当者氏名/ }), "山田 花子");
    await userEvent.click(form.getByRole("button", { name: "キャンセル" }));
    await findVisible(page, "region", { name: "すべての一覧" });
    await expect(inputsOf(args.calls, "sos.create")).toEqual([]);
  },
};
