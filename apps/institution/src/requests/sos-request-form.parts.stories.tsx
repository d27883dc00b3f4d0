import {
  CONDITIONS_CONFIRMATION_LABEL,
  CONDITIONS_NOT_CONFIRMED_MESSAGE,
  CONSENT_INTRO,
  CONSENT_TERMS,
} from "@sos/domain";
import { SUBMIT_FAILED_MESSAGE } from "@sos/ui";
import { errorDescription } from "@sos/ui/testing";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { SosRequestForm } from "./sos-request-form";

const meta = {
  title: "医療機関/SosRequestForm",
  component: SosRequestForm,
  args: { onSubmit: fn(async () => {}) },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "375px" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof SosRequestForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Saving without the tick fails with the manual's message, at the box and in the summary. */
export const SaveWithoutTick: Story = {
  play: async ({ args, canvas }) => {
    await userEvent.type(canvas.getByRole("textbox", { name: /担当者氏名/ }), "山田　太郎");
    await userEvent.click(canvas.getByRole("button", { name: "保存" }));

    const summary = await canvas.findByRole("region", { name: "入力内容に誤りがあります（1件）" });
    await waitFor(() => expect(summary).toHaveFocus());
    await expect(within(summary).getByRole("link")).toHaveTextContent(
      CONDITIONS_NOT_CONFIRMED_MESSAGE,
    );
    const box = canvas.getByRole("checkbox", { name: /上記の緊急配布条件/ });
    await expect(box).toHaveAttribute("aria-invalid", "true");
    await expect(box).toHaveAccessibleDescription(
      errorDescription(CONDITIONS_NOT_CONFIRMED_MESSAGE),
    );
    await expect(args.onSubmit).not.toHaveBeenCalled();

    // The summary leads to the box; ticking it clears the error, and saving goes through.
    await userEvent.click(within(summary).getByRole("link"));
    await expect(box).toHaveFocus();
    await userEvent.keyboard(" ");
    await waitFor(() => expect(box).not.toHaveAttribute("aria-invalid"));
    await userEvent.click(canvas.getByRole("button", { name: "保存" }));
    await waitFor(() =>
      expect(args.onSubmit).toHaveBeenCalledWith({
        contactName: "山田　太郎",
        contactPhone: null,
        notes: "",
        conditionsConfirmed: true,
      }),
    );
    await expect(canvas.getByText(/保存しました（申請前）/)).toBeVisible();
  },
};

/** A phone number typed in full width with brackets is sent as digits. */
export const FullWidthPhone: Story = {
  play: async ({ args, canvas }) => {
    await userEvent.type(canvas.getByRole("textbox", { name: /担当者氏名/ }), "佐藤 花子");
    const phone = canvas.getByRole("textbox", { name: /電話番号/ });
    await expect(phone).toHaveAttribute("type", "tel");
    await userEvent.type(phone, "０３（５２５３）１１１１");
    await userEvent.type(
      canvas.getByRole("textbox", { name: /備考/ }),
      "近隣の医療機関からの応援要請により、消費量が通常の3倍になっています。",
    );
    await userEvent.click(
      canvas.getByRole("checkbox", { name: new RegExp(CONDITIONS_CONFIRMATION_LABEL) }),
    );
    await userEvent.click(canvas.getByRole("button", { name: "保存" }));
    await waitFor(() =>
      expect(args.onSubmit).toHaveBeenCalledWith({
        contactName: "佐藤 花子",
        contactPhone: "0352531111",
        notes: "近隣の医療機関からの応援要請により、消費量が通常の3倍になっています。",
        conditionsConfirmed: true,
      }),
    );
  },
};

export const RequiredAndInvalid: Story = {
  play: async ({ args, canvas }) => {
    await userEvent.type(canvas.getByRole("textbox", { name: /電話番号/ }), "03-1234");
    await userEvent.click(canvas.getByRole("button", { name: "保存" }));
    const summary = await canvas.findByRole("region", { name: "入力内容に誤りがあります（3件）" });
    await expect(
      within(summary)
        .getAllByRole("link")
        .map((link) => link.textContent),
    ).toEqual([
      "担当者氏名を入力してください",
      "電話番号の桁数が正しくありません。市外局番から入力してください（例：03-5253-1111）",
      CONDITIONS_NOT_CONFIRMED_MESSAGE,
    ]);
    await expect(args.onSubmit).not.toHaveBeenCalled();
  },
};

/** The four terms in full, in the manual's order, inside a bordered box. */
export const ConsentShownInFull: Story = {
  play: async ({ canvas }) => {
    const consent = canvas.getByRole("region", { name: "同意事項" });
    await expect(within(consent).getByText(CONSENT_INTRO)).toBeVisible();
    const terms = within(consent).getAllByRole("listitem");
    await expect(terms.map((term) => term.textContent)).toEqual(
      CONSENT_TERMS.map((term, index) => `${"①②③④"[index]}${term}`),
    );
    await expect(getComputedStyle(consent).borderTopStyle).toBe("solid");
    const conditions = canvas.getByRole("region", { name: "緊急配布条件" });
    await expect(conditions).toHaveTextContent(/①在庫量＜/);
  },
};

export const NotesCounter: Story = {
  play: async ({ canvas }) => {
    const notes = canvas.getByRole("textbox", { name: /備考/ });
    await expect(notes).toHaveAccessibleDescription(/0 \/ 2,000文字/);
    await userEvent.click(notes);
    await userEvent.paste("あ".repeat(2001));
    await expect(canvas.getByText("2,001 / 2,000文字（1文字超過）")).toBeVisible();
    await userEvent.click(canvas.getByRole("button", { name: "保存" }));
    await waitFor(() =>
      expect(notes).toHaveAccessibleDescription(/備考は2,000文字以内で入力してください/),
    );
  },
};

/** 編集: the saved values fill the form; a stored phone number is shown hyphenated. */
export const EditSaved: Story = {
  args: {
    defaultValues: {
      contactName: "独立行政法人国立病院機構 東京医療センター 看護部 感染管理担当 山田 太郎",
      contactPhone: "0352531111",
      notes: "在庫が急減しています。",
      conditionsConfirmed: true,
    },
    onCancel: fn(),
  },
  play: async ({ args, canvas, canvasElement }) => {
    await expect(canvas.getByRole("textbox", { name: /電話番号/ })).toHaveValue("03-5253-1111");
    await expect(
      canvas.getByRole("checkbox", { name: new RegExp(CONDITIONS_CONFIRMATION_LABEL) }),
    ).toBeChecked();
    await userEvent.click(canvas.getByRole("button", { name: "キャンセル" }));
    await expect(args.onCancel).toHaveBeenCalledTimes(1);
    await userEvent.click(canvas.getByRole("button", { name: "保存" }));
    await waitFor(() =>
      expect(args.onSubmit).toHaveBeenCalledWith(
        expect.objectContaining({ contactPhone: "0352531111", conditionsConfirmed: true }),
      ),
    );
    await expect(canvasElement.scrollWidth).toBeLessThanOrEqual(canvasElement.clientWidth);
  },
};

/** 受付完了: read-only, no inputs. */
export const ReadOnlyAccepted: Story = {
  args: {
    readOnlyReason: "受付完了の要請は編集できません。",
    defaultValues: {
      contactName: "山田 太郎",
      contactPhone: "09012345678",
      notes: "1行目\n2行目",
      conditionsConfirmed: true,
    },
  },
  play: async ({ canvas }) => {
    await expect(canvas.queryByRole("textbox")).toBeNull();
    await expect(canvas.queryByRole("checkbox")).toBeNull();
    await expect(canvas.queryByRole("button", { name: "保存" })).toBeNull();
    await expect(canvas.getByText("受付完了の要請は編集できません。")).toBeVisible();
    await expect(canvas.getByText("090-1234-5678")).toBeVisible();
    await expect(canvas.getByText(/確認済み/)).toBeVisible();
    await expect(canvas.getByRole("region", { name: "同意事項" })).toBeVisible();
  },
};

export const ServerRefusal: Story = {
  args: {
    serverError: "受付完了の要請は編集できません。",
    fieldErrors: { contactName: "担当者氏名は100文字以内で入力してください" },
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("alert")).toHaveTextContent("受付完了の要請は編集できません。");
    await waitFor(() =>
      expect(canvas.getByRole("textbox", { name: /担当者氏名/ })).toHaveAccessibleDescription(
        errorDescription("担当者氏名は100文字以内で入力してください"),
      ),
    );
  },
};

export const NetworkFailure: Story = {
  args: {
    defaultValues: { contactName: "山田 太郎", conditionsConfirmed: true },
    onSubmit: fn(async () => Promise.reject(new Error("Failed to fetch"))),
  },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole("button", { name: "保存" }));
    await waitFor(() => expect(canvas.getByRole("alert")).toHaveTextContent(SUBMIT_FAILED_MESSAGE));
  },
};
