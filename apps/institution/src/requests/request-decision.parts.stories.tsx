import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { RequestDecision } from "./request-decision";

const meta = {
  title: "医療機関/RequestDecision",
  component: RequestDecision,
  args: { status: "reviewing", decision: null },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "375px" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof RequestDecision>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Reviewing: Story = {
  play: async ({ canvas }) => {
    const region = canvas.getByRole("region", { name: "確認結果" });
    await expect(region).toHaveAttribute("data-state", "reviewing");
    await expect(region).toHaveTextContent("確認中");
    await expect(region).toHaveTextContent(/数量が決まると、ここに表示されます/);
  },
};

/** The prefecture has completed its part; the ministry has not approved yet. */
export const AwaitingMinistry: Story = {
  args: {
    decision: {
      kind: "quantity",
      source: "prefecture",
      final: false,
      quantitySets: 3,
      purchaseLimitPieces: 3000,
      computedLimitSets: 3,
      decidedAt: "2026-12-03T01:00:00.000Z",
    },
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByText("国の承認待ち")).toBeVisible();
    await expect(canvas.getByText("都道府県が確認した数量").nextElementSibling).toHaveTextContent(
      "3セット（3,000枚）",
    );
    await expect(canvas.getByText(/数量は変わることがあります/)).toBeVisible();
    await expect(canvas.queryByText(/調整されています/)).toBeNull();
  },
};

export const Accepted: Story = {
  args: {
    status: "accepted",
    decision: {
      kind: "quantity",
      source: "ministry",
      final: true,
      quantitySets: 2,
      purchaseLimitPieces: 2000,
      computedLimitSets: 3,
      decidedAt: "2026-12-03T06:00:00.000Z",
    },
  },
  play: async ({ canvas }) => {
    const region = canvas.getByRole("region", { name: "確認結果" });
    await expect(region).toHaveAttribute("data-state", "decided");
    await expect(canvas.getByText("決定した数量").nextElementSibling).toHaveTextContent(
      "2セット（2,000枚）",
    );
    // Issue 16 #7: the limit in sets, as everywhere else (not 「2,000枚」 alone).
    await expect(canvas.getByText("購入上限数").nextElementSibling).toHaveTextContent(
      "2セット（2,000枚）",
    );
    await expect(canvas.getByText("承認日時").nextElementSibling).toHaveTextContent(
      "2026年12月3日（木）15:00",
    );
    await expect(canvas.getByText(/3セット（3,000枚）/)).toHaveTextContent(/調整されています/);
    await expect(
      canvas.getByText("購入の手続きと配送の状況は「購入・配送」に表示しています。"),
    ).toBeVisible();
    await expect(canvas.queryByText(/購入用のURL/)).toBeNull();
  },
};

export const LargeQuantity: Story = {
  args: {
    status: "accepted",
    decision: {
      kind: "quantity",
      source: "ministry",
      final: true,
      quantitySets: 20_000,
      purchaseLimitPieces: 20_000_000,
      computedLimitSets: null,
      decidedAt: "2026-12-03T06:00:00.000Z",
    },
  },
  play: async ({ canvas, canvasElement }) => {
    for (const figure of canvas.getAllByText("20,000セット（20,000,000枚）")) {
      await expect(figure).toBeVisible();
    }
    await expect(canvasElement.scrollWidth).toBeLessThanOrEqual(canvasElement.clientWidth);
  },
};

export const NotEligible: Story = {
  args: {
    status: "not_eligible",
    decision: {
      kind: "not_eligible",
      reason:
        "週次調査の在庫量が十分にあり、1か月以内に在庫がつきる見込みではないため。\n状況が変わった場合は改めて要請してください。",
    },
  },
  play: async ({ canvas }) => {
    const region = canvas.getByRole("region", { name: "確認結果" });
    await expect(region).toHaveAttribute("data-state", "not-eligible");
    await expect(region).toHaveTextContent("対象外");
    await expect(canvas.getByText(/1か月以内に在庫がつきる見込みではない/)).toBeVisible();
    await expect(canvas.getByText(/購入用のメールは届きません/)).toBeVisible();
  },
};

export const NotYetApplied: Story = {
  args: { status: "error" },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("region", { name: "確認結果" })).toHaveAttribute(
      "data-state",
      "waiting",
    );
    await expect(canvas.getByText(/システムチェックでエラーがあったため/)).toBeVisible();
  },
};

export const Withdrawn: Story = {
  args: { status: "withdrawn" },
  play: async ({ canvas }) => {
    await expect(canvas.getByText(/取り下げられました/)).toBeVisible();
  },
};
