import type { SosRequestFormInput } from "@sos/domain";
import { FixtureError, findVisible, type Screen } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import type { SosRequestDetail } from "../api-types";
import { draftStorageKey } from "../common/form-draft";
import { INSTITUTION_USER, inputsOf, storedRecord } from "../stories/fixtures";
import { homeSummary } from "../stories/home";
import { REQUEST_HISTORY } from "../stories/request-list";
import { DRAFT_REQUEST } from "../stories/requests";
import { screenMeta } from "../stories/screen";
import { currentAnswered } from "../stories/surveys";

// The SOS request form keeps what is typed until it is saved (issue 16 #2).

const NEW_KEY = draftStorageKey(
  INSTITUTION_USER.id,
  INSTITUTION_USER.institutionId ?? "",
  "request",
  "new",
);
const EDIT_KEY = draftStorageKey(
  INSTITUTION_USER.id,
  INSTITUTION_USER.institutionId ?? "",
  "request",
  DRAFT_REQUEST.id,
);
const stored = storedRecord<SosRequestDetail | null>(null);

const meta = {
  title: "緊急配布要請/下書き",
  ...screenMeta({
    path: "/requests/new",
    beforeEach: stored.reset,
    api: {
      home: { summary: () => homeSummary({ survey: currentAnswered(), request: stored.get() }) },
      sos: {
        create: (form: SosRequestFormInput) => {
          const created: SosRequestDetail = {
            ...DRAFT_REQUEST,
            contactName: form.contactName,
            contactPhone: form.contactPhone ?? null,
            notes: form.notes ?? "",
          };
          stored.set(created);
          return created;
        },
        get: () => {
          const request = stored.get();
          if (request === null)
            throw new FixtureError("NOT_FOUND", "対象のデータが見つかりません。");
          return request;
        },
        list: () => ({ items: REQUEST_HISTORY, nextCursor: null }),
      },
    },
  }),
} satisfies Meta<typeof Screen>;

export default meta;
type Story = StoryObj<typeof meta>;

function storeDraft(key: string, values: Record<string, unknown>) {
  localStorage.setItem(key, JSON.stringify({ savedAt: Date.now(), values }));
}

async function form(canvasElement: HTMLElement) {
  const page = within(canvasElement);
  return within(await page.findByRole("form", { name: "緊急配布要請" }));
}

/** A new request typed before the session ended comes back, ticked box included, and saves. */
export const NewRequestRestored: Story = {
  beforeEach: () =>
    storeDraft(NEW_KEY, {
      contactName: "山田　花子",
      contactPhone: "03-5253-1111",
      notes: "感染症病棟の増床で、消費が通常の約3倍です。",
      conditionsConfirmed: true,
    }),
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    const fields = await form(canvasElement);
    await expect(await page.findByText("保存されていない入力内容を復元しました")).toBeVisible();
    await expect(fields.getByRole("textbox", { name: /担当者氏名/ })).toHaveValue("山田　花子");
    await expect(fields.getByRole("textbox", { name: /備考/ })).toHaveValue(
      "感染症病棟の増床で、消費が通常の約3倍です。",
    );
    await expect(fields.getByRole("checkbox", { name: /上記の緊急配布条件/ })).toBeChecked();

    await userEvent.click(fields.getByRole("button", { name: "保存" }));
    await expect(await page.findByText("保存しました（申請前）。")).toBeVisible();
    await expect(inputsOf(args.calls, "sos.create")).toEqual([
      {
        contactName: "山田　花子",
        contactPhone: "0352531111",
        notes: "感染症病棟の増床で、消費が通常の約3倍です。",
        conditionsConfirmed: true,
      },
    ]);
    await expect(localStorage.getItem(NEW_KEY)).toBeNull();
  },
};

/** Typing keeps the draft; Enter in a one-line box moves on and never saves. */
export const KeepsWhatIsTypedAndEnterMovesOn: Story = {
  play: async ({ args, canvasElement }) => {
    const fields = await form(canvasElement);
    await userEvent.type(fields.getByRole("textbox", { name: /担当者氏名/ }), "佐藤{Enter}");
    await expect(fields.getByRole("textbox", { name: /電話番号/ })).toHaveFocus();
    await waitFor(() =>
      expect(JSON.parse(localStorage.getItem(NEW_KEY) ?? "{}").values).toMatchObject({
        contactName: "佐藤",
        conditionsConfirmed: false,
      }),
    );
    await expect(inputsOf(args.calls, "sos.create")).toEqual([]);
    await expect(within(canvasElement).queryByRole("alert")).toBeNull();
  },
};

/** 編集: the draft of this request is restored; 破棄 puts back what the server has. */
export const EditDraftDiscarded: Story = {
  args: { path: `/requests/${DRAFT_REQUEST.id}/edit` },
  beforeEach: () => {
    stored.set(DRAFT_REQUEST);
    storeDraft(EDIT_KEY, {
      contactName: "別の担当者",
      contactPhone: "",
      notes: "",
      conditionsConfirmed: false,
    });
  },
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    const fields = await form(canvasElement);
    const name = fields.getByRole("textbox", { name: /担当者氏名/ });
    await waitFor(() => expect(name).toHaveValue("別の担当者"));
    await userEvent.click(await findVisible(page, "button", { name: "復元した入力を破棄" }));
    await expect(name).toHaveValue(DRAFT_REQUEST.contactName);
    await expect(localStorage.getItem(EDIT_KEY)).toBeNull();
    await expect(inputsOf(args.calls, "sos.update")).toEqual([]);
  },
};
