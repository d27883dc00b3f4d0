import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import type { Sanction } from "../api-types";
import { person } from "../stories/parts";
import { SanctionForm } from "./sanction-form";
import { SanctionList } from "./sanction-list";

const SANCTIONS: Sanction[] = [
  {
    id: "s1",
    institution: {
      id: "6a1e2b3c-0000-4000-8000-000000000101",
      code: "1312345678",
      name: "医療法人社団　みなと会　みなと内科クリニック",
      prefectureCode: 13,
      prefectureName: "東京都",
    },
    reason:
      "購入した手袋をフリマアプリで転売していたことを確認したため（同意事項④）。\n2026年12月1日に電話で本人に確認済み。",
    effectiveFrom: "2026-12-02",
    state: "in_force",
    createdAt: "2026-12-01T06:00:00.000Z",
    createdBy: person("厚生労働省 医政局 佐藤"),
    liftedAt: null,
    liftedBy: null,
    liftReason: null,
  },
  {
    id: "s2",
    institution: {
      id: "6a1e2b3c-0000-4000-8000-000000000102",
      code: "2712345678",
      name: "なにわ歯科クリニック",
      prefectureCode: 27,
      prefectureName: "大阪府",
    },
    reason: "院外への無断譲渡",
    effectiveFrom: "2026-12-10",
    state: "scheduled",
    createdAt: "2026-12-03T01:00:00.000Z",
    createdBy: person("厚生労働省 医政局 佐藤"),
    liftedAt: null,
    liftedBy: null,
    liftReason: null,
  },
  {
    id: "s3",
    institution: {
      id: "6a1e2b3c-0000-4000-8000-000000000103",
      code: "4712345678",
      name: "ちゅら助産院",
      prefectureCode: 47,
      prefectureName: "沖縄県",
    },
    reason: "誤登録",
    effectiveFrom: "2026-11-20",
    state: "lifted",
    createdAt: "2026-11-19T01:00:00.000Z",
    createdBy: person("厚生労働省 医政局 鈴木", 2),
    liftedAt: "2026-11-21T02:30:00.000Z",
    liftedBy: person("厚生労働省 医政局 鈴木", 2),
    liftReason: "別の医療機関と取り違えていたため",
  },
];

const meta = {
  title: "部品/審査/Sanctions",
  component: SanctionList,
  args: { sanctions: SANCTIONS, onLift: fn(async () => {}) },
} satisfies Meta<typeof SanctionList>;

export default meta;
type Story = StoryObj<typeof meta>;

function page(canvasElement: HTMLElement) {
  return within(canvasElement.ownerDocument.body);
}

/** In force, yet to start, lifted; only those not lifted can be lifted, with a reason. */
export const ListAndLift: Story = {
  play: async ({ args, canvas, canvasElement }) => {
    const rows = within(canvas.getByRole("table", { name: "措置の一覧" }))
      .getAllByRole("row")
      .slice(1);
    await expect(rows[0]).toHaveTextContent("実施中");
    await expect(rows[0]).toHaveTextContent("2026年12月2日（水）");
    await expect(rows[1]).toHaveTextContent("開始前");
    await expect(rows[2]).toHaveTextContent("解除済み");
    await expect(rows[2]).toHaveTextContent("解除の理由：別の医療機関と取り違えていたため");
    await expect(within(rows[2] as HTMLElement).queryByRole("button")).toBeNull();

    await userEvent.click(
      canvas.getByRole("button", {
        name: "医療法人社団　みなと会　みなと内科クリニックへの措置を解除",
      }),
    );
    const dialog = await page(canvasElement).findByRole("dialog");
    const reason = within(dialog).getByRole("textbox", { name: /解除の理由/ });
    await userEvent.click(within(dialog).getByRole("button", { name: "解除する" }));
    await expect(reason).toHaveAttribute("aria-invalid", "true");
    await expect(args.onLift).not.toHaveBeenCalled();
    await userEvent.type(reason, "転売品の回収と再発防止策の提出を確認したため");
    await userEvent.click(within(dialog).getByRole("button", { name: "解除する" }));
    await waitFor(() =>
      expect(args.onLift).toHaveBeenCalledWith(
        "s1",
        "転売品の回収と再発防止策の提出を確認したため",
      ),
    );
  },
};

