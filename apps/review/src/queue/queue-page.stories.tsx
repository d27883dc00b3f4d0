import { FixtureError, findVisible } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import type { QueueInput } from "../api-types";
import { callsOf, countOf, inputsOf } from "../stories/calls";
import { dateBoxes, typeDate } from "../stories/date-field";
import { MINISTRY_USER, PREFECTURE_USER } from "../stories/people";
import { ALL_REQUESTS, REQUESTS, serveQueue } from "../stories/queue";
import { requestDetail } from "../stories/requests";
import { deadlines } from "../stories/round";
import { SCREEN_META } from "../stories/screen";

const tokyoQueue = (input: QueueInput) => serveQueue(ALL_REQUESTS, input, 13);
const nationwideQueue = (input: QueueInput) => serveQueue(ALL_REQUESTS, input);

const PREFECTURE_API = {
  review: { deadlines: () => deadlines(128), queue: tokyoQueue },
};

const MINISTRY_API = {
  review: { deadlines: () => deadlines(1_480, 0, 1_234), queue: nationwideQueue },
};

/** review.queue's input for the role's first queue, as the page sends it. */
const FIRST_QUEUE = {
  status: "reviewing",
  reviewState: null,
  institutionType: null,
  filedFrom: null,
  filedTo: null,
  late: null,
  prefectureCode: null,
  search: null,
  sort: "appliedAt",
  dir: "asc",
  page: 1,
  pageSize: 50,
} as const;

const meta = {
  ...SCREEN_META,
  title: "画面/審査/要請の一覧",
  args: { path: "/requests", user: PREFECTURE_USER, api: PREFECTURE_API },
} satisfies Meta<typeof SCREEN_META.component>;

export default meta;
type Story = StoryObj<typeof meta>;

function lastQueueInput(context: Parameters<typeof callsOf>[0]) {
  return inputsOf(callsOf(context), "review.queue").at(-1);
}

function tableOf(canvasElement: HTMLElement, caption: string) {
  return within(within(canvasElement).getByRole("table", { name: caption }));
}

/** The body rows of the queue, in order. */
function bodyRows(canvasElement: HTMLElement, caption: string): HTMLElement[] {
  return tableOf(canvasElement, caption).getAllByRole("row").slice(1);
}

/**
 * A Tokyo officer's queue: the 128 requests waiting for the prefecture, oldest
 * first, 50 a page, with the figures, the rule, the limit and each one's flags
 * (draft saved, returned by the ministry, a sanction in force).
 */
export const Prefecture: Story = {
  play: async (context) => {
    const page = within(context.canvasElement);
    await findVisible(page, "heading", { level: 1, name: "確認待ちの要請" });
    await expect(
      page.getByText(/^東京都の医療機関からの要請です。配送要否と数量を入力し/),
    ).toBeVisible();
    await expect(await page.findByText("全 128 件中 1〜50 件")).toBeVisible();
    await expect(lastQueueInput(context)).toEqual({ ...FIRST_QUEUE, stage: "prefecture" });

    const table = tableOf(context.canvasElement, "東京都の要請");
    // A prefecture sees its own requests: no prefecture column; its own can be selected
    // to complete several at once.
    await expect(table.queryByRole("columnheader", { name: "都道府県" })).toBeNull();
    await expect(
      page.getByRole("checkbox", { name: "このページの確認完了にできる要請をすべて選択" }),
    ).toBeVisible();

    const rows = bodyRows(context.canvasElement, "東京都の要請");
    await expect(rows).toHaveLength(50);
    const [chiyoda, sumida, yoshino, takahashi, midori] = rows as [
      HTMLElement,
      HTMLElement,
      HTMLElement,
      HTMLElement,
      HTMLElement,
    ];
    await expect(within(chiyoda).getByRole("link")).toHaveTextContent("千代田中央病院");
    await expect(chiyoda).toHaveTextContent("1310112345");
    await expect(chiyoda).toHaveTextContent("2,000");
    await expect(chiyoda).toHaveTextContent("6,000");
    await expect(chiyoda).toHaveTextContent("12セット");
    await expect(chiyoda).toHaveTextContent("0.4週");
    await expect(chiyoda).toHaveTextContent("都道府県確認中");
    await expect(chiyoda).toHaveTextContent("11月18日（水）19:10");

    await expect(within(sumida).getByRole("link")).toHaveTextContent(
      "社会福祉法人恩賜財団済生会支部東京都済生会向島病院附属すみだ訪問看護ステーション",
    );
    await expect(sumida).toHaveTextContent("入力中 3セット");
    await expect(within(sumida).getByText("一時保存あり")).toBeVisible();
    await expect(within(yoshino).getByText("差戻しあり")).toBeVisible();
    await expect(within(takahashi).getByRole("link")).toHaveTextContent("髙橋整形外科医院");
    await expect(within(midori).getByText("措置中")).toBeVisible();
    await expect(within(chiyoda).getByRole("link")).toHaveAttribute(
      "href",
      `/requests/${REQUESTS.chiyoda.id}`,
    );
  },
};

