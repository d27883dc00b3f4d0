import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent, within } from "storybook/test";
import type { QueueSortKey } from "../queue/queue-params";
import { nextSort, type SortDirection, SortHeader } from "./sort-header";

const meta = {
  title: "部品/審査/SortHeader",
  component: SortHeader,
  args: {
    sortKey: "appliedAt",
    activeKey: "appliedAt",
    dir: "asc",
    onSort: fn(),
    children: "申請日時",
  },
  decorators: [
    (Story) => (
      <table>
        <thead>
          <tr>
            <Story />
          </tr>
        </thead>
      </table>
    ),
  ],
} satisfies Meta<typeof SortHeader>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The sorted column tells its order to screen readers; the filled arrow shows it. */
export const Ascending: Story = {
  play: async ({ args, canvas }) => {
    const header = canvas.getByRole("columnheader", { name: "申請日時" });
    await expect(header).toHaveAttribute("aria-sort", "ascending");
    await expect(header.querySelector("svg")).toHaveAttribute("data-state", "asc");
    await userEvent.click(within(header).getByRole("button", { name: "申請日時" }));
    await expect(args.onSort).toHaveBeenCalledOnce();
    await expect(args.onSort).toHaveBeenCalledWith("appliedAt");
  },
};

export const Descending: Story = {
  args: { dir: "desc" },
  play: async ({ canvas }) => {
    const header = canvas.getByRole("columnheader", { name: "申請日時" });
    await expect(header).toHaveAttribute("aria-sort", "descending");
    await expect(header.querySelector("svg")).toHaveAttribute("data-state", "desc");
  },
};

/** Another column is sorted: no aria-sort here, and a click only asks (the caller decides). */
export const NotSorted: Story = {
  args: { sortKey: "institutionName", children: "医療機関名" },
  play: async ({ args, canvas }) => {
    const header = canvas.getByRole("columnheader", { name: "医療機関名" });
    await expect(header).not.toHaveAttribute("aria-sort");
    await expect(header.querySelector("svg")).toHaveAttribute("data-state", "none");
    // Keyboard: the header's button is in the tab order and answers Enter and Space.
    await userEvent.tab();
    await expect(within(header).getByRole("button", { name: "医療機関名" })).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    await userEvent.keyboard(" ");
    await expect(args.onSort).toHaveBeenCalledTimes(2);
    await expect(args.onSort).toHaveBeenNthCalledWith(1, "institutionName");
    await expect(args.onSort).toHaveBeenNthCalledWith(2, "institutionName");
    await expect(header).not.toHaveAttribute("aria-sort");
  },
};

const COLUMNS: ReadonlyArray<{ key: QueueSortKey; label: string }> = [
  { key: "appliedAt", label: "申請日時" },
  { key: "institutionName", label: "医療機関名" },
  { key: "weeksOfCover", label: "在庫の持ち" },
  { key: "limitSets", label: "購入上限数" },
];

/** Names read A→Z first; dates, cover and limits most urgent first. */
function firstDirection(key: QueueSortKey): SortDirection {
  return key === "institutionName" || key === "weeksOfCover" ? "asc" : "desc";
}

function SortableRow({ onSort }: { onSort: (key: QueueSortKey) => void }) {
  const [sort, setSort] = useState<{ key: QueueSortKey; dir: SortDirection }>({
    key: "appliedAt",
    dir: "asc",
  });
  return (
    <>
      {COLUMNS.map((column) => (
        <SortHeader
          key={column.key}
          sortKey={column.key}
          activeKey={sort.key}
          dir={sort.dir}
          onSort={(key) => {
            onSort(key);
            setSort((current) => nextSort(current, key, firstDirection));
          }}
        >
          {column.label}
        </SortHeader>
      ))}
    </>
  );
}

function sortStates(canvasElement: HTMLElement) {
  return within(canvasElement)
    .getAllByRole("columnheader")
    .map((header) => `${header.textContent}:${header.getAttribute("aria-sort") ?? "-"}`);
}

/** In a table: exactly one column carries aria-sort; the same column again turns it round. */
export const InATable: Story = {
  render: (args) => <SortableRow onSort={args.onSort} />,
  play: async ({ args, canvas, canvasElement }) => {
    await expect(sortStates(canvasElement)).toEqual([
      "申請日時:ascending",
      "医療機関名:-",
      "在庫の持ち:-",
      "購入上限数:-",
    ]);
    await userEvent.click(canvas.getByRole("button", { name: "申請日時" }));
    await expect(sortStates(canvasElement)).toEqual([
      "申請日時:descending",
      "医療機関名:-",
      "在庫の持ち:-",
      "購入上限数:-",
    ]);
    await userEvent.click(canvas.getByRole("button", { name: "購入上限数" }));
    await expect(args.onSort).toHaveBeenLastCalledWith("limitSets");
    await expect(sortStates(canvasElement)).toEqual([
      "申請日時:-",
      "医療機関名:-",
      "在庫の持ち:-",
      "購入上限数:descending",
    ]);
    await userEvent.click(canvas.getByRole("button", { name: "医療機関名" }));
    await expect(sortStates(canvasElement)).toEqual([
      "申請日時:-",
      "医療機関名:ascending",
      "在庫の持ち:-",
      "購入上限数:-",
    ]);
    await expect(args.onSort).toHaveBeenCalledTimes(3);
  },
};

/** Each header's button is a full-size touch target. */
export const TouchTarget: Story = {
  play: async ({ canvas }) => {
    const button = canvas.getByRole("button", { name: "申請日時" });
    await expect(button.getBoundingClientRect().height).toBeGreaterThanOrEqual(44);
  },
};
