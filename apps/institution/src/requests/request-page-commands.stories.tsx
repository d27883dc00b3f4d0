import { type ApiFixtures, FixtureError, findVisible, type Screen } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import type { SosRequestDetail } from "../api-types";
import { checkAndApply, openApplyDialog } from "../stories/apply-dialog";
import { inputsOf, LATE_NOTE, storedRecord, THIS_WEEK } from "../stories/fixtures";
import { homeSummary } from "../stories/home";
import { expectHeaderStatus } from "../stories/page-header";
import { purchaseLinkSent } from "../stories/purchases";
import {
  ACCEPTED_REQUEST,
  DRAFT_REQUEST,
  ERROR_REQUEST,
  LATE_REVIEWING_REQUEST,
  NOT_ELIGIBLE_REASON,
  NOT_ELIGIBLE_REASON_MESSAGE,
  REQUEST_ID,
  REVIEWING_REQUEST,
  WITHDRAWN_REQUEST,
} from "../stories/requests";
import { screenMeta } from "../stories/screen";
import { currentAnswered, THIS_WEEK_SURVEY_ID } from "../stories/surveys";

/** The request as the server holds it; a refused command may find it changed elsewhere. */
const stored = storedRecord<SosRequestDetail>(DRAFT_REQUEST);

const STALE_VERSION = new FixtureError(
  "CONFLICT",
  "他の担当者が先に更新しました。最新の内容を確認してください。",
  { domainCode: "STALE_VERSION" },
);

/** The story's server: sos reads `stored`; its commands succeed unless `sos` says otherwise. */
function server({ late = false, sos = {} }: { late?: boolean; sos?: ApiFixtures["sos"] } = {}) {
  return {
    sos: {
      get: stored.get,
      checkAndApply: () => ({
        outcome: "reviewing" as const,
        reasons: [],
        request: late ? LATE_REVIEWING_REQUEST : REVIEWING_REQUEST,
      }),
      withdraw: () => WITHDRAWN_REQUEST,
      ...sos,
    },
    home: {
      summary: () => homeSummary({ survey: currentAnswered(), request: stored.get(), late }),
    },
    institutionOrders: { forRequest: () => purchaseLinkSent(REQUEST_ID, THIS_WEEK.weekStart) },
  };
}

const meta = {
  title: "緊急配布要請/詳細（申請・取下げ）",
  ...screenMeta({ path: `/requests/${REQUEST_ID}`, api: server(), beforeEach: stored.reset }),
} satisfies Meta<typeof Screen>;

export default meta;
type Story = StoryObj<typeof meta>;

/** On a request with the prefecture, opens the confirmation of 「取下げ」. */
async function openWithdrawDialog(canvasElement: HTMLElement) {
  const page = within(canvasElement);
  await expectHeaderStatus(canvasElement, "都道府県・国確認中");
  await userEvent.click(page.getByRole("button", { name: "取下げ" }));
  return within(await page.findByRole("dialog", { name: "この要請を取り下げますか？" }));
}

/** The check passes: the request is with the prefecture, focus moves to the outcome. */
export const ApplyPasses: Story = {
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    const dialog = await openApplyDialog(canvasElement);
    await expect(
      dialog.getByText("今週（2026年11月25日（水）17:00締切の週）の週次調査に回答していること"),
    ).toBeVisible();
    await expect(dialog.queryByText(/締切を過ぎているため/)).toBeNull();
    await userEvent.click(dialog.getByRole("button", { name: "完了" }));

    const success = await page.findByText("申請しました（都道府県・国確認中）");
    await expect(success).toBeVisible();
    await expect(inputsOf(args.calls, "sos.checkAndApply")).toEqual([
      { id: REQUEST_ID, version: 1 },
    ]);
    await expectHeaderStatus(canvasElement, "都道府県・国確認中");
    await expect(page.queryByRole("dialog")).toBeNull();
    await waitFor(() => expect(success.closest(".inst-result")).toHaveFocus());
    const actions = within(page.getByRole("region", { name: "この要請の操作" }));
    await expect(actions.queryByRole("button", { name: "システムチェック&申請" })).toBeNull();
    await expect(actions.getByRole("button", { name: "取下げ" })).toBeVisible();
  },
};

/** Filed after Wednesday 17:00: the dialog warns first, and the outcome names the day. */
export const ApplyPassesAfterDeadline: Story = {
  args: { api: server({ late: true }) },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const dialog = await openApplyDialog(canvasElement);
    await expect(dialog.getByText(/水曜17時の締切を過ぎているため/)).toHaveTextContent(
      "水曜17時の締切を過ぎているため、翌営業日 2026年11月26日（木）以降の対応となります。",
    );
    await userEvent.click(dialog.getByRole("button", { name: "完了" }));
    await expect(await page.findByText(LATE_NOTE)).toBeVisible();
    await expectHeaderStatus(canvasElement, "都道府県・国確認中");
    // The outcome already says it; the standing notice waits for the next visit.
    await expect(page.queryByRole("region", { name: "締切後の申請です" })).toBeNull();
  },
};

