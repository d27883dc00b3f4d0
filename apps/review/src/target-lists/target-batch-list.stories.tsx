import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import type { UnrepresentableChar } from "../api-types";
import { person } from "../stories/parts";
import { CsvDownloadPanel } from "./csv-download-panel";
import {
  TargetBatchList,
  type TargetBatchListProps,
  type TargetBatchRow,
} from "./target-batch-list";

const BATCHES: TargetBatchRow[] = [
  {
    id: "7f0c1a52-0000-4000-8000-000000000003",
    number: 3,
    issuedAt: "2026-12-04T01:30:00.000Z",
    issuedBy: person("厚生労働省 医政局 佐藤"),
    itemCount: 1_234,
    totalSets: 12_345,
  },
  {
    id: "7f0c1a52-0000-4000-8000-000000000002",
    number: 2,
    issuedAt: "2026-11-27T02:00:00.000Z",
    issuedBy: person("厚生労働省 医政局 佐藤"),
    itemCount: 87,
    totalSets: 402,
  },
  {
    id: "7f0c1a52-0000-4000-8000-000000000001",
    number: 1,
    issuedAt: "2026-11-20T02:00:00.000Z",
    issuedBy: null,
    itemCount: 1,
    totalSets: 1,
  },
];

const LOST: UnrepresentableChar[] = [
  {
    row: 2,
    column: "医療機関名",
    char: "𠮷",
    codePoint: "U+20BB7",
    institutionName: "𠮷野家内科医院",
    institutionCode: "1300007919",
  },
  {
    row: 15,
    column: "担当者名",
    char: "髙",
    codePoint: "U+9AD9",
    institutionName: "髙橋整形外科クリニック",
    institutionCode: "1300047514",
  },
  {
    row: 311,
    column: "住所",
    char: "㐂",
    codePoint: "U+3402",
    institutionName: "㐂楽訪問看護ステーション",
    institutionCode: "1300311001",
  },
];

const href =
  (id: string) =>
  (encoding: "utf8" | "sjis", { replace }: { replace: boolean }) =>
    `/api/target-lists/${id}.csv?encoding=${encoding}${replace ? "&replace=1" : ""}`;

/** The ministry's page: the lists, and the files of the one picked. */
function TargetListPage({
  unrepresentable,
  ...props
}: TargetBatchListProps & { unrepresentable?: UnrepresentableChar[] }) {
  const [selected, setSelected] = useState<string | null>(null);
  const batch = props.batches.find((item) => item.id === selected);
  return (
    <div className="sos-stack">
      <TargetBatchList {...props} selectedBatchId={selected} onSelectBatch={setSelected} />
      {batch !== undefined && (
        <CsvDownloadPanel
          batch={batch}
          downloadHref={href(batch.id)}
          unrepresentable={unrepresentable}
        />
      )}
    </div>
  );
}

const meta = {
  title: "部品/審査/TargetBatchList",
  component: TargetBatchList,
  args: {
    batches: BATCHES,
    pending: { count: 12, sets: 40 },
    onIssue: fn(async () => {}),
  },
} satisfies Meta<typeof TargetBatchList>;

export default meta;
type Story = StoryObj<typeof meta>;

function page(canvasElement: HTMLElement) {
  return within(canvasElement.ownerDocument.body);
}

/** Issued lists with large counts; the next list is issued after a confirmation. */
export const IssueTheNextList: Story = {
  play: async ({ args, canvas, canvasElement }) => {
    const table = canvas.getByRole("table", { name: "発行済みの対象医療機関リスト" });
    const rows = within(table).getAllByRole("row").slice(1);
    await expect(rows[0]).toHaveTextContent(
      "第3号2026年12月4日（金）10:301,234件12,345セット（12,345,000枚）",
    );
    await expect(rows[2]).toHaveTextContent("—");
    await expect(canvas.getByText(/販売業者にまだ渡していない受付完了の要請/)).toHaveTextContent(
      "12件（合計 40セット（40,000枚））",
    );

    await userEvent.click(canvas.getByRole("button", { name: "第4号のリストを発行" }));
    const dialog = await page(canvasElement).findByRole("dialog", {
      name: "対象医療機関リスト 第4号を発行します",
    });
    await expect(dialog).toHaveTextContent("受付完了の要請12件（合計 40セット（40,000枚））");
    await expect(dialog).toHaveTextContent("発行したリストは取り消せません。");
    await userEvent.click(within(dialog).getByRole("button", { name: "発行する" }));
    await waitFor(() => expect(args.onIssue).toHaveBeenCalledOnce());
    await waitFor(() => expect(dialog).not.toBeVisible());
  },
};

