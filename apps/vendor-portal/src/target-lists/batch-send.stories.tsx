import { FixtureError, findVisible, Screen } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import type { RunProgress } from "../api-types";
import { VENDOR_APP } from "../app";
import { LARGE_BATCH_ID, link, SENT_MONDAY, SMALL_BATCH_ID } from "../stories/batch-items";
import { callLog } from "../stories/calls";
import { runProgress } from "../stories/send-runs";
import { BATCHES, batchDetail, ITEM, LONG_NAME, SMALL_BATCH_ITEMS } from "../stories/target-lists";
import { VENDOR_USER } from "../stories/users";

const log = callLog();

const RUN_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** 第4号 once みどりが丘記念病院's link has gone out. */
const AFTER_SEND = SMALL_BATCH_ITEMS.map((each) =>
  each.id === ITEM.toSend ? { ...each, link: link("live", 1, SENT_MONDAY) } : each,
);

/** The two ticked: one sent, the other skipped for its live link. */
const SELECTED_RUN = runProgress({
  runId: RUN_ID,
  batchId: SMALL_BATCH_ID,
  total: 2,
  done: 2,
  sent: 1,
  failed: 0,
  skipped: { already_sent: 1 },
});

/** 第3号 sent whole, mismatched included: halfway, then done. */
const LARGE_HALFWAY = runProgress({
  runId: RUN_ID,
  batchId: LARGE_BATCH_ID,
  allowMismatched: true,
  total: 1250,
  done: 480,
  sent: 180,
  failed: 0,
  skipped: { not_registered: 20, already_sent: 230, ordered: 50 },
});
const LARGE_DONE = runProgress({
  runId: RUN_ID,
  batchId: LARGE_BATCH_ID,
  allowMismatched: true,
  total: 1250,
  done: 1250,
  sent: 488,
  failed: 0,
  skipped: { not_registered: 50, already_sent: 587, ordered: 125 },
});

/** 第4号's last run, stopped by a reload after 3 of 8. */
const STOPPED_RUN = runProgress({
  runId: RUN_ID,
  batchId: SMALL_BATCH_ID,
  total: 8,
  done: 3,
  sent: 2,
  failed: 0,
  skipped: { already_sent: 1 },
});
const RESUMED_RUN = runProgress({
  runId: RUN_ID,
  batchId: SMALL_BATCH_ID,
  total: 8,
  done: 8,
  sent: 3,
  failed: 0,
  skipped: { already_sent: 1, ordered: 1, not_registered: 2, mismatched: 1 },
});

/** Lets a story hold the long send request open while the screen polls its progress. */
let finishLargeSend: () => void = () => {};

const meta = {
  title: "対象医療機関リスト/購入リンクの送信",
  component: Screen,
  parameters: { layout: "fullscreen" },
  beforeEach: log.clear,
  args: {
    app: VENDOR_APP,
    path: `/target-lists/${SMALL_BATCH_ID}`,
    user: VENDOR_USER,
    calls: log.calls,
    api: {
      vendorPortal: {
        batches: () => BATCHES,
        batch: (input) =>
          log.count("vendorPortal.sendPurchaseLinks") > 0
            ? batchDetail(input, { latestRun: SELECTED_RUN, items: AFTER_SEND })
            : batchDetail(input),
        sendPurchaseLinks: () => SELECTED_RUN,
        sendProgress: () => SELECTED_RUN,
      },
    },
  },
} satisfies Meta<typeof Screen>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;

function sendSection(page: Canvas) {
  return within(page.getByRole("region", { name: "購入リンクの送信" }));
}

