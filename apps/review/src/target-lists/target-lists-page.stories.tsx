import { FixtureError, findVisible } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { callsOf, countOf, inputsOf } from "../stories/calls";
import { expectMinistryOnly } from "../stories/denied";
import { MINISTRY_USER, PREFECTURE_USER } from "../stories/people";
import { SCREEN_META } from "../stories/screen";
import {
  BATCHES,
  ISSUED_BATCH,
  LATEST_BATCH,
  SJIS_PROBLEMS,
  sjisClean,
  TARGET_LISTS,
} from "../stories/target-lists";

const csvCheck = ({ batchId }: { batchId: string }) => {
  if (batchId === LATEST_BATCH.id) return SJIS_PROBLEMS;
  const batch = [ISSUED_BATCH, ...BATCHES].find((candidate) => candidate.id === batchId);
  if (batch === undefined) throw new FixtureError("NOT_FOUND", "対象のデータが見つかりません。");
  return sjisClean(batch);
};

const meta = {
  ...SCREEN_META,
  title: "画面/審査/対象医療機関リスト/一覧",
  args: {
    path: "/target-lists",
    user: MINISTRY_USER,
    api: { targetList: { list: () => TARGET_LISTS, csvCheck } },
  },
} satisfies Meta<typeof SCREEN_META.component>;

export default meta;
type Story = StoryObj<typeof meta>;

const PENDING_TEXT =
  "販売業者にまだ渡していない受付完了の要請：1,250件（合計 48,760セット（48,760,000枚））";

/** The line saying what waits for the next list (its figures are in a <strong>). */
async function findPending(page: ReturnType<typeof within>): Promise<HTMLElement> {
  return page.findByText("販売業者にまだ渡していない受付完了の要請：");
}

/** The row of the issued lists' table for list `number`. */
function batchRow(canvasElement: HTMLElement, number: number): HTMLElement {
  const table = within(
    within(canvasElement).getByRole("table", { name: "発行済みの対象医療機関リスト" }),
  );
  const row = table.getByRole("rowheader", { name: `第${number}号` }).closest("tr");
  if (row === null) throw new Error(`第${number}号の行がありません`);
  return row;
}

/**
 * Twelve lists handed over so far, newest first, and 1,250 approved requests
 * (48,760 sets) waiting for the thirteenth.
 */
export const IssuedLists: Story = {
  play: async (context) => {
    const page = within(context.canvasElement);
    await findVisible(page, "heading", { level: 1, name: "対象医療機関リスト" });
    await expect(await findPending(page)).toHaveTextContent(PENDING_TEXT);
    await expect(page.getByRole("button", { name: "第13号のリストを発行" })).toBeEnabled();
    const rows = within(page.getByRole("table", { name: "発行済みの対象医療機関リスト" }))
      .getAllByRole("row")
      .slice(1);
    await expect(rows).toHaveLength(12);
    await expect(rows[0]).toHaveTextContent("第12号");
    await expect(batchRow(context.canvasElement, 12)).toHaveTextContent(
      `第12号2026年11月19日（木）15:00${LATEST_BATCH.itemCount.toLocaleString("ja-JP")}件`,
    );
    await expect(batchRow(context.canvasElement, 12)).toHaveTextContent("中村 由美");
    // No list's files until one is chosen.
    await expect(page.queryByRole("heading", { name: /のCSVファイル/ })).toBeNull();
    await expect(inputsOf(callsOf(context), "targetList.list")).toEqual([undefined]);
  },
};

/**
 * Issuing list 13 after the confirmation: the vendor is told, the new list is
 * selected with its files, and nothing waits any more.
 */