/**
 * Sorting and paging are the server's: a header asks for its order (the largest
 * limit first), the pager for page 2 of the same order.
 */
export const PrefectureSortAndPage: Story = {
  play: async (context) => {
    const page = within(context.canvasElement);
    await expect(await page.findByText("全 128 件中 1〜50 件")).toBeVisible();
    const limit = page.getByRole("columnheader", { name: /購入上限/ });
    await userEvent.click(within(limit).getByRole("button"));
    await waitFor(() =>
      expect(lastQueueInput(context)).toMatchObject({ sort: "limitSets", dir: "desc", page: 1 }),
    );
    await expect(limit).toHaveAttribute("aria-sort", "descending");
    const largest = tokyoQueue({
      ...FIRST_QUEUE,
      stage: "prefecture",
      sort: "limitSets",
      dir: "desc",
    }).items[0];
    await waitFor(() =>
      expect(bodyRows(context.canvasElement, "東京都の要請")[0]).toHaveTextContent(
        largest?.institution.name ?? "—",
      ),
    );

    const pager = page.getByRole("navigation", { name: "ページ送り" });
    await userEvent.click(within(pager).getByRole("button", { name: "2ページ目" }));
    await expect(await page.findByText("全 128 件中 51〜100 件")).toBeVisible();
    await expect(lastQueueInput(context)).toMatchObject({
      sort: "limitSets",
      dir: "desc",
      page: 2,
    });

    await userEvent.selectOptions(page.getByRole("combobox", { name: "表示件数" }), "20件");
    // The first row on screen (the 51st) stays in view: page 3 of 20.
    await expect(await page.findByText("全 128 件中 41〜60 件")).toBeVisible();
    await expect(lastQueueInput(context)).toMatchObject({ page: 3, pageSize: 20 });
  },
};

/**
 * The filters apply together on 「絞り込む」: every status, one institution found by
 * a name with a character outside JIS (𠮷).
 */
export const PrefectureFilters: Story = {
  play: async (context) => {
    const page = within(context.canvasElement);
    await expect(await page.findByText("全 128 件中 1〜50 件")).toBeVisible();
    const bar = within(page.getByRole("search", { name: "要請の絞り込み" }));
    await userEvent.type(bar.getByLabelText("医療機関名・コード"), "𠮷野");
    await userEvent.selectOptions(bar.getByRole("combobox", { name: "状態" }), "すべて");
    await userEvent.selectOptions(
      bar.getByRole("combobox", { name: "施設種別" }),
      "診療所（歯科を含む）",
    );
    // Nothing is asked while choosing.
    await expect(countOf(callsOf(context), "review.queue")).toBe(1);
    await userEvent.click(bar.getByRole("button", { name: "絞り込む" }));

    await expect(await page.findByText("全 1 件中 1〜1 件")).toBeVisible();
    await expect(lastQueueInput(context)).toEqual({
      ...FIRST_QUEUE,
      status: "all",
      stage: null,
      institutionType: "clinic",
      search: "𠮷野",
    });
    const rows = bodyRows(context.canvasElement, "東京都の要請");
    await expect(rows).toHaveLength(1);
    await expect(rows[0]).toHaveTextContent("𠮷野内科クリニック");
  },
};

