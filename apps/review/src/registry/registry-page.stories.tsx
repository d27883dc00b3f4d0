import { findVisible } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import type { RegistryItems, RegistryUpload } from "../api-types";
import { callsOf, countOf, inputsOf } from "../stories/calls";
import { expectMinistryOnly } from "../stories/denied";
import { MINISTRY_USER, PREFECTURE_USER } from "../stories/people";
import { SCREEN_META } from "../stories/screen";

const UPLOAD_ID = "5b0e3c1a-7d44-4e61-9f2a-00000000c001";
const DIGEST = "9f".repeat(32);

const WITH_ERRORS: RegistryUpload = {
  id: UPLOAD_ID,
  fileName: "医療機関名簿_2026年12月.csv",
  encoding: "cp932",
  rowCount: 179_842,
  errorCount: 2,
  counts: { new: 312, changed: 1_204, returning: 3, gone: 57, unchanged: 178_267 },
  purchaseLinksAtRisk: 0,
  purchaseLinksRevoked: null,
  previewDigest: DIGEST,
  uploadedAt: "2026-12-07T01:00:00.000Z",
  uploadedBy: "田中 健一",
  appliedAt: null,
  appliedBy: null,
};

const CLEAN: RegistryUpload = { ...WITH_ERRORS, errorCount: 0 };

const ITEMS: Record<RegistryItems["kind"], RegistryItems> = {
  error: {
    kind: "error",
    total: 2,
    items: [
      {
        line: 1_207,
        column: "医療機関コード",
        messageJa: "医療機関コードは10桁の数字で入力してください",
      },
      {
        line: 88_411,
        column: "都道府県",
        messageJa:
          "都道府県を東京都から大阪府に変えることはできません。この医療機関には東京都が確認した緊急配布要請（2件）の記録があり、要請はその都道府県のものとして残すためです。",
      },
    ],
  },
  new: { kind: "new", total: 312, items: [{ code: "0110000003", name: "札幌中央薬局" }] },
  changed: {
    kind: "changed",
    total: 1_204,
    items: [
      {
        code: "1310000001",
        name: "東京中央病院",
        returning: false,
        changes: [
          {
            field: "address",
            label: "住所",
            before: "千代田区千代田1-1",
            after: "千代田区丸の内2-2",
          },
          {
            field: "email",
            label: "e-mail",
            before: "info@chuo.example.jp",
            after: "soumu@chuo.example.jp",
          },
        ],
      },
    ],
  },
  gone: { kind: "gone", total: 57, items: [{ code: "2710000002", name: "大阪北診療所" }] },
};

const meta = {
  ...SCREEN_META,
  title: "画面/審査/医療機関名簿の取り込み",
  args: {
    path: `/registry?upload=${UPLOAD_ID}`,
    user: MINISTRY_USER,
    api: {
      registry: {
        upload: () => WITH_ERRORS,
        items: (input) => ITEMS[input.kind],
      },
    },
  },
} satisfies Meta<typeof SCREEN_META.component>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The preview of a file with two wrong rows: the counts, the rows to fix (line,
 * column, what to do), the changes field by field (現在 → ファイル); 反映する is
 * not offered while any row is wrong.
 */
export const PreviewWithErrors: Story = {
  play: async (context) => {
    const page = within(context.canvasElement);
    await findVisible(page, "heading", { level: 1, name: "医療機関名簿の取り込み" });
    const summary = await page.findByLabelText("取り込むファイル");
    await expect(summary).toHaveTextContent("179,842行（Shift_JIS）");
    await expect(summary).toHaveTextContent("1,204件（うち名簿に戻る 3件）");
    await expect(page.getByRole("alert")).toHaveTextContent(
      "誤りのある行が2件あるため、反映できません。",
    );
    const errors = await page.findByRole("table", { name: "誤りのある行" });
    await expect(errors).toHaveTextContent("1207行目医療機関コード医療機関コードは10桁の数字");
    await expect(errors).toHaveTextContent("88411行目都道府県都道府県を東京都から大阪府に");
    await expect(page.getByRole("button", { name: "反映する" })).toBeDisabled();

    await userEvent.click(page.getByRole("button", { name: "変更（1,204件）" }));
    const changed = await page.findByRole("table", { name: "変更" });
    await expect(changed).toHaveTextContent("住所：千代田区千代田1-1 → 千代田区丸の内2-2");
    await expect(changed).toHaveTextContent("e-mail：info@chuo.example.jp → soumu@chuo.example.jp");
    await expect(page.getByText("全 1,204 件中 1〜50 件", { exact: false })).toBeVisible();
    await expect(inputsOf(callsOf(context), "registry.items")).toContainEqual({
      id: UPLOAD_ID,
      kind: "changed",
      page: 1,
    });
  },
};