export const FilterByState: Story = {
  args: { stateFilter: null, onStateFilterChange: fn() },
  play: async ({ args, canvas }) => {
    await userEvent.selectOptions(canvas.getByRole("combobox", { name: "状態" }), "解除済み");
    await expect(args.onStateFilterChange).toHaveBeenCalledWith("lifted");
  },
};

export const Empty: Story = {
  args: { sanctions: [] },
  play: async ({ canvas }) => {
    await expect(canvas.getByText("該当する措置はありません。")).toBeVisible();
  },
};

/** The form: a 10-digit code (full width is fine), a reason and a date, after a confirmation. */
export const RegisterASanction: StoryObj<typeof SanctionForm> = {
  render: (args) => <SanctionForm {...args} />,
  args: {
    onSubmit: fn(async () => {}),
    lookupTarget: fn(async (code: string) => ({
      target: {
        id: "6a1e2b3c-0000-4000-8000-000000000101",
        code,
        name: "医療法人社団　みなと会　みなと内科クリニック",
        prefectureCode: 13,
        prefectureName: "東京都",
        type: "clinic" as const,
        typeLabel: "診療所（歯科を含む）",
        openSanctions: 0,
      },
    })),
    defaultEffectiveFrom: "2026-12-04",
  },
  play: async ({ args, canvas, canvasElement }) => {
    await userEvent.click(canvas.getByRole("button", { name: "措置を登録…" }));
    const summary = await canvas.findByRole("region", { name: "入力内容に誤りがあります（2件）" });
    await expect(summary).toHaveTextContent("医療機関コードを入力してください");
    await expect(summary).toHaveTextContent("措置の理由を入力してください");

    await userEvent.type(
      canvas.getByRole("textbox", { name: /医療機関コード/ }),
      "１３１２－３４５－６７８",
    );
    await userEvent.type(
      canvas.getByRole("textbox", { name: /措置の理由/ }),
      "転売の確認（同意事項④）",
    );
    await userEvent.click(canvas.getByRole("button", { name: "措置を登録…" }));
    const dialog = await page(canvasElement).findByRole("dialog", {
      name: "「医療法人社団　みなと会　みなと内科クリニック」に措置を登録します",
    });
    await expect(dialog).toHaveTextContent("1312345678");
    await expect(dialog).toHaveTextContent("東京都・診療所（歯科を含む）");
    await expect(dialog).toHaveTextContent("2026年12月4日（金）");
    await expect(args.onSubmit).not.toHaveBeenCalled();
    await userEvent.click(within(dialog).getByRole("button", { name: "措置を登録する" }));
    await waitFor(() =>
      expect(args.onSubmit).toHaveBeenCalledWith({
        institutionCode: "1312345678",
        reason: "転売の確認（同意事項④）",
        effectiveFrom: "2026-12-04",
      }),
    );
    await expect(
      await canvas.findByText(
        "「医療法人社団 みなと会 みなと内科クリニック」（医療機関コード 1312345678）への措置を登録しました（2026年12月4日（金）から適用）。",
      ),
    ).toBeVisible();
    await expect(canvas.getByRole("textbox", { name: /医療機関コード/ })).toHaveValue("");
  },
};

/** An unknown code is refused at the field. */
export const UnknownInstitution: StoryObj<typeof SanctionForm> = {
  render: (args) => <SanctionForm {...args} />,
  args: {
    onSubmit: fn(async () => {}),
    lookupTarget: fn(async () => ({ error: "" })),
    defaultEffectiveFrom: "2026-12-04",
    fieldErrors: {
      institutionCode:
        "指定した医療機関が見つかりません。医療機関コード（10桁）を確認してください。",
    },
  },
  play: async ({ canvas }) => {
    const code = canvas.getByRole("textbox", { name: /医療機関コード/ });
    await expect(code).toHaveAttribute("aria-invalid", "true");
    await expect(canvas.getByText(/指定した医療機関が見つかりません/)).toBeVisible();
  },
};
