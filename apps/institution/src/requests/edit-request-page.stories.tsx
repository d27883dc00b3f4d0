import type { SosRequestFormInput } from "@sos/domain";
import { FixtureError, type Screen } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import type { SosRequestDetail } from "../api-types";
import { inputsOf, outage, storedRecord } from "../stories/fixtures";
import { homeSummary } from "../stories/home";
import { expectHeaderStatus } from "../stories/page-header";
import {
  ACCEPTED_REQUEST,
  DRAFT_REQUEST,
  REQUEST_ID,
  REVIEWING_REQUEST,
} from "../stories/requests";
import { screenMeta } from "../stories/screen";
import { currentAnswered } from "../stories/surveys";

type UpdateInput = SosRequestFormInput & { id: string; version: number };

/** The request on the server; a save refused as stale finds it changed by a colleague. */
const stored = storedRecord<SosRequestDetail>(DRAFT_REQUEST);

/** sos.update as the server does it: refused unless the version is the current one. */
function update({ id: _id, version, ...form }: UpdateInput): SosRequestDetail {
  const current = stored.get();
  if (version !== current.version) {
    throw new FixtureError(
      "CONFLICT",
      "他の担当者が先に更新しました。最新の内容を確認してください。",
      {
        domainCode: "STALE_VERSION",
      },
    );
  }
  const saved: SosRequestDetail = {
    ...current,
    contactName: form.contactName,
    contactPhone: form.contactPhone ?? null,
    notes: form.notes ?? "",
    version: current.version + 1,
  };
  stored.set(saved);
  return saved;
}

const meta = {
  title: "緊急配布要請/編集",
  ...screenMeta({
    path: `/requests/${REQUEST_ID}/edit`,
    api: {
      sos: { get: stored.get, update },
      home: { summary: () => homeSummary({ survey: currentAnswered(), request: stored.get() }) },
    },
    beforeEach: stored.reset,
  }),
} satisfies Meta<typeof Screen>;

export default meta;
type Story = StoryObj<typeof meta>;

async function form(canvasElement: HTMLElement) {
  return within(await within(canvasElement).findByRole("form", { name: "緊急配布要請" }));
}

/** A draft: the saved values fill the form; a full-width phone is saved as digits. */
export const EditDraft: Story = {
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    const fields = await form(canvasElement);
    await expect(page.getByRole("heading", { level: 1, name: "緊急配布要請の編集" })).toBeVisible();
    await expectHeaderStatus(canvasElement, "申請前");
    await expect(page.getByText("2026年11月25日（水）17:00締切の週")).toBeVisible();
    await expect(fields.getByRole("textbox", { name: /担当者氏名/ })).toHaveValue("山田 花子");
    const phone = fields.getByRole("textbox", { name: /電話番号/ });
    await expect(phone).toHaveValue("042-645-1111");
    await expect(fields.getByRole("checkbox", { name: /上記の緊急配布条件/ })).toBeChecked();

    await userEvent.clear(phone);
    await userEvent.type(phone, "０３ー５２５３ー１１１１");
    await userEvent.type(fields.getByRole("textbox", { name: /備考/ }), "夜間は救急外来へ。");
    await userEvent.click(fields.getByRole("button", { name: "保存" }));

    await expect(await page.findByText("変更を保存しました。")).toBeVisible();
    await expect(inputsOf(args.calls, "sos.update")).toEqual([
      {
        id: REQUEST_ID,
        version: 1,
        contactName: "山田 花子",
        contactPhone: "0352531111",
        notes: "夜間は救急外来へ。",
        conditionsConfirmed: true,
      },
    ]);
    // Back on the request page, which still asks for the filing.
    await expect(page.getByRole("heading", { level: 1, name: "緊急配布要請" })).toBeVisible();
    await expect(page.getByText(/下の「システムチェック&申請」を行ってください。/)).toBeVisible();
    await expect(
      within(page.getByRole("region", { name: "要請内容" })).getByText("03-5253-1111"),
    ).toBeVisible();
  },
};

