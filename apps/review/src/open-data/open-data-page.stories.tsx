import { findVisible } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { callsOf } from "../stories/calls";
import { COMMITTED_WEEK, OPEN_WEEK, publicAllocation, publicFigures } from "../stories/open-data";
import { MINISTRY_USER } from "../stories/people";
import { SCREEN_META } from "../stories/screen";

const meta = {
  ...SCREEN_META,
  title: "画面/公開情報/供給不足時の割当・週次集計",
  args: {
    path: "/open-data",
    user: null,
    api: {
      openData: {
        allocation: () => publicAllocation([OPEN_WEEK]),
        figures: () => publicFigures(false),
      },
    },
  },
} satisfies Meta<typeof SCREEN_META.component>;

export default meta;
type Story = StoryObj<typeof meta>;
type Page = ReturnType<typeof within>;

const TITLE = "公開情報（供給不足時の割当・週次集計）";

async function opened(canvasElement: HTMLElement): Promise<Page> {
  const page = within(canvasElement);
  await findVisible(page, "heading", { level: 1, name: TITLE });
  return page;
}

/**
 * Before the week's cutoff, signed out: the rule in full and the seed's
 * SHA-256, never the seed; no files yet; no sign-in offered.
 */
export const BeforeCutoff: Story = {
  play: async (context) => {
    const page = await opened(context.canvasElement);
    const week = within(
      await findVisible(page, "region", { name: "2026年12月2日（水）17:00締切の週（締切前）" }),
    );
    await expect(week.getByText(/締切前です。抽選シードは決定済みで/)).toBeVisible();
    await expect(week.getByText(OPEN_WEEK.seedSha256)).toBeVisible();
    await expect(week.queryByText("抽選シード", { exact: true })).toBeNull();
    await expect(week.queryByRole("link")).toBeNull();
    // The rule as published, with its lottery and how to recompute.
    await findVisible(page, "heading", { level: 2, name: "割当ルール（sos-allocation/1）" });
    await expect(page.getByRole("heading", { level: 4, name: "抽選" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 4, name: "再計算の方法" })).toBeVisible();
    await expect(page.getByText("まだ公開した週次集計はありません。")).toBeVisible();
    await expect(page.getByText(/2026年11月25日（水）17:00締切の週の分を/)).toBeVisible();
    await expect(page.queryByRole("link", { name: "ログインする" })).toBeNull();
    // Signed out, the page reads only the public procedures.
    const paths = new Set(callsOf(context).map((call) => call.path));
    paths.delete("auth.me");
    paths.delete("operations.readOnlyStatus");
    await expect([...paths].sort()).toEqual(["openData.allocation", "openData.figures"]);
  },
};

/**
 * After the commit: the seed revealed beside its commitment, the run's input
 * and result files to recompute the week, and the weekly figures of past weeks.
 */
export const AfterCommit: Story = {
  args: {
    api: {
      openData: {
        allocation: () => publicAllocation([OPEN_WEEK, COMMITTED_WEEK]),
        figures: () => publicFigures(true),
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = await opened(canvasElement);
    const week = within(
      await findVisible(page, "region", { name: "2026年11月25日（水）17:00締切の週（確定済み）" }),
    );
    await expect(week.getByText(COMMITTED_WEEK.seed ?? "")).toBeVisible();
    await expect(week.getByText(COMMITTED_WEEK.seedSha256)).toBeVisible();
    await expect(
      week.getByRole("link", {
        name: "2026年11月25日（水）17:00締切の週の入力ファイル（JSON、18,734,112バイト）",
      }),
    ).toHaveAttribute("href", "/open-data/allocation/2026-11-18/input.json");
    await expect(
      week.getByRole("link", { name: /2026年11月25日（水）17:00締切の週の結果ファイル/ }),
    ).toHaveAttribute("href", "/open-data/allocation/2026-11-18/result.json");
    await expect(week.getByText(/printf '%s' シード \| sha256sum/)).toBeVisible();

    const table = within(await findVisible(page, "table", { name: "公開した週次集計" }));
    const rows = table.getAllByRole("row");
    await expect(rows).toHaveLength(3);
    await expect(within(rows[1] as HTMLElement).getByRole("rowheader")).toHaveTextContent(
      "2026年11月18日（水）17:00締切の週",
    );
    await expect(
      table.getByRole("link", { name: "CSV（2026年11月18日（水）17:00締切の週）" }),
    ).toHaveAttribute("href", "/open-data/figures/2026-11-11.csv");
    await expect(
      table.getByRole("link", { name: "JSON（2026年11月11日（水）17:00締切の週）" }),
    ).toHaveAttribute("href", "/open-data/figures/2026-11-04.json");
    await expect(table.getByText("212（全1,175行）")).toBeVisible();
  },
};

/** Nothing published yet: the page says so, and still shows the rule. */
export const NoWeeksYet: Story = {
  args: {
    api: {
      openData: {
        allocation: () => publicAllocation([]),
        figures: () => publicFigures(false),
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = await opened(canvasElement);
    await expect(await page.findByText(/まだ公開する週はありません。/)).toBeVisible();
    await expect(page.getByText("まだ公開した週次集計はありません。")).toBeVisible();
    await findVisible(page, "heading", { level: 2, name: "割当ルール（sos-allocation/1）" });
  },
};

/** The ministry signed in reads the same page inside its console. */
export const SignedInMinistry: Story = {
  args: { user: MINISTRY_USER },
  play: async ({ canvasElement }) => {
    const page = await opened(canvasElement);
    await findVisible(page, "region", { name: "2026年12月2日（水）17:00締切の週（締切前）" });
    await expect(page.getByRole("link", { name: "供給不足時の割当" })).toBeVisible();
  },
};
