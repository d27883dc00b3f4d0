import { CONDITIONS_CONFIRMATION_LABEL } from "@sos/domain";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { SosRequestView } from "./sos-request-view";

const meta = {
  title: "医療機関/SosRequestView",
  component: SosRequestView,
  args: {
    values: {
      contactName: "長谷川　美智子",
      contactPhone: "0451234567",
      notes: "在宅患者向けの訪問診療分を含みます。\n平日9時〜17時に連絡をお願いします。",
      conditionsConfirmed: true,
    },
  },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "375px" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof SosRequestView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The values as label → value, in order. */
function values(canvasElement: HTMLElement): Record<string, string> {
  return Object.fromEntries(
    within(canvasElement)
      .getAllByRole("term")
      .map((term) => [term.textContent ?? "", term.nextElementSibling?.textContent ?? ""]),
  );
}

/** A filed request: the phone with hyphens, notes as written, the confirmation in words. */
export const Filed: Story = {
  play: async ({ canvas, canvasElement }) => {
    await expect(values(canvasElement)).toEqual({
      担当者氏名: "長谷川　美智子",
      電話番号: "045-123-4567",
      備考: "在宅患者向けの訪問診療分を含みます。\n平日9時〜17時に連絡をお願いします。",
      緊急配布条件の確認: `確認済み（${CONDITIONS_CONFIRMATION_LABEL}）`,
    });
    // The consent terms it was filed under, in full.
    const terms = canvas.getByRole("region", { name: "同意事項" });
    await expect(within(terms).getAllByRole("listitem")).toHaveLength(4);
    await expect(canvas.queryByRole("textbox")).toBeNull();
    await expect(canvas.queryByRole("checkbox")).toBeNull();
  },
};

/** Accepted: why it cannot be edited, above the values. */
export const ReadOnlyWithReason: Story = {
  args: { readOnlyReason: "受付完了のため、要請の内容は変更できません。" },
  play: async ({ canvas }) => {
    await expect(
      canvas.getByRole("heading", { level: 2, name: "この要請は編集できません" }),
    ).toBeVisible();
    await expect(canvas.getByText("受付完了のため、要請の内容は変更できません。")).toBeVisible();
  },
};

/** Nothing given: each value says what that means instead of a blank. */
export const Empty: Story = {
  args: { values: null },
  play: async ({ canvas, canvasElement }) => {
    await expect(values(canvasElement)).toEqual({
      担当者氏名: "（未入力）",
      電話番号: "（未入力：医療機関の電話番号に連絡します）",
      備考: "（なし）",
      緊急配布条件の確認: "未確認",
    });
    await expect(canvas.queryByRole("heading", { name: "この要請は編集できません" })).toBeNull();
  },
};

/** A mobile number, and a long name on a phone: nothing runs off the screen. */
export const MobileAndLongName: Story = {
  args: {
    values: {
      contactName: "社会福祉法人恩賜財団済生会支部神奈川県済生会横浜市東部病院 看護部 物品管理担当",
      contactPhone: "09012345678",
      notes: "",
      conditionsConfirmed: false,
    },
  },
  play: async ({ canvasElement }) => {
    const shown = values(canvasElement);
    await expect(shown.電話番号).toBe("090-1234-5678");
    await expect(shown.備考).toBe("（なし）");
    await expect(shown.緊急配布条件の確認).toBe("未確認");
    await expect(canvasElement.scrollWidth).toBeLessThanOrEqual(canvasElement.clientWidth);
  },
};