export const IssueNextList: Story = {
  args: {
    live: (calls) => {
      const issued = () => countOf(calls, "targetList.issue") > 0;
      return {
        targetList: {
          list: () =>
            issued()
              ? { batches: [ISSUED_BATCH, ...BATCHES], pending: { count: 0, sets: 0 } }
              : TARGET_LISTS,
          issue: () => ISSUED_BATCH,
        },
      };
    },
  },
  play: async (context) => {
    const page = within(context.canvasElement);
    await userEvent.click(await page.findByRole("button", { name: "第13号のリストを発行" }));
    const dialog = within(
      await page.findByRole("dialog", { name: "対象医療機関リスト 第13号を発行します" }),
    );
    await expect(
      dialog.getByText(
        "受付完了の要請1,250件（合計 48,760セット（48,760,000枚））を、番号付きのリストとして販売業者に渡します。販売業者の担当者にはメールで通知します。",
      ),
    ).toBeVisible();
    await expect(dialog.getByText("発行したリストは取り消せません。")).toBeVisible();
    await userEvent.click(dialog.getByRole("button", { name: "発行する" }));

    await expect(await page.findByText("第13号のリストを発行しました")).toBeVisible();
    await expect(
      page.getByText(
        "1,250件（合計 48,760セット（48,760,000枚））を販売業者に渡しました。販売業者の担当者にメールで通知しています。",
      ),
    ).toBeVisible();
    await expect(countOf(callsOf(context), "targetList.issue")).toBe(1);
    await expect(await page.findByText("新たに渡す要請はありません。")).toBeVisible();
    await expect(page.getByRole("button", { name: "第14号のリストを発行" })).toBeDisabled();
    // The list is selected once its refetch is in, which can land after the message shows.
    await waitFor(() =>
      expect(batchRow(context.canvasElement, 13)).toHaveAttribute("aria-current", "true"),
    );

    await findVisible(page, "heading", { level: 2, name: "第13号のCSVファイル（1,250件）" });
    await expect(inputsOf(callsOf(context), "targetList.csvCheck")).toEqual([
      { batchId: ISSUED_BATCH.id },
    ]);
    await expect(await page.findByText("すべての文字をShift_JISで出力できます。")).toBeVisible();
    await expect(page.getByRole("link", { name: "UTF-8でダウンロード" })).toHaveAttribute(
      "href",
      `/api/target-lists/${ISSUED_BATCH.id}.csv?encoding=utf8`,
    );
    await expect(page.getByRole("link", { name: "Shift_JISでダウンロード" })).toHaveAttribute(
      "href",
      `/api/target-lists/${ISSUED_BATCH.id}.csv?encoding=sjis`,
    );
    await expect(
      page.getByRole("link", { name: "第13号に載せた医療機関の一覧を見る" }),
    ).toHaveAttribute("href", `/target-lists/${ISSUED_BATCH.id}`);
  },
};

const NOTHING_TO_ISSUE = "販売業者にまだ引き渡していない受付完了の要請はありません。";

/** Someone issued the list a moment earlier: the server's refusal, in the dialog. */
export const IssueRefused: Story = {
  args: {
    api: {
      targetList: {
        list: () => TARGET_LISTS,
        csvCheck,
        issue: () => {
          throw new FixtureError("PRECONDITION_FAILED", NOTHING_TO_ISSUE, {
            domainCode: "NOTHING_TO_ISSUE",
          });
        },
      },
    },
  },
  play: async (context) => {
    const page = within(context.canvasElement);
    await userEvent.click(await page.findByRole("button", { name: "第13号のリストを発行" }));
    const dialog = within(await page.findByRole("dialog"));
    await userEvent.click(dialog.getByRole("button", { name: "発行する" }));
    await expect(await dialog.findByText(NOTHING_TO_ISSUE)).toBeVisible();
    await expect(page.queryByText(/のリストを発行しました/)).toBeNull();
    // The lists are read again, to show what the other officer issued.
    await expect(countOf(callsOf(context), "targetList.list")).toBe(2);
  },
};

