import { AUTH_MESSAGES } from "@sos/domain";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor } from "storybook/test";
import { errorDescription } from "../testing/description";
import { PASSWORD_RULE_HINT, ResetPasswordForm } from "./ResetPasswordForm";
import { SignedOutLayout } from "./SignedOutLayout";

const meta = {
  title: "認証/ResetPasswordForm",
  component: ResetPasswordForm,
  parameters: { layout: "fullscreen" },
  args: { onSubmit: fn(async () => {}), signInHref: "#sign-in" },
  decorators: [
    (Story) => (
      <div style={{ width: "375px" }}>
        <SignedOutLayout title="新しいパスワードの設定">
          <Story />
        </SignedOutLayout>
      </div>
    ),
  ],
} satisfies Meta<typeof ResetPasswordForm>;

export default meta;
type Story = StoryObj<typeof meta>;

const newPassword = (canvas: { getByLabelText: (m: RegExp, o: object) => HTMLElement }) =>
  canvas.getByLabelText(/^新しいパスワード必須$|^新しいパスワード$/, { selector: "input" });
const confirmation = (canvas: { getByLabelText: (m: RegExp, o: object) => HTMLElement }) =>
  canvas.getByLabelText(/^新しいパスワード（確認）/, { selector: "input" });

export const ChangesThePassword: Story = {
  play: async ({ args, canvas }) => {
    await expect(newPassword(canvas)).toHaveAccessibleDescription(PASSWORD_RULE_HINT);
    await userEvent.type(newPassword(canvas), "NewPass2026");
    await userEvent.type(confirmation(canvas), "NewPass2026");
    await userEvent.click(canvas.getByRole("button", { name: "パスワードを変更する" }));
    await waitFor(() => expect(args.onSubmit).toHaveBeenCalledWith({ password: "NewPass2026" }));
    await expect(await canvas.findByRole("status")).toHaveTextContent(
      AUTH_MESSAGES.passwordChanged,
    );
    await expect(canvas.getByRole("link", { name: "ログイン画面へ" })).toHaveAttribute(
      "href",
      "#sign-in",
    );
  },
};

export const RefusesAWeakPassword: Story = {
  play: async ({ args, canvas }) => {
    await userEvent.type(newPassword(canvas), "password1");
    await userEvent.type(confirmation(canvas), "password1");
    await userEvent.click(canvas.getByRole("button", { name: "パスワードを変更する" }));
    await waitFor(() =>
      expect(newPassword(canvas)).toHaveAccessibleDescription(
        errorDescription(
          "パスワードは8文字以上で、半角英大文字・英小文字・数字をそれぞれ1文字以上含めてください",
          PASSWORD_RULE_HINT,
        ),
      ),
    );
    await expect(newPassword(canvas)).toHaveFocus();
    await expect(args.onSubmit).not.toHaveBeenCalled();
  },
};

export const ReportsAMismatch: Story = {
  play: async ({ args, canvas }) => {
    await userEvent.type(newPassword(canvas), "NewPass2026");
    await userEvent.type(confirmation(canvas), "NewPass2025");
    await userEvent.click(canvas.getByRole("button", { name: "パスワードを変更する" }));
    await waitFor(() => expect(confirmation(canvas)).toHaveAttribute("aria-invalid", "true"));
    await expect(confirmation(canvas)).toHaveAccessibleDescription(/パスワードが一致しません$/);
    await expect(newPassword(canvas)).not.toHaveAttribute("aria-invalid");
    await expect(args.onSubmit).not.toHaveBeenCalled();
  },
};

export const ExpiredLink: Story = {
  args: { serverError: AUTH_MESSAGES.resetLinkInvalid },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("alert")).toHaveTextContent("有効期限が切れています");
  },
};
