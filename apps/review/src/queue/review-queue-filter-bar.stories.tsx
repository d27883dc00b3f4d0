import { PREFECTURES } from "@sos/domain";
import { Button } from "@sos/ui";
import { errorDescription } from "@sos/ui/testing";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { dateBoxes, dateShown, typeDate } from "../stories/date-field";
import { DEFAULT_FILTERS, type QueueFilters } from "./queue-params";
import { ReviewQueueFilterBar, type ReviewQueueFilterBarProps } from "./review-queue-filter-bar";

const LONG_NAME = "社会福祉法人恩賜財団済生会支部神奈川県済生会横浜市東部病院";
const RANGE_ERROR = "申請日の範囲が正しくありません（開始日が終了日より後です）";

const meta = {
  title: "部品/審査/ReviewQueueFilterBar",
  component: ReviewQueueFilterBar,
  args: { filters: DEFAULT_FILTERS, onFiltersChange: fn() },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "375px" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ReviewQueueFilterBar>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;

function fields(canvas: Canvas) {
  const bar = canvas.getByRole("search", { name: "要請の絞り込み" });
  const inBar = within(bar);
  return {
    bar,
    search: inBar.getByRole("searchbox", { name: "医療機関名・コード" }),
    status: inBar.getByRole("combobox", { name: "状態" }),
    reviewState: inBar.getByRole("combobox", { name: "都道府県の入力" }),
    type: inBar.getByRole("combobox", { name: "施設種別" }),
    from: dateBoxes(bar, "開始日").year,
    to: dateBoxes(bar, "終了日").year,
    late: inBar.getByRole("checkbox", { name: "締切（水曜17時）後の申請のみ" }),
    apply: inBar.getByRole("button", { name: "絞り込む" }),
    clear: inBar.getByRole("button", { name: "条件をクリア" }),
  };
}

/** Nothing is sent while choosing; 「絞り込む」 sends the whole set, the search trimmed. */
export const ApplyAll: Story = {
  play: async ({ args, canvas }) => {
    const f = fields(canvas);
    await expect(f.status).toHaveValue("reviewing");
    await expect(within(f.bar).queryByRole("combobox", { name: "都道府県" })).toBeNull();

    await userEvent.type(f.search, `　${LONG_NAME} `);
    await userEvent.selectOptions(f.status, "国確認中");
    await userEvent.selectOptions(f.reviewState, "確認完了");
    await userEvent.selectOptions(f.type, "病院");
    await typeDate(f.bar, "開始日", "2026-11-25");
    await typeDate(f.bar, "終了日", "2026-12-02");
    await userEvent.click(f.late);
    await expect(args.onFiltersChange).not.toHaveBeenCalled();

    await userEvent.click(f.apply);
    await expect(args.onFiltersChange).toHaveBeenCalledOnce();
    await expect(args.onFiltersChange).toHaveBeenCalledWith({
      status: "reviewing",
      stage: "ministry",
      reviewState: "completed",
      institutionType: "hospital",
      prefectureCode: null,
      filedFrom: "2026-11-25",
      filedTo: "2026-12-02",
      late: true,
      search: LONG_NAME,
    } satisfies QueueFilters);
  },
};

/** Enter in the search box applies; a blank search and an unticked box mean "no filter". */
export const EnterToSearch: Story = {
  play: async ({ args, canvas }) => {
    const f = fields(canvas);
    await userEvent.selectOptions(f.status, "すべて");
    await userEvent.type(f.search, "1300007919{Enter}");
    await expect(args.onFiltersChange).toHaveBeenCalledOnce();
    await expect(args.onFiltersChange).toHaveBeenCalledWith({
      ...DEFAULT_FILTERS,
      status: "all",
      search: "1300007919",
    });

    await userEvent.clear(f.search);
    await userEvent.type(f.search, "　 {Enter}");
    await expect(args.onFiltersChange).toHaveBeenLastCalledWith({
      ...DEFAULT_FILTERS,
      status: "all",
    });
  },
};

/** A start after the end is refused at 終了日, which gets the focus; nothing is sent. */
export const InvalidDateRange: Story = {
  play: async ({ args, canvas }) => {
    const f = fields(canvas);
    await typeDate(f.bar, "開始日", "2026-12-02");
    await typeDate(f.bar, "終了日", "2026-11-25");
    await userEvent.click(f.apply);
    await expect(f.to).toHaveAttribute("aria-invalid", "true");
    await expect(f.to).toHaveAccessibleDescription(errorDescription(RANGE_ERROR, "（水）"));
    await expect(f.to).toHaveFocus();
    await expect(args.onFiltersChange).not.toHaveBeenCalled();

    // Fixed, it applies and the message goes.
    await typeDate(f.bar, "開始日", "2026-11-18");
    await userEvent.click(f.apply);
    await expect(f.to).not.toHaveAttribute("aria-invalid");
    await expect(args.onFiltersChange).toHaveBeenCalledOnce();
    await expect(args.onFiltersChange).toHaveBeenCalledWith({
      ...DEFAULT_FILTERS,
      filedFrom: "2026-11-18",
      filedTo: "2026-11-25",
    });
  },
};

/** 2月30日 is no date: said in Japanese at 開始日, which gets the focus; nothing is sent. */
export const ImpossibleDate: Story = {
  play: async ({ args, canvas }) => {
    const f = fields(canvas);
    await typeDate(f.bar, "開始日", "2026-2-30");
    await userEvent.click(f.apply);
    await expect(f.from).toHaveAttribute("aria-invalid", "true");
    await expect(
      canvas.getByText("開始日は正しい日付を入力してください（例：2026年12月1日）"),
    ).toBeVisible();
    await expect(f.from).toHaveFocus();
    await expect(args.onFiltersChange).not.toHaveBeenCalled();
  },
};

/** A prefecture officer's clear goes back to the officer's own queue, not every stage. */
export const ClearToOwnQueue: Story = {
  args: {
    filters: { ...DEFAULT_FILTERS, stage: null, search: "さくら" },
    defaultFilters: { ...DEFAULT_FILTERS, stage: "prefecture" },
  },
  play: async ({ args, canvas }) => {
    const f = fields(canvas);
    await expect(f.status).toHaveDisplayValue("確認中（都道府県・国）");
    await userEvent.click(f.clear);
    await expect(args.onFiltersChange).toHaveBeenCalledOnce();
    await expect(args.onFiltersChange).toHaveBeenCalledWith({
      ...DEFAULT_FILTERS,
      stage: "prefecture",
    });
    await expect(f.status).toHaveDisplayValue("都道府県確認中");
    await expect(f.search).toHaveValue("");
  },
};

/** Filters in force show in the form; 「条件をクリア」 resets it and sends the defaults at once. */
export const ClearFilters: Story = {
  args: {
    filters: {
      ...DEFAULT_FILTERS,
      status: "not_eligible",
      institutionType: "home_nursing",
      filedFrom: "2026-11-25",
      late: true,
      search: "さくら",
    },
  },
  play: async ({ args, canvas }) => {
    const f = fields(canvas);
    await expect(f.search).toHaveValue("さくら");
    await expect(f.status).toHaveDisplayValue("対象外");
    await expect(f.type).toHaveDisplayValue("訪問看護事業所");
    await expect(dateShown(f.bar, "開始日")).toBe("2026-11-25");
    await expect(f.late).toBeChecked();

    await userEvent.click(f.clear);
    await expect(args.onFiltersChange).toHaveBeenCalledOnce();
    await expect(args.onFiltersChange).toHaveBeenCalledWith(DEFAULT_FILTERS);
    await expect(f.search).toHaveValue("");
    await expect(f.status).toHaveDisplayValue("確認中（都道府県・国）");
    await expect(f.type).toHaveDisplayValue("すべて");
    await expect(f.from).toHaveValue("");
    await expect(f.late).not.toBeChecked();
  },
};

/** The ministry filters by prefecture too; the code goes back as a number. */
export const MinistryWithPrefectures: Story = {
  args: { prefectures: PREFECTURES.map(({ code, name }) => ({ code, name })) },
  play: async ({ args, canvas }) => {
    const prefecture = canvas.getByRole("combobox", { name: "都道府県" });
    await expect(within(prefecture).getAllByRole("option")).toHaveLength(48);
    await userEvent.selectOptions(prefecture, "神奈川県");
    await userEvent.click(fields(canvas).apply);
    await expect(args.onFiltersChange).toHaveBeenCalledOnce();
    await expect(args.onFiltersChange).toHaveBeenCalledWith({
      ...DEFAULT_FILTERS,
      prefectureCode: 14,
    });
  },
};

function ExternalHarness(args: ReviewQueueFilterBarProps) {
  const [filters, setFilters] = useState<QueueFilters>(args.filters);
  return (
    <>
      <Button
        variant="tertiary"
        onClick={() => setFilters({ ...DEFAULT_FILTERS, status: "accepted" })}
      >
        受付完了の一覧へ
      </Button>
      <ReviewQueueFilterBar {...args} filters={filters} />
    </>
  );
}

/** Filters changed from outside (a link, Back) replace what was half-typed. */
export const ReplacedFromOutside: Story = {
  render: (args) => <ExternalHarness {...args} />,
  play: async ({ args, canvas }) => {
    const f = fields(canvas);
    await userEvent.type(f.search, "書きかけ");
    await userEvent.click(canvas.getByRole("button", { name: "受付完了の一覧へ" }));
    await waitFor(() => expect(f.status).toHaveDisplayValue("受付完了"));
    await expect(f.search).toHaveValue("");
    await expect(args.onFiltersChange).not.toHaveBeenCalled();
  },
};
