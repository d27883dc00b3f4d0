import { AUTH_MESSAGES } from "@sos/domain";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor } from "storybook/test";
import { errorDescription } from "../testing/description";
import { ForgotPasswordForm } from "./ForgotPasswordForm";
import { SUBMIT_FAILED_MESSAGE } from "./messages";
import { SignedOutLayout } from "./SignedOutLayout";

const meta = {
  title: "認証/ForgotPasswordForm",
  component: ForgotPasswordForm,
  parameters: { layout: "fullscreen" },
  args: { onSubmit: fn(async () => {}), signInHref: "#sign-in" },
  decorators: [
    (Story) => (
      <div style={{ width: "375px" }}>
        <SignedOutLayout title="パスワードの再設定">
          <Story />
        </SignedOutLayout>
      </div>
    ),
  ],
} satisfies Meta<typeof ForgotPasswordForm>;

export default meta;
type Story = StoryObj<typeof meta>;

export const ShowsTheNeutralMessage: Story = {
  play: async ({ args, canvas }) => {
    await userEvent.type(
      canvas.getByRole("textbox", { name: /ユーザー名/ }),
      "ｔｏｋｙｏ－ｈｏｓｐ０１",
    );
    await userEvent.click(canvas.getByRole("button", { name: "再設定用のメールを送信" }));
    await waitFor(() => expect(args.onSubmit).toHaveBeenCalledWith({ username: "tokyo-hosp01" }));
    const status = await canvas.findByRole("status");
    await expect(status).toHaveTextContent(
      "入力されたユーザー名が登録されている場合、パスワード再設定用のメールを送信しました。",
    );
    await expect(canvas.queryByRole("textbox")).toBeNull();
    await waitFor(() => expect(status.closest("[tabindex='-1']")).toHaveFocus());
    await expect(canvas.getByRole("link", { name: "ログイン画面に戻る" })).toHaveAttribute(
      "href",
      "#sign-in",
    );
  },
};

export const RequiresUsername: Story = {
  play: async ({ args, canvas }) => {
    await userEvent.click(canvas.getByRole("button", { name: "再設定用のメールを送信" }));
    const username = canvas.getByRole("textbox", { name: /ユーザー名/ });
    await waitFor(() =>
      expect(username).toHaveAccessibleDescription(
        errorDescription(
          "ユーザー名を入力してください",
          "ユーザー名が分からない場合は、事務局までお問い合わせください。",
        ),
      ),
    );
    await expect(args.onSubmit).not.toHaveBeenCalled();
  },
};

export const Throttled: Story = {
  args: { serverError: "リクエストが多すぎます。しばらく時間をおいてからお試しください" },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("alert")).toHaveTextContent("リクエストが多すぎます");
    await expect(canvas.getByRole("textbox", { name: /ユーザー名/ })).toBeVisible();
  },
};

export const NetworkFailure: Story = {
  args: { onSubmit: fn(async () => Promise.reject(new Error("offline"))) },
  play: async ({ canvas }) => {
    await userEvent.type(canvas.getByRole("textbox", { name: /ユーザー名/ }), "tokyo-hosp01");
    await userEvent.click(canvas.getByRole("button", { name: "再設定用のメールを送信" }));
    await waitFor(() => expect(canvas.getByRole("alert")).toHaveTextContent(SUBMIT_FAILED_MESSAGE));
    await expect(canvas.queryByText(AUTH_MESSAGES.resetRequested)).toBeNull();
  },
};
