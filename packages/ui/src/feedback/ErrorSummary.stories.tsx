import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, userEvent, waitFor } from "storybook/test";
import { NumberField } from "../field/NumberField";
import { ErrorSummary } from "./ErrorSummary";

const meta = {
  title: "フィードバック/ErrorSummary",
  component: ErrorSummary,
  args: {
    errors: [
      { fieldId: "stock", message: "在庫量を入力してください" },
      { fieldId: "consumption", message: "数値が大きすぎます（上限 10,000,000 枚）" },
    ],
  },
  render: (args) => (
    <div className="sos-stack" style={{ maxWidth: "375px" }}>
      <ErrorSummary {...args} />
      <NumberField id="stock" label="在庫量" required error="在庫量を入力してください" />
      <NumberField
        id="consumption"
        label="1週間の想定消費量"
        required
        defaultValue="99,999,999"
        error="数値が大きすぎます（上限 10,000,000 枚）"
      />
    </div>
  ),
} satisfies Meta<typeof ErrorSummary>;

export default meta;
type Story = StoryObj<typeof meta>;

export const FocusAndJump: Story = {
  play: async ({ canvas }) => {
    const summary = canvas.getByRole("region", { name: "入力内容に誤りがあります（2件）" });
    await waitFor(() => expect(summary).toHaveFocus());
    const links = canvas.getAllByRole("link");
    await expect(links.map((link) => link.textContent)).toEqual([
      "在庫量を入力してください",
      "数値が大きすぎます（上限 10,000,000 枚）",
    ]);
    await userEvent.click(canvas.getByRole("link", { name: /数値が大きすぎます/ }));
    await expect(canvas.getByRole("textbox", { name: /1週間の想定消費量/ })).toHaveFocus();
  },
};

export const NothingWhenValid: Story = {
  args: { errors: [] },
  render: (args) => (
    <div data-testid="holder">
      <ErrorSummary {...args} />
    </div>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByTestId("holder")).toBeEmptyDOMElement();
  },
};

export const ManyErrors: Story = {
  args: {
    title: "保存できませんでした。次の項目を確認してください",
    errors: Array.from({ length: 6 }, (_, i) => ({
      fieldId: `field-${i}`,
      message: `「上記の緊急配布条件を満たしていることを確認した」にチェックを入れてください（${i + 1}）`,
    })),
  },
  render: (args) => (
    <div style={{ maxWidth: "375px" }}>
      <ErrorSummary {...args} />
    </div>
  ),
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getAllByRole("listitem")).toHaveLength(6);
    await expect(canvas.getByRole("heading", { level: 2 })).toHaveTextContent("（6件）");
    await expect(canvasElement.scrollWidth).toBeLessThanOrEqual(canvasElement.clientWidth);
  },
};

/** After a failed submit the form re-checks on every keystroke, with the same focusKey. */
function RevalidatingForm() {
  const [value, setValue] = useState("3000");
  const errors =
    value.trim() === "" ? [{ fieldId: "quantity", message: "数量を入力してください" }] : [];
  return (
    <div className="sos-stack" style={{ maxWidth: "375px" }}>
      <ErrorSummary errors={errors} focusKey={1} />
      <NumberField
        id="quantity"
        label="数量"
        value={value}
        onChange={(event) => setValue(event.currentTarget.value)}
        error={errors[0]?.message}
      />
    </div>
  );
}

/** An error that appears mid-typing shows in the summary but leaves focus in the field. */
export const KeepsFocusWhileTyping: Story = {
  render: () => <RevalidatingForm />,
  play: async ({ canvas }) => {
    const field = canvas.getByRole("textbox", { name: /数量/ });
    await userEvent.click(field);
    await userEvent.clear(field);
    await waitFor(() =>
      expect(canvas.getByRole("region", { name: "入力内容に誤りがあります（1件）" })).toBeVisible(),
    );
    await expect(field).toHaveFocus();
    await userEvent.keyboard("1250");
    await expect(field).toHaveValue("1250");
    await expect(canvas.queryByRole("region")).toBeNull();
  },
};
