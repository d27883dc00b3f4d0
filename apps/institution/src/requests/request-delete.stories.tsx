import { type ApiFixtures, FixtureError, type Screen } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import type { SosRequestDetail } from "../api-types";
import { inputsOf, storedRecord } from "../stories/fixtures";
import { homeSummary } from "../stories/home";
import { expectHeaderStatus } from "../stories/page-header";
import { REQUEST_HISTORY, ROWS } from "../stories/request-list";
import { DRAFT_REQUEST, ERROR_REQUEST, REQUEST_ID, REVIEWING_REQUEST } from "../stories/requests";
import { screenMeta } from "../stories/screen";
import { currentAnswered } from "../stories/surveys";

/** The request the page shows; deleting it takes its row out of the list. */
const stored = storedRecord<SosRequestDetail>(DRAFT_REQUEST);
const deleted = storedRecord(false);

const ALREADY_DELETED = new FixtureError(
  "NOT_FOUND",
  "この要請はすでに削除されています。緊急配布要請の一覧を確認してください。",
  { domainCode: "NOT_FOUND" },
);

/** The story's server: sos reads `stored`; 削除 succeeds unless `sos` says otherwise. */
function server(sos: ApiFixtures["sos"] = {}): ApiFixtures {
  return {
    sos: {
      get: stored.get,
      delete: () => {
        deleted.set(true);
        return { id: REQUEST_ID, deleted: true as const };
      },
      list: () => ({
        items: deleted.get()
          ? REQUEST_HISTORY.filter((row) => row !== ROWS.draft)
          : REQUEST_HISTORY,
        nextCursor: null,
      }),
      ...sos,
    },
    home: { summary: () => homeSummary({ survey: currentAnswered(), request: stored.get() }) },
  };
}

const meta = {
  title: "緊急配布要請/詳細（削除）",
  ...screenMeta({
    path: `/requests/${REQUEST_ID}`,
    api: server(),
    beforeEach: () => {
      stored.reset();
      deleted.reset();
    },
  }),
} satisfies Meta<typeof Screen>;

export default meta;
type Story = StoryObj<typeof meta>;

async function openDeleteDialog(canvasElement: HTMLElement) {
  const page = within(canvasElement);
  await userEvent.click(await page.findByRole("button", { name: "削除" }));
  return within(await page.findByRole("dialog", { name: "この要請を削除しますか？" }));
}

/**
 * A draft (申請前): 「削除」 (outlined red, like 取下げ) asks first, the solid red
 * button deletes it, and the list says so without its row.
 */
export const DraftDeleted: Story = {
  play: async ({ args, canvasElement }) => {
    const page = within(canvasElement);
    await expectHeaderStatus(canvasElement, "申請前");
    await expect(page.queryByRole("button", { name: "取下げ" })).toBeNull();
    const dialog = await openDeleteDialog(canvasElement);
    await expect(
      dialog.getByText(`${DRAFT_REQUEST.weekTitle}の要請（申請前）を削除します`, { exact: false }),
    ).toBeVisible();
    await expect(dialog.getByText(/都道府県・国には届いていません/)).toBeVisible();
    await userEvent.click(dialog.getByRole("button", { name: "削除する" }));

    await expect(await page.findByText("要請を削除しました")).toBeVisible();
    await expect(page.getByRole("link", { name: "新規" })).toBeVisible();
    await expect(
      page.getByText(`${DRAFT_REQUEST.weekTitle}の要請（申請前）を削除しました。`),
    ).toBeVisible();
    const list = await page.findByRole("region", { name: "すべての一覧" });
    await expect(await within(list).findAllByRole("listitem")).toHaveLength(
      REQUEST_HISTORY.length - 1,
    );
    await expect(inputsOf(args.calls, "sos.delete")).toEqual([
      { id: REQUEST_ID, version: DRAFT_REQUEST.version },
    ]);
  },
};

/** 「キャンセル」 deletes nothing and leaves the request as it was. */
export const DeleteCancelled: Story = {
  play: async ({ args, canvasElement }) => {
    const dialog = await openDeleteDialog(canvasElement);
    await userEvent.click(dialog.getByRole("button", { name: "キャンセル" }));
    await expectHeaderStatus(canvasElement, "申請前");
    await expect(within(canvasElement).queryByRole("dialog")).toBeNull();
    await expect(inputsOf(args.calls, "sos.delete")).toEqual([]);
  },
};

/** After a failed check (エラーあり) the request may still be deleted, or withdrawn. */
export const ErrorRequestOffersDelete: Story = {
  beforeEach: () => stored.set(ERROR_REQUEST),
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expectHeaderStatus(canvasElement, "エラーあり");
    await expect(await page.findByRole("button", { name: "削除" })).toBeVisible();
    await expect(page.getByRole("button", { name: "取下げ" })).toBeVisible();
    const dialog = await openDeleteDialog(canvasElement);
    await expect(dialog.getByText(/（エラーあり）を削除します/)).toBeVisible();
  },
};

/** Filed (with the prefecture): no 削除, only 取下げ. */
export const FiledOffersNoDelete: Story = {
  beforeEach: () => stored.set(REVIEWING_REQUEST),
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expectHeaderStatus(canvasElement, "都道府県・国確認中");
    await expect(await page.findByRole("button", { name: "取下げ" })).toBeVisible();
    await expect(page.queryByRole("button", { name: "削除" })).toBeNull();
  },
};

/** Deleted in another tab meanwhile: the list, with the server's words. */
export const AlreadyDeleted: Story = {
  args: {
    api: server({
      delete: () => {
        throw ALREADY_DELETED;
      },
    }),
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const dialog = await openDeleteDialog(canvasElement);
    await userEvent.click(dialog.getByRole("button", { name: "削除する" }));
    await expect(await page.findByText("この要請はすでに削除されています")).toBeVisible();
    await expect(page.getByText(ALREADY_DELETED.message)).toBeVisible();
    await expect(page.queryByRole("dialog")).toBeNull();
  },
};
