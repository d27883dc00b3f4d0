import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { AuditTrail } from "./audit-trail";
import type { AuditTrailEntry } from "./review-history";

const PREFECTURE = { displayName: "大阪府 健康医療部 山田" };
const MINISTRY = { displayName: "厚生労働省 医政局 佐藤" };

const ENTRIES: AuditTrailEntry[] = [
  {
    id: "1",
    at: "2026-11-30T01:00:00.000Z",
    actor: { displayName: "なにわ歯科クリニック 受付" },
    actorRoleLabel: "医療機関",
    action: "apply",
    actionLabel: "申請（システムチェック）",
    fromStatus: "draft",
    toStatus: "reviewing",
    changes: { checkedFigures: { stock: 2000, consumption: 1000, purchases: 400 }, limitSets: 2 },
  },
  {
    id: "2",
    at: "2026-12-03T02:00:00.000Z",
    actor: PREFECTURE,
    actorRoleLabel: "都道府県担当者",
    action: "prefecture_complete",
    actionLabel: "都道府県確認完了",
    fromStatus: "reviewing",
    toStatus: "reviewing",
    changes: {
      supplyNeeded: { from: null, to: true },
      quantitySets: { from: null, to: 3 },
      overrideReason: { from: null, to: "発熱外来の再開で消費増" },
      reviewStage: { from: "prefecture", to: "ministry" },
      overLimit: { limitSets: 2, quantitySets: 3, reason: "発熱外来の再開で消費増" },
    },
  },
  {
    id: "3",
    at: "2026-12-03T05:00:00.000Z",
    actor: MINISTRY,
    actorRoleLabel: "国（厚生労働省）",
    action: "approve",
    actionLabel: "承認",
    fromStatus: "reviewing",
    toStatus: "accepted",
    changes: {
      quantitySets: 3,
      prefectureQuantitySets: 3,
      reviewStage: { from: "ministry", to: null },
    },
  },
  {
    id: "4",
    at: "2026-12-04T01:30:00.000Z",
    actor: MINISTRY,
    actorRoleLabel: "国（厚生労働省）",
    action: "hand_over",
    actionLabel: "販売業者へ引渡し（対象医療機関リスト）",
    fromStatus: "accepted",
    toStatus: "accepted",
    changes: { batchId: "b3", batchNumber: 3, limitSets: 3 },
  },
];

const meta = {
  title: "部品/審査/AuditTrail",
  component: AuditTrail,
  args: { entries: ENTRIES },
} satisfies Meta<typeof AuditTrail>;

export default meta;
type Story = StoryObj<typeof meta>;

function entriesIn(canvasElement: HTMLElement): HTMLElement[] {
  return [...canvasElement.querySelectorAll<HTMLElement>(".sos-history__entry")];
}

/** Every review action, newest first, with who (and in which role) and when (Tokyo). */
export const ReviewedAndHandedOver: Story = {
  play: async ({ canvasElement }) => {
    const items = entriesIn(canvasElement);
    await expect(items).toHaveLength(4);
    await expect(items[0]).toHaveTextContent("販売業者へ引渡し（対象医療機関リスト）");
    await expect(items[0]).toHaveTextContent("対象医療機関リスト：第3号");
    await expect(items[0]).toHaveTextContent("リストに載せた購入上限数：3セット（3,000枚）");
    await expect(items[1]).toHaveTextContent("2026年12月3日（木）14:00");
    await expect(items[1]).toHaveTextContent("厚生労働省 医政局 佐藤（国（厚生労働省））");
    await expect(items[1]).toHaveTextContent("都道府県の数量：3セット（3,000枚）");
    await expect(items[1]).not.toHaveTextContent("確認段階");
    await expect(items[2]).toHaveTextContent("上限を超える理由：発熱外来の再開で消費増");
    await expect(items[2]).toHaveTextContent("購入上限数（自己チェック）：2セット（2,000枚）");
    // The arrow is for the eye; screen readers hear 「から…に変更」.
    await expect(items[2]).toHaveTextContent("確認段階：都道府県確認中 → から国確認中に変更");
  },
};

/** A not-eligible decision says when the institution is emailed. */
export const NotEligible: Story = {
  args: {
    entries: [
      {
        id: "n1",
        at: "2026-12-03T03:00:00.000Z",
        actor: PREFECTURE,
        actorRoleLabel: "都道府県担当者",
        action: "reject",
        actionLabel: "対象外",
        fromStatus: "reviewing",
        toStatus: "not_eligible",
        changes: {
          reason: "在庫が十分にあることを電話で確認しました。",
          reviewStage: { from: "prefecture", to: null },
          notice: {
            mailId: "m1",
            to: "info@naniwa-dental.example.jp",
            sendAt: "2026-12-03T15:00:00.000Z",
          },
        },
      },
    ],
  },
  play: async ({ canvasElement }) => {
    const [entry] = entriesIn(canvasElement);
    await expect(entry).toHaveTextContent("対象外");
    await expect(entry).toHaveTextContent(
      "医療機関への連絡メール：2026年12月4日（金）00:00以降に送信（info@naniwa-dental.example.jp）",
    );
  },
};
