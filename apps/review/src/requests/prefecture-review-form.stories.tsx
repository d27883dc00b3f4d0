import { errorDescription } from "@sos/ui/testing";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { CONFLICT_MESSAGE } from "../common/messages";
import { savedInput } from "../stories/parts";
import { PrefectureReviewForm } from "./prefecture-review-form";
import {
  overLimitMessage,
  overrideReasonRequired,
  SUPPLY_REQUIRED,
} from "./prefecture-review-schema";

const meta = {
  title: "部品/審査/PrefectureReviewForm",
  component: PrefectureReviewForm,
  args: {
    limitSets: 3,
    onSave: fn(async () => {}),
    onMarkNotEligible: fn(async () => {}),
    // Friday 4 December 2026, 00:00 Tokyo.
    notEligibleNoticeFrom: "2026-12-03T15:00:00.000Z",
    institutionName: "医療法人社団　さくら会　さくら訪問看護ステーション",
  },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "40rem" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof PrefectureReviewForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The quantity starts at the computed limit. Completing needs 配送要否; once chosen,
 * the request is completed at the limit.
 */
export const CompleteAtTheLimit: Story = {
  play: async ({ args, canvas }) => {
    const quantity = canvas.getByRole("textbox", { name: /数量（セット）/ });
    await expect(quantity).toHaveValue("3");
    await expect(quantity).toHaveAccessibleDescription(
      /購入上限数（算定値）は3セット（3,000枚）です/,
    );

    await userEvent.click(canvas.getByRole("button", { name: "都道府県確認を完了" }));
    const summary = await canvas.findByRole("region", { name: "入力内容に誤りがあります（1件）" });
    await waitFor(() => expect(summary).toHaveFocus());
    await expect(summary).toHaveTextContent(SUPPLY_REQUIRED);
    await expect(args.onSave).not.toHaveBeenCalled();

    await userEvent.click(canvas.getByRole("radio", { name: "必要（配送する）" }));
    await userEvent.click(canvas.getByRole("button", { name: "都道府県確認を完了" }));
    // Completing cannot be undone here: nothing is sent before the officer confirms.
    const dialog = within(await canvas.findByRole("dialog", { name: /都道府県確認を完了します$/ }));
    await expect(dialog.getByText("3セット（3,000枚）")).toBeVisible();
    await expect(args.onSave).not.toHaveBeenCalled();
    await userEvent.click(dialog.getByRole("button", { name: "キャンセル" }));
    await expect(canvas.queryByRole("dialog")).toBeNull();
    await expect(args.onSave).not.toHaveBeenCalled();
    await userEvent.click(canvas.getByRole("button", { name: "都道府県確認を完了" }));
    await userEvent.click(await canvas.findByRole("button", { name: "完了する" }));
    await waitFor(() =>
      expect(args.onSave).toHaveBeenCalledWith({
        supplyNeeded: true,
        quantitySets: 3,
        overrideReason: "",
        notes: "",
        complete: true,
      }),
    );
    await expect(
      canvas.getByText("都道府県確認を完了しました。この要請は国確認中になりました。"),
    ).toBeVisible();
  },
};

/** Above the limit only with 「上限を超える（理由を記入）」 and a reason. */
export const OverrideNeedsAReason: Story = {
  args: { defaultValues: savedInput({ supplyNeeded: true, quantitySets: null }) },
  play: async ({ args, canvas }) => {
    const quantity = canvas.getByRole("textbox", { name: /数量（セット）/ });
    await userEvent.clear(quantity);
    // Full-width digits and the unit are read as typed on a Japanese keyboard.
    await userEvent.type(quantity, "５セット");
    await userEvent.click(canvas.getByRole("button", { name: "都道府県確認を完了" }));
    await waitFor(() =>
      expect(quantity).toHaveAccessibleDescription(
        errorDescription(
          overLimitMessage(3),
          "購入上限数（算定値）は3セット（3,000枚）です。1セット＝1,000枚。 セット",
        ),
      ),
    );
    await expect(args.onSave).not.toHaveBeenCalled();

    await userEvent.click(canvas.getByRole("checkbox", { name: "上限を超える（理由を記入）" }));
    const reason = canvas.getByRole("textbox", { name: /上限を超える理由/ });
    await userEvent.click(canvas.getByRole("button", { name: "都道府県確認を完了" }));
    await waitFor(() => expect(reason).toHaveAttribute("aria-invalid", "true"));
    await expect(canvas.getAllByText(overrideReasonRequired(3)).length).toBeGreaterThan(0);
    await expect(args.onSave).not.toHaveBeenCalled();

    // A reason of blanks (a full-width space) is still no reason.
    await userEvent.type(reason, "　");
    await userEvent.click(canvas.getByRole("button", { name: "都道府県確認を完了" }));
    await expect(args.onSave).not.toHaveBeenCalled();

    await userEvent.type(reason, "感染症病棟の開設で来週の消費量が倍増するため（電話で確認済み）");
    await userEvent.click(canvas.getByRole("button", { name: "都道府県確認を完了" }));
    await userEvent.click(await canvas.findByRole("button", { name: "完了する" }));
    await waitFor(() =>
      expect(args.onSave).toHaveBeenCalledWith({
        supplyNeeded: true,
        quantitySets: 5,
        overrideReason: "感染症病棟の開設で来週の消費量が倍増するため（電話で確認済み）",
        notes: "",
        complete: true,
      }),
    );
  },
};

/** Pieces are not sets: 「3000枚」 is refused rather than read as 3,000 sets. */
export const PiecesAreRefused: Story = {
  args: { defaultValues: savedInput({ supplyNeeded: true, quantitySets: 3 }) },
  play: async ({ args, canvas }) => {
    const quantity = canvas.getByRole("textbox", { name: /数量（セット）/ });
    await userEvent.clear(quantity);
    await userEvent.type(quantity, "3000枚");
    await userEvent.click(canvas.getByRole("button", { name: "一時保存" }));
    await expect(
      await canvas.findAllByText(
        "数量はセット単位で入力してください（1セット＝1,000枚。枚数ではありません）",
      ),
    ).not.toHaveLength(0);
    await userEvent.clear(quantity);
    await userEvent.type(quantity, "0");
    await userEvent.click(canvas.getByRole("button", { name: "一時保存" }));
    await expect(
      await canvas.findAllByText("配送が必要な場合、数量は1セット以上を入力してください。"),
    ).not.toHaveLength(0);
    await expect(args.onSave).not.toHaveBeenCalled();
  },
};

/** 配送不要 is zero sets; the quantity box steps aside. */
export const SupplyNotNeeded: Story = {
  play: async ({ args, canvas }) => {
    await userEvent.click(canvas.getByRole("radio", { name: /不要/ }));
    await expect(canvas.getByRole("textbox", { name: /数量（セット）/ })).toBeDisabled();
    await expect(
      canvas.getByRole("checkbox", { name: "上限を超える（理由を記入）" }),
    ).toBeDisabled();
    await userEvent.type(canvas.getByRole("textbox", { name: /備考/ }), "他の医療機関から融通済み");
    await userEvent.click(canvas.getByRole("button", { name: "都道府県確認を完了" }));
    await userEvent.click(await canvas.findByRole("button", { name: "完了する" }));
    await waitFor(() =>
      expect(args.onSave).toHaveBeenCalledWith({
        supplyNeeded: false,
        quantitySets: 0,
        overrideReason: "",
        notes: "他の医療機関から融通済み",
        complete: true,
      }),
    );
  },
};

/** 一時保存 keeps an unfinished input: 配送要否 may still be open. Enter in a box saves too. */
export const SaveADraft: Story = {
  play: async ({ args, canvas }) => {
    const quantity = canvas.getByRole("textbox", { name: /数量（セット）/ });
    await userEvent.clear(quantity);
    await userEvent.type(quantity, "2{Enter}");
    await waitFor(() =>
      expect(args.onSave).toHaveBeenCalledWith({
        supplyNeeded: null,
        quantitySets: 2,
        overrideReason: "",
        notes: "",
        complete: false,
      }),
    );
    await expect(canvas.getByText("一時保存しました。まだ国には送られていません。")).toBeVisible();
  },
};

/**
 * 対象外 needs a reason; the dialog says the institution is emailed from the
 * Friday of the request week.
 */
export const NotEligibleNeedsAReason: Story = {
  play: async ({ args, canvas, canvasElement }) => {
    await userEvent.click(canvas.getByRole("button", { name: "対象外とする…" }));
    const page = within(canvasElement.ownerDocument.body);
    const dialog = await page.findByRole("dialog", {
      name: "「医療法人社団　さくら会　さくら訪問看護ステーション」の要請を対象外とします",
    });
    await expect(dialog).toHaveTextContent(
      "医療機関には、2026年12月4日（金）以降に、理由を記載したメールで連絡します。",
    );
    const reason = within(dialog).getByRole("textbox", { name: /対象外とする理由/ });
    await expect(reason).toHaveFocus();

    await userEvent.click(within(dialog).getByRole("button", { name: "対象外とする" }));
    await expect(reason).toHaveAttribute("aria-invalid", "true");
    await expect(reason).toHaveAccessibleDescription(
      errorDescription(
        "対象外とする理由を入力してください",
        "医療機関へのメールに、このとおり記載されます。 0 / 1,000文字",
      ),
    );
    await expect(args.onMarkNotEligible).not.toHaveBeenCalled();

    await userEvent.type(reason, "在庫が十分にあることを電話で確認しました。");
    await userEvent.click(within(dialog).getByRole("button", { name: "対象外とする" }));
    await waitFor(() =>
      expect(args.onMarkNotEligible).toHaveBeenCalledWith(
        "在庫が十分にあることを電話で確認しました。",
      ),
    );
    await waitFor(() => expect(dialog).not.toBeVisible());
  },
};

/** Esc closes the dialog without doing anything. */
export const NotEligibleCancelled: Story = {
  play: async ({ args, canvas, canvasElement }) => {
    const open = canvas.getByRole("button", { name: "対象外とする…" });
    await userEvent.click(open);
    const page = within(canvasElement.ownerDocument.body);
    const dialog = await page.findByRole("dialog");
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(dialog).not.toBeVisible());
    await expect(open).toHaveFocus();
    await expect(args.onMarkNotEligible).not.toHaveBeenCalled();
  },
};