/** Two institutions ticked and sent: the options asked, the run's outcome, the list refreshed. */
export const SendToSelected: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await page.findByRole("list", { name: "医療機関の一覧" });
    const send = sendSection(page);
    await expect(
      send.getByRole("button", { name: "選択した医療機関に購入リンクを送信（0件）" }),
    ).toBeDisabled();
    await userEvent.click(page.getByRole("checkbox", { name: /みどりが丘記念病院を選択/ }));
    await userEvent.click(page.getByRole("checkbox", { name: `${LONG_NAME}を選択` }));
    await expect(page.getByText("8件を表示（2件を選択中）")).toBeVisible();

    await userEvent.click(
      send.getByRole("button", { name: "選択した医療機関に購入リンクを送信（2件）" }),
    );
    const dialog = within(await page.findByRole("dialog", { name: "購入リンクを送信しますか？" }));
    await expect(
      dialog.getByText(/^選択した2件のうち、施設登録と照合できた医療機関に/),
    ).toBeVisible();
    // Nothing ticked differs from its registration, so that choice is not offered.
    await expect(
      dialog.queryByRole("checkbox", { name: /登録内容が国のリストと異なる/ }),
    ).toBeNull();
    await expect(
      dialog.getByRole("checkbox", {
        name: "送信済みで有効なリンクも取り消して、新しいURLを送り直す",
      }),
    ).not.toBeChecked();
    await userEvent.click(dialog.getByRole("button", { name: "送信を開始する" }));

    const progress = within(await send.findByRole("region", { name: "購入リンクの送信状況" }));
    await expect(
      await progress.findByText("送信が完了しました（送信 1件、送信しなかった 1件）。"),
    ).toBeVisible();
    await expect(progress.getByText("送信済みで有効なリンクがある：1件")).toBeVisible();
    const [input] = log.inputsTo("vendorPortal.sendPurchaseLinks");
    await expect(input).toEqual({
      batchId: SMALL_BATCH_ID,
      itemIds: [ITEM.toSend, ITEM.live],
      runId: expect.stringMatching(UUID),
      resend: false,
      allowMismatched: false,
    });
    const midori = within(page.getByRole("listitem", { name: /みどりが丘記念病院/ }));
    await waitFor(() => expect(midori.getByText("送信済み（有効）")).toBeVisible());
  },
};

/**
 * 第3号, all 1,250 at once after checking the 13 mismatches (the list narrowed to them):
 * the progress while the server works through the list, the buttons held, and the
 * outcome with the reasons.
 */
