import { prefectureName, type SosStatus } from "@sos/domain";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { DataTable, type DataTableColumn } from "./DataTable";
import { StatusBadge } from "./StatusBadge";

interface RequestRow {
  id: string;
  institution: string;
  prefectureCode: number;
  stock: number;
  consumption: number;
  limitPieces: number;
  status: SosStatus;
}

const rows: RequestRow[] = [
  {
    id: "1",
    institution: "医療法人社団　東京中央記念病院附属みなとみらい在宅医療支援センター",
    prefectureCode: 13,
    stock: 2000,
    consumption: 1000,
    limitPieces: 2000,
    status: "reviewing",
  },
  {
    id: "2",
    institution: "なにわ歯科クリニック",
    prefectureCode: 27,
    stock: 12_345_678,
    consumption: 9_999_999,
    limitPieces: 0,
    status: "error",
  },
  {
    id: "3",
    institution: "ちゅら助産院",
    prefectureCode: 47,
    stock: 0,
    consumption: 300,
    limitPieces: 1000,
    status: "accepted",
  },
];

const pieces = (n: number) => `${n.toLocaleString("ja-JP")}枚`;

const columns: DataTableColumn<RequestRow>[] = [
  { key: "institution", header: "医療機関名", cell: (r) => r.institution, rowHeader: true },
  { key: "prefecture", header: "都道府県", cell: (r) => prefectureName(r.prefectureCode) },
  { key: "stock", header: "在庫量", cell: (r) => pieces(r.stock), align: "end" },
  {
    key: "consumption",
    header: "1週間の想定消費量",
    cell: (r) => pieces(r.consumption),
    align: "end",
  },
  { key: "limit", header: "購入上限数", cell: (r) => pieces(r.limitPieces), align: "end" },
  { key: "status", header: "対応ステータス", cell: (r) => <StatusBadge status={r.status} /> },
];

const meta = {
  title: "データ/DataTable",
  component: DataTable<RequestRow>,
  args: {
    caption: "実施中の緊急配布要請（過去30日間）",
    columns,
    rows,
    rowKey: (r: RequestRow) => r.id,
  },
} satisfies Meta<typeof DataTable<RequestRow>>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    const table = canvas.getByRole("table", { name: "実施中の緊急配布要請（過去30日間）" });
    await expect(within(table).getAllByRole("columnheader")).toHaveLength(6);
    await expect(within(table).getAllByRole("rowheader")).toHaveLength(3);
    const osaka = within(table)
      .getByRole("rowheader", { name: "なにわ歯科クリニック" })
      .closest("tr");
    await expect(osaka).toHaveTextContent("大阪府");
    await expect(osaka).toHaveTextContent("12,345,678枚");
    await expect(osaka).toHaveTextContent("エラーあり");
  },
};

/** On a phone the table scrolls inside its region; the page itself does not widen. */
export const ScrollsOnPhone: Story = {
  decorators: [
    (Story) => (
      <div style={{ width: "343px" }} data-testid="phone">
        <Story />
      </div>
    ),
  ],
  play: async ({ canvas }) => {
    const region = canvas.getByRole("region", { name: "実施中の緊急配布要請（過去30日間）" });
    await expect(region.scrollWidth).toBeGreaterThan(region.clientWidth);
    await expect(canvas.getByTestId("phone").scrollWidth).toBe(343);
    // Reachable by Tab, so the arrow keys can scroll it.
    await userEvent.tab();
    await expect(region).toHaveFocus();
  },
};

export const Empty: Story = {
  args: { rows: [], emptyMessage: "緊急配布要請はまだありません。「新規」から登録してください。" },
  play: async ({ canvas }) => {
    const cell = canvas.getByRole("cell");
    await expect(cell).toHaveTextContent("緊急配布要請はまだありません");
    await expect(cell).toHaveAttribute("colspan", "6");
  },
};

export const HiddenCaption: Story = {
  args: { hideCaption: true },
  play: async ({ canvas }) => {
    await expect(
      canvas.getByRole("table", { name: "実施中の緊急配布要請（過去30日間）" }),
    ).toBeInTheDocument();
    await expect(canvas.getByText("実施中の緊急配布要請（過去30日間）")).toHaveClass(
      "sos-visually-hidden",
    );
  },
};