/** The check fails: the reason in the server's words, the survey to fix, and filing again. */
export const ApplyFails: Story = {
  args: {
    api: server({
      sos: {
        checkAndApply: () => ({
          outcome: "error" as const,
          reasons: [NOT_ELIGIBLE_REASON],
          request: { ...ERROR_REQUEST, errorReasons: [NOT_ELIGIBLE_REASON] },
        }),
      },
    }),
  },
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    await checkAndApply(canvasElement);

    const result = await page.findByRole("alert");
    await expect(result).toHaveTextContent("システムチェックでエラーがありました（エラーあり）");
    await expect(result).toHaveTextContent(NOT_ELIGIBLE_REASON_MESSAGE);
    await expect(within(result).getByRole("link", { name: "週次調査を確認する" })).toHaveAttribute(
      "href",
      `/surveys/${THIS_WEEK_SURVEY_ID}`,
    );
    await expectHeaderStatus(canvasElement, "エラーあり");
    await expect(inputsOf(args.calls, "sos.checkAndApply")).toHaveLength(1);
    await expect(
      within(page.getByRole("region", { name: "この要請の操作" })).getByRole("button", {
        name: "システムチェック&申請",
      }),
    ).toBeVisible();
  },
};

/** The server refuses for a reason a retry may fix: the message stays in the dialog, nothing changes. */
export const ApplyRefusedInDialog: Story = {
  args: {
    api: server({
      sos: {
        checkAndApply: () => {
          throw new FixtureError(
            "TOO_MANY_REQUESTS",
            "アクセスが集中しています。しばらく時間をおいてから再度お試しください。",
          );
        },
      },
    }),
  },
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    const dialog = await checkAndApply(canvasElement);
    await expect(await dialog.findByRole("alert")).toHaveTextContent(
      "アクセスが集中しています。しばらく時間をおいてから再度お試しください。",
    );
    await expect(page.getByRole("dialog", { name: "システムチェック&申請" })).toBeVisible();

    await userEvent.click(dialog.getByRole("button", { name: "キャンセル" }));
    await waitFor(() => expect(page.queryByRole("dialog")).toBeNull());
    await expectHeaderStatus(canvasElement, "申請前");
    await expect(page.queryByText(/申請しました/)).toBeNull();
    await expect(inputsOf(args.calls, "sos.checkAndApply")).toHaveLength(1);
  },
};

/** A colleague filed it in another tab meanwhile: refused, and the page shows the new state. */
export const ApplyConflict: Story = {
  args: {
    api: server({
      sos: {
        checkAndApply: () => {
          stored.set(REVIEWING_REQUEST);
          throw STALE_VERSION;
        },
      },
    }),
  },
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    await checkAndApply(canvasElement);

    const alert = await page.findByRole("alert");
    await expect(alert).toHaveTextContent("システムチェック&申請を行えませんでした");
    await expect(alert).toHaveTextContent(
      "他の担当者が先に更新しました。最新の内容を確認してください。",
    );
    await expect(alert).toHaveTextContent("最新の内容を読み込みました。");
    await expect(page.queryByRole("dialog")).toBeNull();
    await expectHeaderStatus(canvasElement, "都道府県・国確認中");
    await expect(inputsOf(args.calls, "sos.get")).toHaveLength(2);
  },
};

/** Withdrawn while with the prefecture: confirmed first, and the prefecture is told by mail. */
export const Withdraw: Story = {
  beforeEach: () => stored.set(REVIEWING_REQUEST),
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    const dialog = await openWithdrawDialog(canvasElement);
    await expect(dialog.getByText(/取り下げると元に戻すことはできません。/)).toHaveTextContent(
      "都道府県の担当者にはメールで伝わります。",
    );
    await userEvent.click(dialog.getByRole("button", { name: "取り下げる" }));

    const done = await page.findByText("要請を取り下げました");
    await expect(done).toBeVisible();
    await expect(
      page.getByText("都道府県の担当者にも、取り下げたことがメールで伝わります。"),
    ).toBeVisible();
    await expect(inputsOf(args.calls, "sos.withdraw")).toEqual([{ id: REQUEST_ID, version: 2 }]);
    await expectHeaderStatus(canvasElement, "取下げ");
    await expect(page.queryByRole("region", { name: "この要請の操作" })).toBeNull();
    await expect(page.getByRole("region", { name: "この要請は編集できません" })).toBeVisible();
  },
};

/** The ministry approved it meanwhile: withdrawing is refused and the page shows it accepted. */
export const WithdrawRefusedAfterApproval: Story = {
  args: {
    api: server({
      sos: {
        withdraw: () => {
          stored.set(ACCEPTED_REQUEST);
          throw new FixtureError(
            "PRECONDITION_FAILED",
            "受付完了の要請は取り下げできません。取り下げが必要な場合は、都道府県の担当者にご連絡ください。",
            { domainCode: "INVALID_STATE" },
          );
        },
      },
    }),
  },
  beforeEach: () => stored.set(REVIEWING_REQUEST),
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    const dialog = await openWithdrawDialog(canvasElement);
    await userEvent.click(dialog.getByRole("button", { name: "取り下げる" }));

    await expectHeaderStatus(canvasElement, "受付完了");
    const alert = page.getAllByRole("alert")[0];
    await expect(alert).toHaveTextContent("取り下げできませんでした");
    await expect(alert).toHaveTextContent(
      "受付完了の要請は取り下げできません。取り下げが必要な場合は、都道府県の担当者にご連絡ください。",
    );
    await expect(page.queryByText("要請を取り下げました")).toBeNull();
    await findVisible(page, "region", { name: "購入・配送" });
    await expect(inputsOf(args.calls, "sos.withdraw")).toHaveLength(1);
  },
};
