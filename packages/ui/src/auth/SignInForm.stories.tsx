import { AUTH_MESSAGES } from "@sos/domain";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent, waitFor } from "storybook/test";
import { errorDescription } from "../testing/description";
import { SUBMIT_FAILED_MESSAGE } from "./messages";
import { SignedOutLayout } from "./SignedOutLayout";
import { SignInForm } from "./SignInForm";

const meta = {
  title: "認証/SignInForm",
  component: SignInForm,
  parameters: { layout: "fullscreen" },
  args: {
    onSubmit: fn(async () => {}),
    forgotPasswordHref: "#forgot",
  },
  decorators: [
    (Story) => (
      <div style={{ width: "375px" }}>
        <SignedOutLayout title="ログイン" appTitle="医療機関向け">
          <Story />
        </SignedOutLayout>
      </div>
    ),
  ],
} satisfies Meta<typeof SignInForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Typed with the IME in full-width mode: the username arrives half-width, the password untouched. */
export const SubmitsNormalisedValues: Story = {
  play: async ({ args, canvas }) => {
    await userEvent.type(
      canvas.getByRole("textbox", { name: /ユーザー名/ }),
      "ｔｏｋｙｏ－ｈｏｓｐ０１",
    );
    await userEvent.type(
      canvas.getByLabelText(/^パスワード/, { selector: "input" }),
      " Gmis2026Tokyo",
    );
    await userEvent.click(canvas.getByRole("button", { name: "ログイン" }));
    await waitFor(() =>
      expect(args.onSubmit).toHaveBeenCalledWith({
        username: "tokyo-hosp01",
        password: " Gmis2026Tokyo",
      }),
    );
  },
};

export const RequiredFields: Story = {
  play: async ({ args, canvas }) => {
    await userEvent.click(canvas.getByRole("button", { name: "ログイン" }));
    const username = canvas.getByRole("textbox", { name: /ユーザー名/ });
    await waitFor(() => expect(username).toHaveAttribute("aria-invalid", "true"));
    await expect(username).toHaveAccessibleDescription(
      errorDescription("ユーザー名を入力してください"),
    );
    await expect(
      canvas.getByLabelText(/^パスワード/, { selector: "input" }),
    ).toHaveAccessibleDescription(errorDescription("パスワードを入力してください"));
    await expect(username).toHaveFocus();
    await expect(args.onSubmit).not.toHaveBeenCalled();

    // Fixing the field clears its error as the user types.
    await userEvent.type(username, "tokyo-hosp01");
    await waitFor(() => expect(username).not.toHaveAttribute("aria-invalid"));
  },
};

export const WithServerError: Story = {
  args: { serverError: AUTH_MESSAGES.signInFailed, defaultUsername: "tokyo-hosp01" },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("alert")).toHaveTextContent(AUTH_MESSAGES.signInFailed);
    await expect(canvas.getByRole("textbox", { name: /ユーザー名/ })).toHaveValue("tokyo-hosp01");
  },
};

function WithServer({
  onSubmit,
}: {
  onSubmit: (v: { username: string; password: string }) => void;
}) {
  const [serverError, setServerError] = useState<string | null>(null);
  return (
    <SignInForm
      forgotPasswordHref="#forgot"
      serverError={serverError}
      onSubmit={async (values) => {
        setServerError(null);
        onSubmit(values);
        await new Promise((resolve) => setTimeout(resolve, 150));
        setServerError(AUTH_MESSAGES.signInFailed);
      }}
    />
  );
}

/** While the server answers the button is busy; a refusal shows the message and clears the password. */
export const WrongPassword: Story = {
  render: (args) => <WithServer onSubmit={args.onSubmit} />,
  play: async ({ args, canvas }) => {
    const password = canvas.getByLabelText(/^パスワード/, { selector: "input" });
    await userEvent.type(canvas.getByRole("textbox", { name: /ユーザー名/ }), "tokyo-hosp01");
    await userEvent.type(password, "wrong-Pass1");
    await userEvent.click(canvas.getByRole("button", { name: "ログイン" }));
    await waitFor(() =>
      expect(canvas.getByRole("button", { name: /ログイン/ })).toHaveAttribute("aria-busy", "true"),
    );
    await waitFor(() =>
      expect(canvas.getByRole("alert")).toHaveTextContent(AUTH_MESSAGES.signInFailed),
    );
    await expect(password).toHaveValue("");
    await expect(canvas.getByRole("textbox", { name: /ユーザー名/ })).toHaveValue("tokyo-hosp01");
    await expect(args.onSubmit).toHaveBeenCalledTimes(1);
  },
};

export const NetworkFailure: Story = {
  args: { onSubmit: fn(async () => Promise.reject(new Error("Failed to fetch"))) },
  play: async ({ canvas }) => {
    await userEvent.type(canvas.getByRole("textbox", { name: /ユーザー名/ }), "tokyo-hosp01");
    await userEvent.type(
      canvas.getByLabelText(/^パスワード/, { selector: "input" }),
      "Gmis2026Tokyo",
    );
    await userEvent.click(canvas.getByRole("button", { name: "ログイン" }));
    await waitFor(() => expect(canvas.getByRole("alert")).toHaveTextContent(SUBMIT_FAILED_MESSAGE));
  },
};

export const ForgotPasswordLink: Story = {
  play: async ({ canvas, canvasElement }) => {
    const link = canvas.getByRole("link", { name: "パスワードをお忘れですか？" });
    await expect(link).toHaveAttribute("href", "#forgot");
    await expect(link.getBoundingClientRect().height).toBeGreaterThanOrEqual(44);
    await expect(canvas.getByRole("heading", { level: 1 })).toHaveTextContent("ログイン");
    await expect(canvasElement.scrollWidth).toBeLessThanOrEqual(canvasElement.clientWidth);
  },
};
