import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { RequestHistory, type RequestHistoryEntry } from "./RequestHistory";

const entries: RequestHistoryEntry[] = [
  {
    id: "1",
    at: "2026-11-25T07:30:00.000Z",
    actor: { displayName: "山田 太郎" },
    actorRoleLabel: "医療機関",
    actionLabel: "作成（申請前）",
    fromStatus: null,
    toStatus: "draft",
    changes: {
      contactName: { from: null, to: "山田 太郎" },
      contactPhone: { from: null, to: "0352531111" },
      notes: { from: null, to: "" },
      conditionsConfirmed: { from: null, to: true },
    },
  },
  {
    id: "2",
    at: "2026-11-26T00:05:00.000Z",
    actor: { displayName: "山田 太郎" },
    actorRoleLabel: "医療機関",
    actionLabel: "システムチェック&申請（都道府県・国確認中）",
    fromStatus: "draft",
    toStatus: "reviewing",
    changes: {
      surveyId: "7d1f4c2e-5b6a-4c1d-9e8f-0a1b2c3d4e5f",
      checkedFigures: { stock: 2000, consumption: 1000, purchases: 400 },
      limitSets: 2,
      errorReasons: [],
      late: false,
      handleFrom: "2026-12-02",
    },
  },
  {
    id: "3",
    at: "2026-11-26T02:40:00.000Z",
    actor: { displayName: "山田 太郎" },
    actorRoleLabel: "医療機関",
    actionLabel: "編集",
    fromStatus: "reviewing",
    toStatus: "reviewing",
    changes: {
      contactName: { from: "山田 太郎", to: "佐藤 花子" },
      notes: {
        from: "",
        to: "近隣の医療機関からの応援要請により、消費量が通常の3倍になっています。至急の配布をお願いします。",
      },
    },
  },
];

const meta = {
  title: "医療機関/RequestHistory",
  component: RequestHistory,
  args: { entries },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "375px" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof RequestHistory>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Timeline: Story = {
  play: async ({ canvas }) => {
    const list = canvas.getByRole("list", { name: "" });
    const items = within(list)
      .getAllByRole("listitem")
      .filter((item) => item.parentElement === list);
    // Newest first, on the Tokyo clock.
    await expect(items.map((item) => item.querySelector("time")?.textContent)).toEqual([
      "2026年11月26日（木）11:40",
      "2026年11月26日（木）09:05",
      "2026年11月25日（水）16:30",
    ]);
    await expect(items[2]?.querySelector("time")).toHaveAttribute(
      "datetime",
      "2026-11-25T07:30:00.000Z",
    );

    const applied = within(items[1] as HTMLElement);
    await expect(applied.getByText("山田 太郎（医療機関）")).toBeVisible();
    await expect(items[1]).toHaveTextContent(/ステータス：申請前→?から都道府県・国確認中/);
    await expect(applied.getByText(/在庫量 2,000枚、1週間の想定消費量 1,000枚/)).toBeVisible();
    await expect(applied.getByText("2セット（2,000枚）")).toBeVisible();
    // The on-time handling day and the empty reasons add nothing and are left out.
    await expect(applied.queryByText(/対応開始日/)).toBeNull();

    // An edit that kept the status shows no status change, only the fields.
    const edited = within(items[0] as HTMLElement);
    await expect(items[0]?.querySelectorAll(".sos-status")).toHaveLength(0);
    await expect(items[0]).toHaveTextContent(/担当者氏名：山田 太郎( → )?から佐藤 花子に変更/);
    // Notes added where there were none: folded, as they can run long.
    const notes = edited.getByText("備考を入力");
    await userEvent.click(notes);
    await expect(edited.getByText(/消費量が通常の3倍/)).toBeVisible();

    const created = within(items[2] as HTMLElement);
    await expect(created.getByText("03-5253-1111")).toBeVisible();
    await expect(created.queryByText("備考：")).toBeNull();
  },
};

export const OldestFirst: Story = {
  args: { order: "oldest-first" },
  play: async ({ canvasElement }) => {
    const times = [...canvasElement.querySelectorAll(".sos-history__when time")].map(
      (time) => time.textContent,
    );
    await expect(times[0]).toBe("2026年11月25日（水）16:30");
  },
};

/** Officers and the system appear with their roles; a late application shows its handling day. */
export const ReviewAndLateApply: Story = {
  args: {
    entries: [
      {
        id: "10",
        at: "2026-12-02T08:30:00.000Z",
        actor: {
          displayName:
            "独立行政法人国立病院機構 東京医療センター 看護部感染管理室 室長補佐 山田 太郎",
        },
        actorRoleLabel: "医療機関",
        actionLabel: "システムチェック&申請（エラーあり）",
        fromStatus: "draft",
        toStatus: "error",
        changes: {
          checkedFigures: { stock: 9_999_999, consumption: 1000, purchases: 0 },
          limitSets: 0,
          errorReasons: ["survey_not_eligible", "open_request_exists"],
        },
      },
      {
        id: "11",
        at: "2026-12-02T08:45:00.000Z",
        actor: { displayName: "山田 太郎" },
        actorRoleLabel: "医療機関",
        actionLabel: "システムチェック&申請（都道府県・国確認中）",
        fromStatus: "error",
        toStatus: "reviewing",
        changes: { late: true, handleFrom: "2026-12-03", limitSets: 2 },
      },
      {
        id: "12",
        at: "2026-12-03T01:00:00.000Z",
        actor: { displayName: "大阪府 健康医療部 鈴木" },
        actorRoleLabel: "都道府県担当者",
        actionLabel: "都道府県確認完了",
        fromStatus: "reviewing",
        toStatus: "reviewing",
        changes: { reviewStage: { from: "prefecture", to: "ministry" } },
      },
      {
        id: "13",
        at: "2026-12-03T06:00:00.000Z",
        actor: null,
        actorRoleLabel: null,
        actionLabel: "国の承認（受付完了）",
        fromStatus: "reviewing",
        toStatus: "accepted",
        changes: { reviewStage: { from: "ministry", to: null } },
      },
    ],
  },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByText("エラーの内容：")).toBeVisible();
    await expect(
      canvas.getByText("週次調査の回答が配布条件を満たさない、同じ週に申請中の要請がある"),
    ).toBeVisible();
    await expect(canvas.getByText("2026年12月3日（木）")).toBeVisible();
    await expect(canvas.getByText("大阪府 健康医療部 鈴木（都道府県担当者）")).toBeVisible();
    await expect(canvas.getByText("都道府県確認中")).toBeVisible();
    await expect(canvas.getByText("システム")).toBeVisible();
    await expect(canvasElement.scrollWidth).toBeLessThanOrEqual(canvasElement.clientWidth);
  },
};

export const Empty: Story = {
  args: { entries: [] },
  play: async ({ canvas }) => {
    await expect(canvas.getByText("履歴はありません。")).toBeVisible();
  },
};
