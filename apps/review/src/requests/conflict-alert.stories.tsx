import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent } from "storybook/test";
import { CONFLICT_DETAIL, CONFLICT_MESSAGE, RELOAD_LABEL } from "../common/messages";
import { ConflictAlert } from "./conflict-alert";

const meta = {
  title: "部品/審査/ConflictAlert",
  component: ConflictAlert,
  args: { onReload: fn() },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "375px" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ConflictAlert>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The API's words as the title, what happened to the input, and the way to the latest. */
export const WithReload: Story = {
  play: async ({ args, canvas, canvasElement }) => {
    const alert = canvas.getByRole("alert");
    await expect(alert).toHaveTextContent(
      /^エラー：他の担当者が先に更新しました。最新の内容を確認してください。この画面の入力内容は保存されていません。/,
    );
    await expect(alert).toHaveTextContent(CONFLICT_DETAIL);
    const reload = canvas.getByRole("button", { name: RELOAD_LABEL });
    await expect(reload.getBoundingClientRect().height).toBeGreaterThanOrEqual(44);
    await userEvent.click(reload);
    await expect(args.onReload).toHaveBeenCalledOnce();
    await expect(canvasElement.scrollWidth).toBeLessThanOrEqual(canvasElement.clientWidth);
  },
};

/** Without a way to reload, the message stands alone. */
export const WithoutReload: Story = {
  render: () => <ConflictAlert />,
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("alert")).toHaveTextContent(CONFLICT_MESSAGE);
    await expect(canvas.queryByRole("button")).toBeNull();
  },
};
