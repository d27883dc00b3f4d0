import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { CONFLICT_MESSAGE } from "../common/messages";
import { person, savedInput } from "../stories/parts";
import { MinistryDecisionForm } from "./ministry-decision-form";
import { APPROVE_AT_LEAST_ONE, adjustReasonRequired } from "./ministry-decision-schema";

const meta = {
  title: "部品/審査/MinistryDecisionForm",
  component: MinistryDecisionForm,
  args: {
    limitSets: 5,
    institutionName: "なにわ歯科クリニック",
    prefectureInput: savedInput({
      supplyNeeded: true,
      quantitySets: 4,
      overrideReason: null,
      notes: "院長に電話で確認。来週から発熱外来を再開するため消費増の見込み。",
      completedAt: "2026-12-03T05:12:00.000Z",
      completedBy: person("大阪府 健康医療部 山田"),
    }),
    onApprove: fn(async () => {}),
    onReturn: fn(async () => {}),
  },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "40rem" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof MinistryDecisionForm>;

export default meta;
type Story = StoryObj<typeof meta>;

function page(canvasElement: HTMLElement) {
  return within(canvasElement.ownerDocument.body);
}

/** The prefecture's quantity, approved after a confirmation that says what approval means. */
export const ApproveAsEntered: Story = {
  play: async ({ args, canvas, canvasElement }) => {
    await expect(
      canvas.getByText("2026年12月3日（木）14:12（大阪府 健康医療部 山田）"),
    ).toBeVisible();
    await expect(canvas.getByRole("textbox", { name: /承認する数量/ })).toHaveValue("4");
    await expect(canvas.queryByRole("textbox", { name: /調整理由/ })).toBeNull();

    await userEvent.click(canvas.getByRole("button", { name: "承認（受付完了）" }));
    const dialog = await page(canvasElement).findByRole("dialog", {
      name: "「なにわ歯科クリニック」の要請を承認します",
    });
    await expect(dialog).toHaveTextContent("4セット（4,000枚）");
    await expect(dialog).toHaveTextContent("承認すると受付完了となり、変更できなくなります。");
    await expect(args.onApprove).not.toHaveBeenCalled();
    await userEvent.click(within(dialog).getByRole("button", { name: "承認する" }));
    await waitFor(() =>
      expect(args.onApprove).toHaveBeenCalledWith({ quantitySets: 4, adjustReason: "" }),
    );
    await waitFor(() => expect(dialog).not.toBeVisible());
  },
};

/** A changed quantity needs a reason; above the computed limit it is flagged too. */
export const AdjustNeedsAReason: Story = {
  play: async ({ args, canvas, canvasElement }) => {
    const quantity = canvas.getByRole("textbox", { name: /承認する数量/ });
    await userEvent.clear(quantity);
    await userEvent.type(quantity, "６");
    await expect(
      canvas.getByText("購入上限数（算定値 5セット（5,000枚））を超える数量です。"),
    ).toBeVisible();
    const reason = canvas.getByRole("textbox", { name: /調整理由/ });
    await userEvent.click(canvas.getByRole("button", { name: "承認（受付完了）" }));
    await waitFor(() => expect(reason).toHaveAttribute("aria-invalid", "true"));
    await expect(canvas.getAllByText(adjustReasonRequired(4)).length).toBeGreaterThan(0);
    await expect(page(canvasElement).queryByRole("dialog")).toBeNull();

    await userEvent.type(reason, "近隣2施設分の融通を含めるため（大阪府と協議済み）");
    await userEvent.click(canvas.getByRole("button", { name: "承認（受付完了）" }));
    const dialog = await page(canvasElement).findByRole("dialog");
    await expect(dialog).toHaveTextContent("6セット（6,000枚）");
    await expect(dialog).toHaveTextContent("近隣2施設分の融通を含めるため");
    await userEvent.click(within(dialog).getByRole("button", { name: "承認する" }));
    await waitFor(() =>
      expect(args.onApprove).toHaveBeenCalledWith({
        quantitySets: 6,
        adjustReason: "近隣2施設分の融通を含めるため（大阪府と協議済み）",
      }),
    );
  },
};

/** The prefecture said 配送不要: approving needs at least one set (and then a reason). */
export const PrefectureSaidNotNeeded: Story = {
  args: {
    prefectureInput: savedInput({ supplyNeeded: false, quantitySets: 0, notes: "" }),
    onMarkNotEligible: fn(async () => {}),
  },
  play: async ({ args, canvas }) => {
    await expect(canvas.getByRole("textbox", { name: /承認する数量/ })).toHaveValue("0");
    await userEvent.click(canvas.getByRole("button", { name: "承認（受付完了）" }));
    await expect((await canvas.findAllByText(APPROVE_AT_LEAST_ONE)).length).toBeGreaterThan(0);
    await expect(args.onApprove).not.toHaveBeenCalled();
    await expect(canvas.getByRole("button", { name: "対象外とする…" })).toBeVisible();
  },
};

/** Returning needs a reason, which the prefecture's officers are emailed. */
export const ReturnNeedsAReason: Story = {
  play: async ({ args, canvas, canvasElement }) => {
    await userEvent.click(canvas.getByRole("button", { name: "都道府県に差し戻す…" }));
    const dialog = await page(canvasElement).findByRole("dialog", {
      name: "「なにわ歯科クリニック」の要請を都道府県に差し戻します",
    });
    const reason = within(dialog).getByRole("textbox", { name: /差戻しの理由/ });
    await expect(reason).toHaveFocus();
    await userEvent.click(within(dialog).getByRole("button", { name: "差し戻す" }));
    await expect(reason).toHaveAttribute("aria-invalid", "true");
    await expect(within(dialog).getByText("差戻しの理由を入力してください")).toBeVisible();
    await expect(args.onReturn).not.toHaveBeenCalled();

    await userEvent.type(reason, "在庫量の単位（箱・枚）を医療機関に再確認してください。");
    await userEvent.click(within(dialog).getByRole("button", { name: "差し戻す" }));
    await waitFor(() =>
      expect(args.onReturn).toHaveBeenCalledWith(
        "在庫量の単位（箱・枚）を医療機関に再確認してください。",
      ),
    );
    await waitFor(() => expect(dialog).not.toBeVisible());
  },
};

/** The server refuses the approval: the dialog stays with its words. */
export const ApproveRefused: Story = {
  args: {
    onApprove: fn(async () => {
      throw new Error("refused");
    }),
    approveError: "この要請は医療機関が取り下げました。",
  },
  play: async ({ canvas, canvasElement }) => {
    await userEvent.click(canvas.getByRole("button", { name: "承認（受付完了）" }));
    const dialog = await page(canvasElement).findByRole("dialog");
    await userEvent.click(within(dialog).getByRole("button", { name: "承認する" }));
    await expect(within(dialog).getByRole("alert")).toHaveTextContent(
      "この要請は医療機関が取り下げました。",
    );
    await expect(dialog).toBeVisible();
  },
};

export const Conflict: Story = {
  args: { conflict: true, onReload: fn() },
  play: async ({ args, canvas }) => {
    const alert = canvas.getByRole("alert");
    await expect(alert).toHaveTextContent(CONFLICT_MESSAGE);
    await userEvent.click(within(alert).getByRole("button", { name: "最新の内容を読み込む" }));
    await expect(args.onReload).toHaveBeenCalledOnce();
  },
};

/** Still with the prefecture: the ministry sees the input so far, without actions. */
export const WithThePrefecture: Story = {
  args: {
    readOnlyReason:
      "この要請は都道府県確認中です。都道府県の確認が完了してから承認・差戻しができます。",
    prefectureInput: savedInput({ supplyNeeded: null, quantitySets: null }),
  },
  play: async ({ canvas }) => {
    await expect(canvas.queryByRole("button", { name: "承認（受付完了）" })).toBeNull();
    await expect(canvas.getAllByText("未入力")).toHaveLength(2);
  },
};
