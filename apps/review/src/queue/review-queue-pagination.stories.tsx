import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent, within } from "storybook/test";
import { ReviewQueuePagination, type ReviewQueuePaginationProps } from "./review-queue-pagination";

const meta = {
  title: "部品/審査/ReviewQueuePagination",
  component: ReviewQueuePagination,
  args: { page: 5, pageSize: 50, total: 1_234, onPageChange: fn() },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "375px" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ReviewQueuePagination>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;

/** What the page list offers, as read: the current page marked, the gaps as …. */
function offered(canvas: Canvas): string[] {
  const nav = canvas.getByRole("navigation", { name: "ページ送り" });
  return [...nav.querySelectorAll("li")].map((item) => {
    const button = item.querySelector("button");
    if (button === null) return item.textContent ?? "";
    const label = button.getAttribute("aria-label") ?? "";
    return button.getAttribute("aria-current") === "page" ? `[${label}]` : label;
  });
}

/** In the middle: the range in figures, two pages either side, the first and the last. */
export const MiddlePage: Story = {
  play: async ({ args, canvas }) => {
    await expect(canvas.getByRole("status")).toHaveTextContent("全 1,234 件中 201〜250 件");
    await expect(offered(canvas)).toEqual([
      "前のページ",
      "1ページ目",
      "…",
      "3ページ目",
      "4ページ目",
      "[5ページ目]",
      "6ページ目",
      "7ページ目",
      "…",
      "25ページ目",
      "次のページ",
    ]);
    await expect(canvas.getByRole("button", { name: "5ページ目" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await userEvent.click(canvas.getByRole("button", { name: "次のページ" }));
    await expect(args.onPageChange).toHaveBeenLastCalledWith(6);
    await userEvent.click(canvas.getByRole("button", { name: "前のページ" }));
    await expect(args.onPageChange).toHaveBeenLastCalledWith(4);
    await userEvent.click(canvas.getByRole("button", { name: "25ページ目" }));
    await expect(args.onPageChange).toHaveBeenLastCalledWith(25);
    await expect(args.onPageChange).toHaveBeenCalledTimes(3);
  },
};

/** On the first page 前へ is aria-disabled (still focusable) and does nothing. */
export const FirstPage: Story = {
  args: { page: 1 },
  play: async ({ args, canvas }) => {
    await expect(canvas.getByRole("status")).toHaveTextContent("全 1,234 件中 1〜50 件");
    const previous = canvas.getByRole("button", { name: "前のページ" });
    await expect(previous).toHaveAttribute("aria-disabled", "true");
    await expect(previous).toBeEnabled();
    await userEvent.click(previous);
    await expect(args.onPageChange).not.toHaveBeenCalled();
    await expect(previous).toHaveFocus();
    await expect(canvas.getByRole("button", { name: "次のページ" })).not.toHaveAttribute(
      "aria-disabled",
    );
    await expect(offered(canvas).slice(1, 6)).toEqual([
      "[1ページ目]",
      "2ページ目",
      "3ページ目",
      "…",
      "25ページ目",
    ]);
  },
};

export const LastPage: Story = {
  args: { page: 25 },
  play: async ({ args, canvas }) => {
    await expect(canvas.getByRole("status")).toHaveTextContent("全 1,234 件中 1,201〜1,234 件");
    const next = canvas.getByRole("button", { name: "次のページ" });
    await expect(next).toHaveAttribute("aria-disabled", "true");
    await userEvent.click(next);
    await expect(args.onPageChange).not.toHaveBeenCalled();
    await expect(canvas.getByRole("button", { name: "前のページ" })).not.toHaveAttribute(
      "aria-disabled",
    );
  },
};

/** 1,250,000 requests: every figure has its thousands separators, page numbers too. */
export const LargeNumbers: Story = {
  args: { page: 12_500, pageSize: 100, total: 1_250_000 },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("status")).toHaveTextContent(
      "全 1,250,000 件中 1,249,901〜1,250,000 件",
    );
    const last = canvas.getByRole("button", { name: "12,500ページ目" });
    await expect(last).toHaveTextContent("12,500");
    await expect(last).toHaveAttribute("aria-current", "page");
    await expect(canvas.getByRole("button", { name: "12,498ページ目" })).toBeVisible();
    await expect(canvas.getByRole("button", { name: "次のページ" })).toHaveAttribute(
      "aria-disabled",
      "true",
    );
  },
};

/** One page: the count only, no page list to tab through. */
export const SinglePage: Story = {
  args: { page: 1, total: 12 },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("status")).toHaveTextContent("全 12 件中 1〜12 件");
    await expect(canvas.queryByRole("navigation")).toBeNull();
    await expect(canvas.queryByRole("button")).toBeNull();
  },
};

export const NoResults: Story = {
  args: { page: 1, total: 0 },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("status")).toHaveTextContent(/^全 0 件$/);
    await expect(canvas.queryByRole("navigation")).toBeNull();
  },
};

/** The page size is offered only with a handler; the choice is passed back as a number. */
export const PageSizeChoice: Story = {
  args: { page: 1, pageSizeOptions: [20, 50, 100], onPageSizeChange: fn() },
  play: async ({ args, canvas }) => {
    const size = canvas.getByRole("combobox", { name: "表示件数" });
    await expect(size).toHaveValue("50");
    await expect(
      within(size)
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual(["20件", "50件", "100件"]);
    await userEvent.selectOptions(size, "100件");
    await expect(args.onPageSizeChange).toHaveBeenCalledOnce();
    await expect(args.onPageSizeChange).toHaveBeenCalledWith(100);
  },
};

export const NoPageSizeWithoutHandler: Story = {
  args: { pageSizeOptions: [20, 50, 100] },
  play: async ({ canvas }) => {
    await expect(canvas.queryByRole("combobox", { name: "表示件数" })).toBeNull();
  },
};

function PagingHarness(args: ReviewQueuePaginationProps) {
  const [page, setPage] = useState(args.page);
  return (
    <ReviewQueuePagination
      {...args}
      page={page}
      onPageChange={(next) => {
        args.onPageChange(next);
        setPage(next);
      }}
    />
  );
}

/** Paging by keyboard to the end: focus stays on 次へ, which then does nothing more. */
export const KeyboardToTheEnd: Story = {
  args: { page: 1, total: 120 },
  render: (args) => <PagingHarness {...args} />,
  play: async ({ args, canvas }) => {
    const next = canvas.getByRole("button", { name: "次のページ" });
    next.focus();
    await userEvent.keyboard("{Enter}");
    await expect(canvas.getByRole("status")).toHaveTextContent("全 120 件中 51〜100 件");
    await userEvent.keyboard(" ");
    await expect(canvas.getByRole("status")).toHaveTextContent("全 120 件中 101〜120 件");
    await expect(next).toHaveFocus();
    await expect(next).toHaveAttribute("aria-disabled", "true");
    await userEvent.keyboard("{Enter}");
    await expect(args.onPageChange).toHaveBeenCalledTimes(2);
    await expect(args.onPageChange).toHaveBeenNthCalledWith(1, 2);
    await expect(args.onPageChange).toHaveBeenNthCalledWith(2, 3);
    await expect(canvas.getByRole("button", { name: "3ページ目" })).toHaveAttribute(
      "aria-current",
      "page",
    );
  },
};