/** Nothing approved since the last list: the issue button waits, and says why. */
export const NothingToIssue: Story = {
  args: {
    api: {
      targetList: { list: () => ({ ...TARGET_LISTS, pending: { count: 0, sets: 0 } }), csvCheck },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const button = await page.findByRole("button", { name: "第13号のリストを発行" });
    await expect(button).toBeDisabled();
    await expect(button).toHaveAccessibleDescription("新たに渡す要請はありません。");
    await expect(await findPending(page)).toHaveTextContent(
      "販売業者にまだ渡していない受付完了の要請：0件（合計 0セット（0枚））",
    );
  },
};

/** The first week of the scheme: no list yet, the first one to issue. */
export const NoListsYet: Story = {
  args: {
    api: {
      targetList: { list: () => ({ batches: [], pending: { count: 318, sets: 2_145 } }), csvCheck },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(await page.findByText("まだ発行したリストはありません。")).toBeVisible();
    await expect(page.getByRole("button", { name: "第1号のリストを発行" })).toBeEnabled();
  },
};

/**
 * List 12 has a name with 𠮷, which Shift_JIS lacks: both places are listed, and
 * the Shift_JIS file is offered only once the officer accepts 〓 in its place.
 * Choosing another list starts its own check, and its own consent.
 */
export const ShiftJisCheck: Story = {
  args: { path: `/target-lists?batch=${LATEST_BATCH.id}` },
  play: async (context) => {
    const page = within(context.canvasElement);
    await findVisible(page, "heading", { level: 2, name: "第12号のCSVファイル（6件）" });
    await expect(await page.findByText("Shift_JISで表せない文字が2か所あります")).toBeVisible();
    const lost = within(page.getByRole("table", { name: "Shift_JISで表せない文字" }));
    const rows = lost.getAllByRole("row").slice(1);
    await expect(rows).toHaveLength(2);
    await expect(rows[0]).toHaveTextContent(
      "5行目医療機関名𠮷（U+20BB7）𠮷野内科クリニック（1311334567）",
    );
    await expect(rows[1]).toHaveTextContent("担当者名");
    await expect(page.queryByRole("link", { name: /Shift_JISでダウンロード/ })).toBeNull();

    await userEvent.click(
      page.getByRole("checkbox", {
        name: "上記の文字が「〓」に置き換わることを了承して、Shift_JIS版を出力する",
      }),
    );
    await expect(
      page.getByRole("link", { name: "Shift_JISでダウンロード（〓に置き換え）" }),
    ).toHaveAttribute("href", `/api/target-lists/${LATEST_BATCH.id}.csv?encoding=sjis&replace=1`);

    await userEvent.click(page.getByRole("button", { name: "第11号のCSV出力" }));
    await findVisible(page, "heading", { level: 2, name: /^第11号のCSVファイル/ });
    await expect(await page.findByText("すべての文字をShift_JISで出力できます。")).toBeVisible();
    await waitFor(() =>
      expect(batchRow(context.canvasElement, 11)).toHaveAttribute("aria-current", "true"),
    );
    await expect(inputsOf(callsOf(context), "targetList.csvCheck").at(-1)).toEqual({
      batchId: BATCHES[1]?.id,
    });
  },
};

/** The Shift_JIS check failed: UTF-8 is still offered, Shift_JIS waits for the check. */
export const CsvCheckFailed: Story = {
  args: {
    path: `/target-lists?batch=${LATEST_BATCH.id}`,
    api: {
      targetList: {
        list: () => TARGET_LISTS,
        csvCheck: () => {
          throw new FixtureError(
            "SERVICE_UNAVAILABLE",
            "ただいまサービスを利用できません。しばらく時間をおいてから再度お試しください。",
          );
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(
      await page.findByText(
        "Shift_JISで出力できるか確認できませんでした。ただいまサービスを利用できません。しばらく時間をおいてから再度お試しください。",
      ),
    ).toBeVisible();
    await expect(page.getByRole("link", { name: "UTF-8でダウンロード" })).toBeVisible();
    await expect(page.queryByRole("link", { name: /Shift_JISでダウンロード/ })).toBeNull();
  },
};

/** The lists could not be read: the server's message and a retry that works. */
export const LoadFailed: Story = {
  args: {
    live: (calls) => ({
      targetList: {
        list: () => {
          if (countOf(calls, "targetList.list") === 1) {
            throw new FixtureError(
              "INTERNAL_SERVER_ERROR",
              "システムエラーが発生しました。しばらく時間をおいてから再度お試しください。",
            );
          }
          return TARGET_LISTS;
        },
      },
    }),
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(await page.findByText("対象医療機関リストを表示できませんでした")).toBeVisible();
    await userEvent.click(page.getByRole("button", { name: "再読み込み" }));
    await expect(await findPending(page)).toHaveTextContent(PENDING_TEXT);
  },
};

/** A prefecture officer at the address: told it is the ministry's page, nothing asked. */
export const PrefectureDenied: Story = {
  args: { user: PREFECTURE_USER },
  play: async (context) => {
    await expectMinistryOnly(context.canvasElement, "対象医療機関リスト", callsOf(context));
  },
};