/** 「条件をクリア」 brings back the officer's own queue (都道府県確認中), not every stage. */
export const PrefectureClearFilters: Story = {
  args: { path: "/requests?status=all&q=%F0%A0%AE%B7%E9%87%8E" },
  play: async (context) => {
    const page = within(context.canvasElement);
    await expect(await page.findByText("全 1 件中 1〜1 件")).toBeVisible();
    const bar = within(page.getByRole("search", { name: "要請の絞り込み" }));
    await userEvent.click(bar.getByRole("button", { name: "条件をクリア" }));

    await expect(await page.findByText("全 128 件中 1〜50 件")).toBeVisible();
    await expect(lastQueueInput(context)).toEqual({ ...FIRST_QUEUE, stage: "prefecture" });
    await expect(bar.getByRole("combobox", { name: "状態" })).toHaveDisplayValue("都道府県確認中");
  },
};

/** A reversed date range is refused at the field; nothing is asked of the server. */
export const PrefectureFilterDateRangeError: Story = {
  play: async (context) => {
    const page = within(context.canvasElement);
    await expect(await page.findByText("全 128 件中 1〜50 件")).toBeVisible();
    const search = page.getByRole("search", { name: "要請の絞り込み" });
    const bar = within(search);
    await typeDate(search, "開始日", "2026-11-25");
    await typeDate(search, "終了日", "2026-11-19");
    await userEvent.click(bar.getByRole("button", { name: "絞り込む" }));
    await expect(
      await bar.findByText("申請日の範囲が正しくありません（開始日が終了日より後です）"),
    ).toBeVisible();
    await expect(dateBoxes(search, "終了日").year).toHaveFocus();
    await expect(countOf(callsOf(context), "review.queue")).toBe(1);
  },
};

