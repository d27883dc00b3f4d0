import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { FIX_SURVEY_LINK_TEXT, SystemCheckResult } from "./system-check-result";

const SURVEY_ID = "7d1f4c2e-5b6a-4c1d-9e8f-0a1b2c3d4e5f";

const meta = {
  title: "医療機関/SystemCheckResult",
  component: SystemCheckResult,
  args: { outcome: "reviewing", surveyHref: (id: string) => `/surveys/${id}` },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "375px" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof SystemCheckResult>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Passed: Story = {
  play: async ({ canvas }) => {
    const status = canvas.getByRole("status");
    await expect(status).toHaveTextContent(/^完了：申請しました（都道府県・国確認中）/);
    await expect(status).toHaveTextContent(/要請は配布の決定ではありません/);
    await expect(canvas.queryByText(/以降の対応となります/)).toBeNull();
  },
};

export const PassedAfterTheDeadline: Story = {
  args: { late: true, handleFrom: "2026-12-03" },
  play: async ({ canvas }) => {
    await expect(
      canvas.getByText("水曜17時の締切後の申請のため、2026年12月3日（木）以降の対応となります。"),
    ).toBeVisible();
  },
};

export const FailedOnTheSurvey: Story = {
  args: {
    outcome: "error",
    reasons: [
      {
        code: "survey_not_eligible",
        message:
          "週次調査の回答が緊急配布の条件を満たしていません。在庫量 3,000枚 が（1週間の想定消費量 1,000枚 − 1週間の購入見込み量 400枚）× 4 ＝ 2,400枚 を下回っていません。回答内容が正しいか確認してください。",
        surveyId: SURVEY_ID,
      },
      {
        code: "open_request_exists",
        message:
          "同じ週に申請中の要請があります。都道府県・国確認中または受付完了の要請は、1週につき1件までです。",
        surveyId: null,
      },
    ],
  },
  play: async ({ canvas, canvasElement }) => {
    const alert = canvas.getByRole("alert");
    await expect(alert).toHaveTextContent(
      /^エラー：システムチェックでエラーがありました（エラーあり）/,
    );
    const reasons = within(alert).getAllByRole("listitem");
    await expect(reasons).toHaveLength(2);
    await expect(reasons[0]).toHaveTextContent(/下回っていません/);
    // Only the reason about the survey carries the way to fix it.
    const link = within(reasons[0] as HTMLElement).getByRole("link", {
      name: FIX_SURVEY_LINK_TEXT,
    });
    await expect(link).toHaveAttribute("href", `/surveys/${SURVEY_ID}`);
    await expect(link.getBoundingClientRect().height).toBeGreaterThanOrEqual(44);
    await expect(within(reasons[1] as HTMLElement).queryByRole("link")).toBeNull();
    await expect(canvasElement.scrollWidth).toBeLessThanOrEqual(canvasElement.clientWidth);
  },
};

/** A router's link replaces the plain anchor and receives the survey id. */
export const WithRouterLink: Story = {
  args: {
    outcome: "error",
    reasons: [
      {
        code: "survey_unanswered",
        message:
          "今週（2026年12月2日（水）17:00締切の週）の週次調査に回答していません。週次調査に回答してから、もう一度「システムチェック&申請」を行ってください。",
        surveyId: SURVEY_ID,
      },
    ],
    renderLink: fn(({ href, surveyId, className, children }) => (
      <button type="button" className={className} data-href={href} data-survey={surveyId}>
        {children}
      </button>
    )),
  },
  play: async ({ args, canvas }) => {
    const button = canvas.getByRole("button", { name: FIX_SURVEY_LINK_TEXT });
    await expect(button).toHaveAttribute("data-survey", SURVEY_ID);
    await expect(button).toHaveAttribute("data-href", `/surveys/${SURVEY_ID}`);
    await userEvent.click(button);
    await expect(args.renderLink).toHaveBeenCalledWith(
      expect.objectContaining({ surveyId: SURVEY_ID }),
    );
  },
};