/** A clean file: 反映する asks once more, then applies this preview (its digest). */
export const ApplyConfirmed: Story = {
  args: {
    api: {
      registry: {
        upload: () => CLEAN,
        items: (input) => ITEMS[input.kind],
        applyUpload: () => ({
          upload: { ...CLEAN, appliedAt: "2026-12-07T01:05:00.000Z", appliedBy: "田中 健一" },
          alreadyApplied: false,
          mailsQueued: 4,
          purchaseLinksRevoked: 0,
        }),
      },
    },
  },
  play: async (context) => {
    const page = within(context.canvasElement);
    await expect(await page.findByRole("table", { name: "新規" })).toHaveTextContent(
      "札幌中央薬局",
    );
    await userEvent.click(page.getByRole("button", { name: "反映する" }));
    const dialog = await page.findByRole("dialog", { name: "この内容を名簿に反映しますか" });
    await expect(dialog).toHaveTextContent("新規 312件、変更 1,204件、名簿から消えたもの 57件");
    await userEvent.click(within(dialog).getByRole("button", { name: "反映する" }));
    await waitFor(() =>
      expect(inputsOf(callsOf(context), "registry.applyUpload")).toEqual([
        { id: UPLOAD_ID, previewDigest: DIGEST },
      ]),
    );
  },
};

/** Some institutions' addresses change while links the vendor mailed to the old ones are open. */
const LINKS_AT_RISK: RegistryUpload = { ...CLEAN, purchaseLinksAtRisk: 12 };
const APPLIED_REVOKING: RegistryUpload = {
  ...LINKS_AT_RISK,
  appliedAt: "2026-12-07T01:05:00.000Z",
  appliedBy: "田中 健一",
  purchaseLinksRevoked: 13,
};

/**
 * The preview warns, before anything is written, how many usable purchase links
 * the changes of e-mail address would invalidate (as counted when the file was
 * read); the confirmation says it again; once applied, the page says how many the
 * apply invalidated (one more link was sent meanwhile) and that the vendor resends.
 */
export const ApplyRevokingLinks: Story = {
  args: {
    live: (calls) => ({
      registry: {
        upload: () =>
          countOf(calls, "registry.applyUpload") > 0 ? APPLIED_REVOKING : LINKS_AT_RISK,
        items: (input) => ITEMS[input.kind],
        applyUpload: () => ({
          upload: APPLIED_REVOKING,
          alreadyApplied: false,
          mailsQueued: 4,
          purchaseLinksRevoked: 13,
        }),
      },
    }),
  },
  play: async (context) => {
    const page = within(context.canvasElement);
    const title = await page.findByText("反映すると、購入用URL 12件が無効になります。");
    const warning = title.closest("[role=status]");
    await expect(warning).toHaveTextContent("まだ使えるもの 12件（ファイルを読み込んだ時点）");
    await expect(warning).toHaveTextContent("販売業者が変更後のアドレスに再送信します。");

    await userEvent.click(page.getByRole("button", { name: "反映する" }));
    const dialog = await page.findByRole("dialog", { name: "この内容を名簿に反映しますか" });
    await expect(dialog).toHaveTextContent("まだ使えるもの 12件");
    await userEvent.click(within(dialog).getByRole("button", { name: "反映する" }));

    const done = await page.findByText("この内容を名簿に反映しました。", { exact: false });
    await expect(done.closest("[role=status]")).toHaveTextContent(
      "メールアドレスが変わった医療機関の購入用URL 13件を無効にしました。販売業者が変更後のアドレスに再送信します。",
    );
    await expect(page.queryByText("反映すると、", { exact: false })).toBeNull();
    await expect(page.queryByRole("button", { name: "反映する" })).toBeNull();
  },
};

/** A prefecture officer at the address: the ministry-only explanation, no registry call. */
export const PrefectureDenied: Story = {
  args: { user: PREFECTURE_USER },
  play: async (context) => {
    await expectMinistryOnly(context.canvasElement, "医療機関名簿の取り込み", callsOf(context));
  },
};
