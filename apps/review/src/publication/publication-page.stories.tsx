import { FixtureError, findVisible } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, spyOn, userEvent, waitFor, within } from "storybook/test";
import { callsOf, countOf, inputsOf } from "../stories/calls";
import { expectMinistryOnly } from "../stories/denied";
import { INSTITUTIONS } from "../stories/institutions";
import { MINISTRY_USER, PREFECTURE_USER } from "../stories/people";
import { deadlines } from "../stories/round";
import { SCREEN_META } from "../stories/screen";

const HEADER = "医療機関名,都道府県,数量（セット）,数量（枚）";

/** publication.export for a week: a few of its rows stand for the 1,234. */
function exportOf(rowCount: number, totalSets: number) {
  return ({ weekStart }: { weekStart: string }) => ({
    filename: `緊急配布_公表用一覧_${weekStart.replaceAll("-", "")}週.csv`,
    contentType: "text/csv; charset=utf-8",
    csv: `\uFEFF${HEADER}\r\n${
      rowCount === 0
        ? ""
        : [INSTITUTIONS.sapporo, INSTITUTIONS.bay, INSTITUTIONS.yokohama]
            .map((institution) => `${institution.name},${institution.prefectureName},60,60000`)
            .join("\r\n")
    }`,
    rowCount,
    totalSets,
  });
}

const meta = {
  ...SCREEN_META,
  title: "画面/審査/公表用一覧",
  args: {
    path: "/publication",
    user: MINISTRY_USER,
    api: {
      review: { deadlines: () => deadlines(1_480) },
      publication: { export: exportOf(1_234, 15_400) },
    },
  },
} satisfies Meta<typeof SCREEN_META.component>;

export default meta;
type Story = StoryObj<typeof meta>;

type Page = ReturnType<typeof within>;

/** The browser's save, caught: the file's name and text, and no real download. */
function catchDownloads() {
  const saved: Array<{ filename: string; blob: Blob | null }> = [];
  let lastBlob: Blob | null = null;
  const createObjectURL = spyOn(URL, "createObjectURL").mockImplementation((blob) => {
    lastBlob = blob as Blob;
    return "blob:story-download";
  });
  const click = spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    if (this.download !== "") saved.push({ filename: this.download, blob: lastBlob });
  });
  return {
    saved,
    restore: () => {
      createObjectURL.mockRestore();
      click.mockRestore();
    },
  };
}

async function weekSelect(page: Page): Promise<HTMLSelectElement> {
  const select = (await page.findByRole("combobox", { name: "対象の週" })) as HTMLSelectElement;
  await waitFor(() => expect(select.options.length).toBe(12));
  return select;
}

/**
 * The week's publishable list: publication.export for the chosen week, the file
 * saved under the server's name as UTF-8 with a BOM, and how much it holds.
 * The weeks offered follow today's date, so the story reads the choice from the list.
 */
export const ExportWeek: Story = {
  play: async (context) => {
    const page = within(context.canvasElement);
    await findVisible(page, "heading", { level: 1, name: "公表用一覧" });
    const select = await weekSelect(page);
    await expect(select.options[0]?.textContent).toMatch(/（今週）$/);
    const downloads = catchDownloads();
    try {
      await userEvent.click(page.getByRole("button", { name: "CSVをダウンロード" }));
      const filename = `緊急配布_公表用一覧_${select.value.replaceAll("-", "")}週.csv`;
      await expect(await page.findByText(`${filename} を保存しました`)).toBeVisible();
      await expect(page.getByText("1,234件、合計 15,400セット（15,400,000枚）。")).toBeVisible();
      await expect(inputsOf(callsOf(context), "publication.export")).toEqual([
        { weekStart: select.value },
      ]);
      await expect(downloads.saved.map((file) => file.filename)).toEqual([filename]);
      const blob = downloads.saved[0]?.blob;
      await expect(blob?.type).toBe("text/csv; charset=utf-8");
      const bytes = new Uint8Array((await blob?.arrayBuffer()) ?? new ArrayBuffer(0));
      // The BOM that makes Excel read it as UTF-8.
      await expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      await expect(await blob?.text()).toContain(
        "社会福祉法人恩賜財団済生会支部神奈川県済生会横浜市東部病院",
      );
    } finally {
      downloads.restore();
    }
  },
};

/** Another week, chosen from the list: that week is asked for. */
export const EarlierWeek: Story = {
  play: async (context) => {
    const page = within(context.canvasElement);
    const select = await weekSelect(page);
    const earlier = select.options[3];
    if (earlier === undefined) throw new Error("前の週の選択肢がありません");
    await userEvent.selectOptions(select, earlier);
    const downloads = catchDownloads();
    try {
      await userEvent.click(page.getByRole("button", { name: "CSVをダウンロード" }));
      await expect(await page.findByText(/を保存しました$/)).toBeVisible();
      await expect(inputsOf(callsOf(context), "publication.export")).toEqual([
        { weekStart: earlier.value },
      ]);
    } finally {
      downloads.restore();
    }
  },
};

/** A week with no approvals: the file still comes, with only its header, and says so. */
export const NothingApproved: Story = {
  args: {
    api: {
      review: { deadlines: () => deadlines(1_480) },
      publication: { export: exportOf(0, 0) },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await weekSelect(page);
    const downloads = catchDownloads();
    try {
      await userEvent.click(page.getByRole("button", { name: "CSVをダウンロード" }));
      await expect(
        await page.findByText("この週に承認した要請はありません（見出しだけのファイルです）。"),
      ).toBeVisible();
      await expect(downloads.saved).toHaveLength(1);
    } finally {
      downloads.restore();
    }
  },
};

const REFUSED = "週の開始日（水曜日）を指定してください";

/** The server refuses: its words, and no file saved. */
export const ExportRefused: Story = {
  args: {
    api: {
      review: { deadlines: () => deadlines(1_480) },
      publication: {
        export: () => {
          throw new FixtureError("BAD_REQUEST", REFUSED, {
            fieldErrors: { weekStart: [REFUSED] },
          });
        },
      },
    },
  },
  play: async (context) => {
    const page = within(context.canvasElement);
    await weekSelect(page);
    const downloads = catchDownloads();
    try {
      await userEvent.click(page.getByRole("button", { name: "CSVをダウンロード" }));
      await expect(await page.findByText("公表用一覧を出力できませんでした")).toBeVisible();
      await expect(page.getByText(REFUSED)).toBeVisible();
      await expect(downloads.saved).toHaveLength(0);
      await expect(countOf(callsOf(context), "publication.export")).toBe(1);
    } finally {
      downloads.restore();
    }
  },
};

/** A prefecture officer at the address: told it is the ministry's page, nothing asked. */
export const PrefectureDenied: Story = {
  args: { user: PREFECTURE_USER },
  play: async (context) => {
    await expectMinistryOnly(context.canvasElement, "公表用一覧", callsOf(context));
  },
};