export const LargeListSendAll: Story = {
  args: {
    path: `/target-lists/${LARGE_BATCH_ID}?match=mismatched`,
    api: {
      vendorPortal: {
        batches: () => BATCHES,
        batch: (input) => batchDetail(input),
        sendPurchaseLinks: () =>
          new Promise<RunProgress>((resolve) => {
            finishLargeSend = () => resolve(LARGE_DONE);
          }),
        sendProgress: () => LARGE_HALFWAY,
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await findVisible(page, "heading", { level: 1, name: "対象医療機関リスト 第3号" });
    await expect(page.getByText("13件を表示")).toBeVisible();
    const send = sendSection(page);
    await userEvent.click(send.getByRole("button", { name: "リストの全件に購入リンクを送信" }));
    const dialog = within(await page.findByRole("dialog", { name: "購入リンクを送信しますか？" }));
    await expect(dialog.getByText(/^このリストの全1,250件のうち、/)).toBeVisible();
    await userEvent.click(
      dialog.getByRole("checkbox", {
        name: "登録内容が国のリストと異なる医療機関（13件）にも送信する",
      }),
    );
    await userEvent.click(dialog.getByRole("button", { name: "送信を開始する" }));

    const progress = within(await send.findByRole("region", { name: "購入リンクの送信状況" }));
    await expect(await progress.findByText("480 / 1,250 件")).toBeVisible();
    await expect(progress.getByText(/処理済み（38%）\s*送信中…/)).toBeVisible();
    await expect(
      send.getByRole("button", { name: "リストの全件に購入リンクを送信" }),
    ).toBeDisabled();
    await expect(progress.getByRole("status")).toHaveTextContent("");

    finishLargeSend();
    await expect(
      await progress.findByText("送信が完了しました（送信 488件、送信しなかった 762件）。"),
    ).toBeVisible();
    await expect(progress.getAllByRole("listitem").map((reason) => reason.textContent)).toEqual([
      "購入サイトに未登録：50件",
      "送信済みで有効なリンクがある：587件",
      "購入済み：125件",
    ]);
    await expect(
      send.getByRole("button", { name: "リストの全件に購入リンクを送信" }),
    ).toBeEnabled();
    await expect(log.inputsTo("vendorPortal.sendPurchaseLinks")).toEqual([
      {
        batchId: LARGE_BATCH_ID,
        itemIds: null,
        runId: expect.stringMatching(UUID),
        resend: false,
        allowMismatched: true,
      },
    ]);
  },
};

/** A run stopped by a reload is shown as such, and resumed under its own run id. */
export const StoppedRunResumed: Story = {
  args: {
    api: {
      vendorPortal: {
        batches: () => BATCHES,
        batch: (input) =>
          batchDetail(input, {
            latestRun: log.count("vendorPortal.sendPurchaseLinks") > 0 ? RESUMED_RUN : STOPPED_RUN,
          }),
        sendPurchaseLinks: () => RESUMED_RUN,
        sendProgress: () => RESUMED_RUN,
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const stopped = within(
      await page.findByRole("region", { name: "前回の送信は途中で止まっています" }),
    );
    await expect(stopped.getByText("3 / 8 件")).toBeVisible();
    await userEvent.click(page.getByRole("button", { name: "送信を再開する" }));

    const progress = within(await page.findByRole("region", { name: "購入リンクの送信状況" }));
    await expect(
      await progress.findByText("送信が完了しました（送信 3件、送信しなかった 5件）。"),
    ).toBeVisible();
    await expect(page.queryByRole("button", { name: "送信を再開する" })).toBeNull();
    await expect(log.inputsTo("vendorPortal.sendPurchaseLinks")).toEqual([
      {
        batchId: SMALL_BATCH_ID,
        itemIds: null,
        runId: RUN_ID,
        resend: false,
        allowMismatched: false,
      },
    ]);
  },
};

/** The last run finished: its outcome stays on the page, titled with when it started. */
export const LastRunFinished: Story = {
  args: {
    api: {
      vendorPortal: {
        batches: () => BATCHES,
        batch: (input) => batchDetail(input, { latestRun: RESUMED_RUN }),
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const last = within(
      await page.findByRole("region", {
        name: "前回の送信結果（2026年12月14日（月）10:00 開始）",
      }),
    );
    await expect(last.getByText("8 / 8 件")).toBeVisible();
    await expect(last.getByText(/^登録内容が国のリストと一致しない/)).toHaveTextContent(
      "登録内容が国のリストと一致しない（確認のうえ個別に送信してください）：1件",
    );
    await expect(page.queryByRole("button", { name: "送信を再開する" })).toBeNull();
  },
};

/** The send request fails midway: what was done so far, the server's words, and a resume. */
export const SendCutOff: Story = {
  args: {
    api: {
      vendorPortal: {
        batches: () => BATCHES,
        batch: (input) => batchDetail(input),
        sendPurchaseLinks: () => {
          throw new FixtureError(
            "GATEWAY_TIMEOUT",
            "処理に時間がかかっています。しばらく時間をおいてから再度お試しください。",
          );
        },
        sendProgress: () => STOPPED_RUN,
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await page.findByRole("list", { name: "医療機関の一覧" });
    await userEvent.click(page.getByRole("button", { name: "リストの全件に購入リンクを送信" }));
    const dialog = within(await page.findByRole("dialog", { name: "購入リンクを送信しますか？" }));
    await userEvent.click(dialog.getByRole("button", { name: "送信を開始する" }));

    const progress = within(await page.findByRole("region", { name: "購入リンクの送信状況" }));
    await expect(
      await progress.findByText(
        "処理に時間がかかっています。しばらく時間をおいてから再度お試しください。",
      ),
    ).toBeVisible();
    await expect(await progress.findByText("3 / 8 件")).toBeVisible();
    await expect(page.getByRole("button", { name: "送信を再開する" })).toBeVisible();
  },
};
