import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { Button } from "./Button";
import { BUTTON_VARIANTS } from "./button-class";

const meta = {
  title: "操作/Button",
  component: Button,
  args: { children: "保存", onClick: fn() },
  argTypes: { variant: { control: "inline-radio", options: BUTTON_VARIANTS } },
} satisfies Meta<typeof Button>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Primary: Story = {
  args: { variant: "primary" },
  play: async ({ args, canvas }) => {
    const button = canvas.getByRole("button", { name: "保存" });
    await expect(button).toHaveAttribute("type", "button");
    await userEvent.click(button);
    await expect(args.onClick).toHaveBeenCalledTimes(1);
  },
};

export const Secondary: Story = { args: { variant: "secondary", children: "キャンセル" } };

export const Tertiary: Story = { args: { variant: "tertiary", children: "一覧に戻る" } };

export const Danger: Story = {
  args: { variant: "danger", children: "要請を取り下げる" },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("button", { name: "要請を取り下げる" })).toBeEnabled();
  },
};

export const AllVariants: Story = {
  render: (args) => (
    <div style={{ display: "flex", flexWrap: "wrap", gap: "1rem" }}>
      {BUTTON_VARIANTS.map((variant) => (
        <Button key={variant} {...args} variant={variant}>
          {variant}
        </Button>
      ))}
    </div>
  ),
};

/** While a submit is in flight: spinner, announced as busy, clicks ignored, focus kept. */
export const Loading: Story = {
  args: { loading: true, children: "システムチェック&申請" },
  play: async ({ args, canvas }) => {
    const button = canvas.getByRole("button", { name: /システムチェック&申請/ });
    await expect(button).toHaveAccessibleName(/^システムチェック&申請\s?（処理中）$/);
    await expect(button).toHaveAttribute("aria-busy", "true");
    await expect(button).toHaveAttribute("aria-disabled", "true");
    await userEvent.click(button);
    await expect(args.onClick).not.toHaveBeenCalled();
    button.focus();
    await expect(button).toHaveFocus();
  },
};

export const Disabled: Story = {
  args: { disabled: true, children: "受付完了のため編集できません" },
  play: async ({ args, canvas }) => {
    const button = canvas.getByRole("button");
    await expect(button).toBeDisabled();
    await userEvent.click(button, { pointerEventsCheck: 0 });
    await expect(args.onClick).not.toHaveBeenCalled();
  },
};

/** A long Japanese label wraps inside a phone-width container instead of overflowing. */
export const LongLabelOnPhone: Story = {
  args: {
    fullWidth: true,
    size: "large",
    children: "上記の緊急配布条件を満たしていることを確認したうえで要請内容を保存する",
  },
  decorators: [
    (Story) => (
      <div style={{ width: "343px" }} data-testid="phone">
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    const container = within(canvasElement).getByTestId("phone");
    const button = within(container).getByRole("button");
    await expect(button.getBoundingClientRect().width).toBeLessThanOrEqual(343);
    await expect(button.scrollWidth).toBeLessThanOrEqual(button.clientWidth);
    await expect(button.getBoundingClientRect().height).toBeGreaterThan(44);
  },
};

export const TouchTarget: Story = {
  args: { variant: "tertiary", children: "編集" },
  play: async ({ canvas }) => {
    const rect = canvas.getByRole("button", { name: "編集" }).getBoundingClientRect();
    await expect(rect.height).toBeGreaterThanOrEqual(44);
    await expect(rect.width).toBeGreaterThanOrEqual(44);
  },
};

export const SubmitsForm: Story = {
  args: { type: "submit", children: "ログイン" },
  render: (args) => (
    <form
      aria-label="テスト用フォーム"
      onSubmit={(event) => {
        event.preventDefault();
        args.onClick?.(event as never);
      }}
    >
      <Button {...args} onClick={undefined} />
    </form>
  ),
  play: async ({ args, canvas }) => {
    await userEvent.click(canvas.getByRole("button", { name: "ログイン" }));
    await expect(args.onClick).toHaveBeenCalledTimes(1);
  },
};