/** Another officer saved first: the save is refused and nothing is lost. */
export const Conflict: Story = {
  args: {
    conflict: true,
    onReload: fn(),
    defaultValues: savedInput({ supplyNeeded: true, quantitySets: 2, notes: "電話確認済み" }),
  },
  play: async ({ args, canvas }) => {
    const alert = canvas.getByRole("alert");
    await expect(alert).toHaveTextContent(CONFLICT_MESSAGE);
    await userEvent.click(within(alert).getByRole("button", { name: "最新の内容を読み込む" }));
    await expect(args.onReload).toHaveBeenCalledOnce();
  },
};

/** The server's refusals land at their fields. */
export const ServerErrors: Story = {
  args: {
    defaultValues: savedInput({ supplyNeeded: true, quantitySets: 4 }),
    fieldErrors: {
      quantitySets: "購入上限数（算定値 3セット）を超える数量には、理由の入力が必要です。",
    },
    serverError: "この要請は都道府県の確認が完了し、国確認中です。",
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("alert")).toHaveTextContent("国確認中です");
    await expect(canvas.getByRole("textbox", { name: /数量（セット）/ })).toHaveAttribute(
      "aria-invalid",
      "true",
    );
  },
};

/** A request with the ministry: the prefecture's input is shown, not editable. */
export const ReadOnly: Story = {
  args: {
    readOnlyReason:
      "この要請は都道府県の確認が完了し、国確認中です。変更が必要な場合は、国に差戻しを依頼してください。",
    defaultValues: savedInput({
      supplyNeeded: true,
      quantitySets: 12_000,
      overrideReason: "大規模災害の拠点病院として他院分も供給するため",
      notes: "",
    }),
    limitSets: 10_000,
  },
  play: async ({ canvas }) => {
    await expect(canvas.queryByRole("button", { name: "都道府県確認を完了" })).toBeNull();
    await expect(canvas.getByText(/^12,000セット（12,000,000枚）/)).toBeVisible();
    await expect(canvas.getByText("大規模災害の拠点病院として他院分も供給するため")).toBeVisible();
  },
};