/** With the prefecture: still editable, and the officers will see the change. */
export const EditReviewing: Story = {
  beforeEach: () => stored.set(REVIEWING_REQUEST),
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    const fields = await form(canvasElement);
    const notice = page.getByRole("region", { name: "都道府県・国確認中の要請です" });
    await expect(notice).toHaveTextContent(
      "保存すると変更内容が履歴に残り、都道府県・国の担当者にも表示されます。",
    );
    const name = fields.getByRole("textbox", { name: /担当者氏名/ });
    await userEvent.clear(name);
    await userEvent.type(name, "佐藤 一郎");
    await userEvent.click(fields.getByRole("button", { name: "保存" }));

    await expect(await page.findByText("変更を保存しました。")).toBeVisible();
    await expectHeaderStatus(canvasElement, "都道府県・国確認中");
    await expect(page.queryByText(/下の「システムチェック&申請」を行ってください。/)).toBeNull();
    await expect(inputsOf(args.calls, "sos.update")).toMatchObject([
      { version: 2, contactName: "佐藤 一郎" },
    ]);
  },
};

/** A colleague saved meanwhile: refused, the form re-reads it and keeps what was typed. */
export const StaleVersion: Story = {
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    const fields = await form(canvasElement);
    const notes = fields.getByRole("textbox", { name: /備考/ });
    await userEvent.type(notes, "至急お願いします。");
    // Another tab saves first: the contact changes and the version moves on.
    stored.set({ ...DRAFT_REQUEST, contactName: "佐藤 一郎", version: 2 });
    await userEvent.click(fields.getByRole("button", { name: "保存" }));

    await expect(await fields.findByRole("alert")).toHaveTextContent(
      "他の担当者が先に更新しました。最新の内容を確認してください。 最新の内容を読み込みました。入力内容を確認して、もう一度「保存」を押してください。",
    );
    await waitFor(() =>
      expect(fields.getByRole("textbox", { name: /担当者氏名/ })).toHaveValue("佐藤 一郎"),
    );
    await expect(notes).toHaveValue("至急お願いします。");

    await userEvent.click(fields.getByRole("button", { name: "保存" }));
    await expect(await page.findByText("変更を保存しました。")).toBeVisible();
    await expect(
      inputsOf(args.calls, "sos.update").map((input) => (input as UpdateInput).version),
    ).toEqual([1, 2]);
  },
};

/** A required field emptied: refused at the field, nothing sent. */
export const ValidationError: Story = {
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    const fields = await form(canvasElement);
    await userEvent.clear(fields.getByRole("textbox", { name: /担当者氏名/ }));
    await userEvent.click(fields.getByRole("button", { name: "保存" }));
    const summary = await page.findByRole("region", { name: "入力内容に誤りがあります（1件）" });
    await expect(summary).toHaveTextContent("担当者氏名を入力してください");
    await expect(fields.getByRole("textbox", { name: /担当者氏名/ })).toHaveAttribute(
      "aria-invalid",
      "true",
    );
    await expect(inputsOf(args.calls, "sos.update")).toEqual([]);
  },
};

/** Accepted requests are read-only: the reason, and the way back. */
export const NotEditable: Story = {
  beforeEach: () => stored.set(ACCEPTED_REQUEST),
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const notice = await page.findByRole("region", { name: "この要請は編集できません" });
    await expect(notice).toHaveTextContent(
      "受付完了の要請は編集できません。内容の変更が必要な場合は、都道府県の担当者にご連絡ください。",
    );
    await expectHeaderStatus(canvasElement, "受付完了");
    await expect(page.queryByRole("form")).toBeNull();
    await expect(page.getByRole("link", { name: "要請のページへ戻る" })).toHaveAttribute(
      "href",
      `/requests/${REQUEST_ID}`,
    );
  },
};

const requestOutage = outage(
  new FixtureError(
    "INTERNAL_SERVER_ERROR",
    "サーバーでエラーが発生しました。時間をおいて再度お試しください。",
  ),
  () => DRAFT_REQUEST,
);

/** The request fails to load; 「再読み込み」 reads it again and the form appears. */
export const LoadFailed: Story = {
  args: { api: { sos: { get: requestOutage.handler } } },
  beforeEach: requestOutage.reset,
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const alert = await page.findByRole("alert");
    await expect(alert).toHaveTextContent("緊急配布要請を表示できませんでした");
    await expect(alert).toHaveTextContent(
      "サーバーでエラーが発生しました。時間をおいて再度お試しください。",
    );
    await expect(page.getByRole("link", { name: "緊急配布要請の一覧へ戻る" })).toBeVisible();
    requestOutage.recover();
    await userEvent.click(page.getByRole("button", { name: "再読み込み" }));
    await expect(
      (await form(canvasElement)).getByRole("textbox", { name: /担当者氏名/ }),
    ).toHaveValue("山田 花子");
  },
};