export const NothingToIssue: Story = {
  args: { batches: [], pending: { count: 0, sets: 0 } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText("まだ発行したリストはありません。")).toBeVisible();
    const issue = canvas.getByRole("button", { name: "第1号のリストを発行" });
    await expect(issue).toBeDisabled();
    await expect(issue).toHaveAccessibleDescription("新たに渡す要請はありません。");
  },
};

/** Every name fits Shift_JIS: both files are offered at once. */
export const DownloadBothEncodings: Story = {
  render: (args) => <TargetListPage {...args} unrepresentable={[]} />,
  play: async ({ canvas }) => {
    const pick = canvas.getByRole("button", { name: "第2号のCSV出力" });
    await userEvent.click(pick);
    await expect(pick).toHaveAttribute("aria-pressed", "true");
    const panel = canvas.getByRole("region", { name: "第2号のCSVファイル（87件）" });
    const utf8 = within(panel).getByRole("link", { name: "UTF-8でダウンロード" });
    await expect(utf8).toHaveAttribute(
      "href",
      "/api/target-lists/7f0c1a52-0000-4000-8000-000000000002.csv?encoding=utf8",
    );
    await expect(utf8).toHaveAttribute("download");
    await expect(
      within(panel).getByRole("link", { name: "Shift_JISでダウンロード" }),
    ).toHaveAttribute(
      "href",
      "/api/target-lists/7f0c1a52-0000-4000-8000-000000000002.csv?encoding=sjis",
    );
  },
};

/**
 * Characters Shift_JIS lacks are listed, and the Shift_JIS file is offered only
 * after the officer accepts 〓 in their place.
 */
export const ShiftJisNeedsConsent: Story = {
  render: (args) => <TargetListPage {...args} unrepresentable={LOST} />,
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole("button", { name: "第3号のCSV出力" }));
    const panel = canvas.getByRole("region", { name: "第3号のCSVファイル（1,234件）" });
    await expect(within(panel).getByRole("status")).toHaveTextContent(
      "Shift_JISで表せない文字が3か所あります",
    );
    const list = within(panel).getByRole("table", { name: "Shift_JISで表せない文字" });
    const rows = within(list).getAllByRole("row").slice(1);
    await expect(rows[0]).toHaveTextContent(
      "2行目医療機関名𠮷（U+20BB7）𠮷野家内科医院（1300007919）",
    );
    // A code point the API left out is worked out from the character.
    await expect(rows[1]).toHaveTextContent("髙（U+9AD9）");
    await expect(rows[2]).toHaveTextContent("311行目住所㐂（U+3402）");

    await expect(within(panel).queryByRole("link", { name: /Shift_JISでダウンロード/ })).toBeNull();
    await userEvent.click(
      within(panel).getByRole("checkbox", { name: /「〓」に置き換わることを了承/ }),
    );
    await expect(
      within(panel).getByRole("link", { name: "Shift_JISでダウンロード（〓に置き換え）" }),
    ).toHaveAttribute(
      "href",
      "/api/target-lists/7f0c1a52-0000-4000-8000-000000000003.csv?encoding=sjis&replace=1",
    );

    // Consent does not carry over to another list.
    await userEvent.click(canvas.getByRole("button", { name: "第2号のCSV出力" }));
    await expect(
      within(canvas.getByRole("region", { name: "第2号のCSVファイル（87件）" })).getByRole(
        "checkbox",
        {
          name: /了承/,
        },
      ),
    ).not.toBeChecked();
  },
};

/** While the check runs, Shift_JIS waits; UTF-8 is always there. */
export const StillChecking: Story = {
  render: (args) => <TargetListPage {...args} />,
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole("button", { name: "第1号のCSV出力" }));
    await expect(canvas.getByText("Shift_JISで表せない文字がないか確認しています…")).toBeVisible();
    await expect(canvas.getByRole("link", { name: "UTF-8でダウンロード" })).toBeVisible();
    await expect(canvas.queryByRole("link", { name: /Shift_JIS/ })).toBeNull();
  },
};