/** Every request checked: the empty queue says so plainly. */
export const PrefectureEmpty: Story = {
  args: {
    api: {
      review: {
        deadlines: () => deadlines(0),
        queue: (input) => serveQueue([], input, 13),
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(await page.findByText("確認待ちの要請はありません。")).toBeVisible();
    await expect(page.getByText("全 0 件")).toBeVisible();
    await expect(page.queryByRole("navigation", { name: "ページ送り" })).toBeNull();
  },
};

/** Filters that match nothing (here from a shared link) are told apart from an empty queue. */
export const PrefectureNoMatch: Story = {
  args: { path: "/requests?q=%E5%AD%98%E5%9C%A8%E3%81%97%E3%81%AA%E3%81%84%E7%97%85%E9%99%A2" },
  play: async (context) => {
    const page = within(context.canvasElement);
    await expect(await page.findByText("条件に一致する要請はありません。")).toBeVisible();
    await expect(lastQueueInput(context)).toMatchObject({ search: "存在しない病院" });
    await expect(page.getByLabelText("医療機関名・コード")).toHaveValue("存在しない病院");
  },
};

/** The queue could not be read: the server's message, and a retry that then succeeds. */
export const PrefectureLoadFailed: Story = {
  args: {
    live: (calls) => ({
      review: {
        queue: (input) => {
          if (countOf(calls, "review.queue") === 1) {
            throw new FixtureError(
              "SERVICE_UNAVAILABLE",
              "ただいまサービスを利用できません。しばらく時間をおいてから再度お試しください。",
            );
          }
          return tokyoQueue(input);
        },
      },
    }),
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(
      await page.findByText(
        "要請の一覧を表示できませんでした。ただいまサービスを利用できません。しばらく時間をおいてから再度お試しください。",
      ),
    ).toBeVisible();
    await expect(page.getByText("全 0 件")).toBeVisible();
    await userEvent.click(page.getByRole("button", { name: "再読み込み" }));
    await expect(await page.findByText("全 128 件中 1〜50 件")).toBeVisible();
    await expect(page.queryByText(/要請の一覧を表示できませんでした/)).toBeNull();
  },
};

/**
 * Opening a request from the queue (Enter on the row the keyboard is on): its page,
 * with its place in the queue page and the way to the next one.
 */
export const PrefectureOpensRequest: Story = {
  args: {
    api: {
      review: {
        ...PREFECTURE_API.review,
        get: ({ id }) =>
          requestDetail(id === REQUESTS.sumida.id ? REQUESTS.sumida : REQUESTS.chiyoda),
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(await page.findByText("全 128 件中 1〜50 件")).toBeVisible();
    page.getByRole("region", { name: "東京都の要請" }).focus();
    await userEvent.keyboard("j");
    await userEvent.keyboard("{Enter}");
    await findVisible(page, "heading", { level: 1, name: "千代田中央病院" });
    const pager = page.getByRole("navigation", { name: "一覧の前後の要請" });
    await expect(within(pager).getByText("このページの 1 / 50 件目")).toBeVisible();
    await expect(within(pager).queryByRole("link", { name: /前の要請/ })).toBeNull();
    await userEvent.click(within(pager).getByRole("link", { name: /次の要請/ }));
    await findVisible(page, "heading", {
      level: 1,
      name: "社会福祉法人恩賜財団済生会支部東京都済生会向島病院附属すみだ訪問看護ステーション",
    });
    await expect(page.getByText("このページの 2 / 50 件目")).toBeVisible();
    await userEvent.click(page.getByRole("link", { name: "要請の一覧へ" }));
    await findVisible(page, "heading", { level: 1, name: "確認待ちの要請" });
  },
};

/**
 * The ministry's queue: the 1,234 requests the prefectures have completed, from
 * the whole country, with the prefecture column, large quantities (1,250 sets),
 * a quantity over the computed limit, and the selection for batch approval.
 */
export const Ministry: Story = {
  args: { user: MINISTRY_USER, api: MINISTRY_API },
  play: async (context) => {
    const page = within(context.canvasElement);
    await findVisible(page, "heading", { level: 1, name: "要請の確認・承認" });
    await expect(await page.findByText("全 1,234 件中 1〜50 件")).toBeVisible();
    // The banner counts what waits for the ministry, not the prefectures' 未完了.
    const banner = context.canvasElement.querySelector(".sos-deadline");
    await expect(banner).toHaveTextContent(/都道府県の確認期限（.+）まで/);
    await expect(banner).toHaveTextContent("国確認待ち 1,234件");
    await expect(banner).toHaveTextContent("都道府県確認中 1,480件");
    await expect(banner).not.toHaveTextContent("未完了");
    await expect(lastQueueInput(context)).toEqual({ ...FIRST_QUEUE, stage: "ministry" });
    await expect(page.getByRole("link", { name: "都道府県別の進捗状況" })).toHaveAttribute(
      "href",
      "/progress",
    );
    const table = tableOf(context.canvasElement, "全国の要請");
    await expect(table.getByRole("columnheader", { name: "都道府県" })).toBeVisible();

    const [bay, yokohama, , sapporo] = bodyRows(context.canvasElement, "全国の要請") as [
      HTMLElement,
      HTMLElement,
      HTMLElement,
      HTMLElement,
    ];
    await expect(bay).toHaveTextContent("東京ベイ総合医療センター");
    await expect(bay).toHaveTextContent("1,200,000");
    await expect(bay).toHaveTextContent("625,000");
    await expect(bay).toHaveTextContent("1,250セット");
    await expect(bay).toHaveTextContent("都道府県 1,250セット");
    await expect(bay).toHaveTextContent("国確認中");
    await expect(yokohama).toHaveTextContent(
      "社会福祉法人恩賜財団済生会支部神奈川県済生会横浜市東部病院",
    );
    await expect(yokohama).toHaveTextContent("神奈川県");
    await expect(within(sapporo).getByText("上限超")).toBeVisible();
    await expect(sapporo).toHaveTextContent("都道府県 80セット");
    await expect(
      table.getByRole("checkbox", { name: "東京ベイ総合医療センターを選択" }),
    ).toBeEnabled();
  },
};

/**
 * Batch approval: two requests selected, the bar totals them, the confirmation
 * lists them, review.approve gets each with the version read, and the queue is read
 * again without them.
 */
export const MinistryBatchApproval: Story = {
  args: {
    user: MINISTRY_USER,
    live: (calls) => {
      const approvedIds = () =>
        new Set(
          inputsOf(calls, "review.approve").flatMap((input) =>
            (input as { items: Array<{ id: string }> }).items.map((item) => item.id),
          ),
        );
      return {
        review: {
          deadlines: () => deadlines(1_480),
          queue: (input) => {
            const approved = approvedIds();
            return serveQueue(
              ALL_REQUESTS.filter((row) => !approved.has(row.id)),
              input,
            );
          },
          approve: ({ items }) => ({
            approved: items.map((item) => {
              const row = ALL_REQUESTS.find((candidate) => candidate.id === item.id);
              return {
                id: item.id,
                version: item.expectedVersion + 1,
                quantitySets: row?.prefectureReview.quantitySets ?? 0,
                institutionName: row?.institution.name ?? "",
              };
            }),
          }),
        },
      };
    },
  },
  play: async (context) => {
    const page = within(context.canvasElement);
    await expect(await page.findByText("全 1,234 件中 1〜50 件")).toBeVisible();
    await userEvent.click(page.getByRole("checkbox", { name: "東京ベイ総合医療センターを選択" }));
    await userEvent.click(
      page.getByRole("checkbox", {
        name: "社会福祉法人恩賜財団済生会支部神奈川県済生会横浜市東部病院を選択",
      }),
    );
    const bar = within(page.getByRole("region", { name: "選択した要請の一括承認" }));
    await expect(bar.getByText("2件を選択中")).toBeVisible();
    await expect(bar.getByText("合計 1,610セット（1,610,000枚）")).toBeVisible();
    await userEvent.click(bar.getByRole("button", { name: "2件を承認" }));

    const dialog = within(await page.findByRole("dialog", { name: "2件の要請を承認します" }));
    const listed = dialog.getByRole("list", { name: "承認する要請" });
    await expect(listed).toHaveTextContent("東京ベイ総合医療センター1,250セット（1,250,000枚）");
    await expect(listed).toHaveTextContent(
      "社会福祉法人恩賜財団済生会支部神奈川県済生会横浜市東部病院360セット（360,000枚）",
    );
    await userEvent.click(dialog.getByRole("button", { name: "2件を承認する" }));

    await expect(await page.findByText("2件の要請を承認しました")).toBeVisible();
    await expect(
      page.getByText(
        "受付完了となりました（合計 1,610セット（1,610,000枚））。対象医療機関リストの発行を待つ要請になります。",
      ),
    ).toBeVisible();
    await expect(inputsOf(callsOf(context), "review.approve")).toEqual([
      {
        items: [
          { id: REQUESTS.bay.id, expectedVersion: 2 },
          { id: REQUESTS.yokohama.id, expectedVersion: 2 },
        ],
      },
    ]);
    await expect(await page.findByText("全 1,232 件中 1〜50 件")).toBeVisible();
    await expect(page.queryByRole("link", { name: "東京ベイ総合医療センター" })).toBeNull();
    await expect(page.queryByRole("region", { name: "選択した要請の一括承認" })).toBeNull();
  },
};

const BATCH_REFUSAL =
  "選択した2件のうち1件は承認できません（東京ベイ総合医療センター：他の担当者が先に更新しました。最新の内容を確認してください。）。いずれの要請も承認していません。";

/**
 * Someone changed one of the selected requests meanwhile: the server refuses the
 * whole batch, the dialog says why in its words, and nothing is approved.
 */
export const MinistryBatchApprovalRefused: Story = {
  args: {
    user: MINISTRY_USER,
    api: {
      review: {
        ...MINISTRY_API.review,
        approve: () => {
          throw new FixtureError("CONFLICT", BATCH_REFUSAL, {
            domainCode: "STALE_VERSION",
            fieldErrors: {
              "items.0": ["他の担当者が先に更新しました。最新の内容を確認してください。"],
            },
          });
        },
      },
    },
  },
  play: async (context) => {
    const page = within(context.canvasElement);
    await expect(await page.findByText("全 1,234 件中 1〜50 件")).toBeVisible();
    await userEvent.click(page.getByRole("checkbox", { name: "東京ベイ総合医療センターを選択" }));
    await userEvent.click(page.getByRole("checkbox", { name: "なにわ歯科クリニックを選択" }));
    await userEvent.click(page.getByRole("button", { name: "2件を承認" }));
    const dialog = within(await page.findByRole("dialog", { name: "2件の要請を承認します" }));
    await userEvent.click(dialog.getByRole("button", { name: "2件を承認する" }));

    await expect(await dialog.findByText(BATCH_REFUSAL)).toBeVisible();
    await expect(page.queryByText(/件の要請を承認しました/)).toBeNull();
    await userEvent.click(dialog.getByRole("button", { name: "キャンセル" }));
    // The selection stays, to be looked at again.
    await expect(page.getByText("2件を選択中")).toBeVisible();
    await expect(inputsOf(callsOf(context), "review.approve")).toHaveLength(1);
  },
};

/**
 * 都道府県確認の一括完了: two requests selected (one untouched, one with a saved
 * input); the confirmation lists what each will be completed as, the API gets each
 * with the version read, and the queue is read again without them.
 */
export const PrefectureBatchCompletion: Story = {
  args: {
    live: (calls) => {
      const doneIds = () =>
        new Set(
          inputsOf(calls, "review.completePrefectureBatch").flatMap((input) =>
            (input as { items: Array<{ id: string }> }).items.map((item) => item.id),
          ),
        );
      return {
        review: {
          deadlines: () => deadlines(128),
          queue: (input) =>
            serveQueue(
              ALL_REQUESTS.filter((row) => !doneIds().has(row.id)),
              input,
              13,
            ),
          completePrefectureBatch: ({ items }) => ({
            completed: items.map((item) => {
              const row = ALL_REQUESTS.find((candidate) => candidate.id === item.id);
              return {
                id: item.id,
                version: item.expectedVersion + 1,
                institutionName: row?.institution.name ?? "",
                supplyNeeded: true,
                quantitySets: row?.prefectureReview.quantitySets ?? row?.limitSets ?? 0,
              };
            }),
          }),
        },
      };
    },
  },
  play: async (context) => {
    const page = within(context.canvasElement);
    await expect(await page.findByText("全 128 件中 1〜50 件")).toBeVisible();
    await userEvent.click(await findVisible(page, "checkbox", { name: "千代田中央病院を選択" }));
    await userEvent.click(
      page.getByRole("checkbox", {
        name: "社会福祉法人恩賜財団済生会支部東京都済生会向島病院附属すみだ訪問看護ステーションを選択",
      }),
    );
    const bar = within(page.getByRole("region", { name: "選択した要請の一括確認完了" }));
    await expect(bar.getByText("2件を選択中")).toBeVisible();
    await expect(bar.getByText("配送要 合計 15セット（15,000枚）")).toBeVisible();
    await userEvent.click(bar.getByRole("button", { name: "2件の確認を完了" }));

    const dialog = within(
      await findVisible(page, "dialog", { name: "2件の都道府県確認を完了します" }),
    );
    await expect(
      dialog.getByText(/配送要否を入力していない1件は、配送要・購入上限数（算定値）で完了します。/),
    ).toBeVisible();
    const listed = dialog.getByRole("list", { name: "確認を完了する要請" });
    await expect(listed).toHaveTextContent("千代田中央病院配送要 12セット（12,000枚）（算定値）");
    await expect(listed).toHaveTextContent(
      "すみだ訪問看護ステーション配送要 3セット（3,000枚）（入力済み）",
    );
    await expect(inputsOf(callsOf(context), "review.completePrefectureBatch")).toEqual([]);
    await userEvent.click(dialog.getByRole("button", { name: "2件の確認を完了する" }));

    await waitFor(() => expect(page.getByText("2件の都道府県確認を完了しました")).toBeVisible());
    await expect(
      page.getByText(
        "国確認中となりました（配送要 合計 15セット（15,000枚））。変更が必要な場合は、国に差戻しを依頼してください。",
      ),
    ).toBeVisible();
    await expect(inputsOf(callsOf(context), "review.completePrefectureBatch")).toEqual([
      {
        items: [
          { id: REQUESTS.chiyoda.id, expectedVersion: 1 },
          { id: REQUESTS.sumida.id, expectedVersion: 3 },
        ],
      },
    ]);
    await expect(await page.findByText("全 126 件中 1〜50 件")).toBeVisible();
    await expect(page.queryByRole("link", { name: "千代田中央病院" })).toBeNull();
    await expect(page.queryByRole("region", { name: "選択した要請の一括確認完了" })).toBeNull();
  },
};

const COMPLETE_REFUSAL =
  "選択した2件のうち1件は確認完了にできません（千代田中央病院：他の担当者が先に更新しました。最新の内容を確認してください。）。いずれの要請も確認完了にしていません。";

/** One of them changed meanwhile: nothing is completed and the dialog says why. */
export const PrefectureBatchCompletionRefused: Story = {
  args: {
    api: {
      review: {
        ...PREFECTURE_API.review,
        completePrefectureBatch: () => {
          throw new FixtureError("CONFLICT", COMPLETE_REFUSAL, {
            domainCode: "STALE_VERSION",
            fieldErrors: {
              "items.0": ["他の担当者が先に更新しました。最新の内容を確認してください。"],
            },
          });
        },
      },
    },
  },
  play: async (context) => {
    const page = within(context.canvasElement);
    await expect(await page.findByText("全 128 件中 1〜50 件")).toBeVisible();
    await userEvent.click(await findVisible(page, "checkbox", { name: "千代田中央病院を選択" }));
    await userEvent.click(page.getByRole("checkbox", { name: "髙橋整形外科医院を選択" }));
    await userEvent.click(page.getByRole("button", { name: "2件の確認を完了" }));
    const dialog = within(
      await findVisible(page, "dialog", { name: "2件の都道府県確認を完了します" }),
    );
    await userEvent.click(dialog.getByRole("button", { name: "2件の確認を完了する" }));

    await expect(await dialog.findByText(COMPLETE_REFUSAL)).toBeVisible();
    await expect(page.queryByText(/件の都道府県確認を完了しました/)).toBeNull();
    await userEvent.click(dialog.getByRole("button", { name: "キャンセル" }));
    await expect(page.getByText("2件を選択中")).toBeVisible();
    await expect(inputsOf(callsOf(context), "review.completePrefectureBatch")).toHaveLength(1);
  },
};

/** Nothing completed by the prefectures yet: the ministry's empty queue says so. */
export const MinistryEmpty: Story = {
  args: {
    user: MINISTRY_USER,
    api: { review: { deadlines: () => deadlines(1_480), queue: (input) => serveQueue([], input) } },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(await page.findByText("国確認待ちの要請はありません。")).toBeVisible();
    await expect(
      page.getByRole("checkbox", { name: "このページの承認できる要請をすべて選択" }),
    ).toBeDisabled();
  },
};

/** One prefecture's requests at every stage (the progress page links here). */
export const MinistryOnePrefecture: Story = {
  args: { user: MINISTRY_USER, api: MINISTRY_API, path: "/requests?stage=any&pref=14" },
  play: async (context) => {
    const page = within(context.canvasElement);
    await waitFor(() =>
      expect(lastQueueInput(context)).toMatchObject({ prefectureCode: 14, stage: null }),
    );
    const expected = nationwideQueue({ ...FIRST_QUEUE, stage: null, prefectureCode: 14 });
    await expect(
      await page.findByText(`全 ${expected.total} 件中 1〜${expected.items.length} 件`),
    ).toBeVisible();
    const bar = within(page.getByRole("search", { name: "要請の絞り込み" }));
    await expect(bar.getByRole("combobox", { name: "都道府県" })).toHaveDisplayValue("神奈川県");
    for (const row of bodyRows(context.canvasElement, "全国の要請")) {
      await expect(row).toHaveTextContent("神奈川県");
    }
  },
};
