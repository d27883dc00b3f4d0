import { findVisible, Screen } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import type { BatchDetail, VendorItem } from "../api-types";
import { VENDOR_APP } from "../app";
import { item, link, type Ministry, registered, SENT_MONDAY } from "../stories/batch-items";
import { callLog } from "../stories/calls";
import { summaryOf } from "../stories/target-lists";
import { VENDOR_USER } from "../stories/users";

const log = callLog();

const BATCH_ID = "3f1c2b4a-0d5e-4c6f-8a7b-9c0d1e2f3a05";

const KASUMI: Ministry = {
  name: "医療法人社団　霞会　かすみ総合病院",
  postcode: "1000013",
  address: "東京都千代田区霞が関1-2-2",
  phone: "0335011234",
  contactName: "用度課 山本 健",
  email: "yodo@kasumi-hp.example.jp",
};

const MINATO: Ministry = {
  name: "みなと眼科クリニック",
  postcode: "1050011",
  address: "東京都港区芝公園4-2-8",
  phone: "0334331234",
  contactName: "事務長 森 由紀",
  email: "info@minato-eye.example.jp",
};

const SAKURA: Ministry = {
  name: "さくら内科医院",
  postcode: "1600022",
  address: "東京都新宿区新宿3-1-1",
  phone: "0333501234",
  contactName: "院長 佐藤 花子",
  email: "info@sakura-naika.example.jp",
};

const ITEM_ID = {
  takeover: "a5000000-0000-4000-8000-000000000001",
  otherAddress: "a5000000-0000-4000-8000-000000000002",
  addressChanged: "a5000000-0000-4000-8000-000000000003",
} as const;

/** Someone registered かすみ総合病院's code with their own address; nobody confirmed it. */
const TAKEOVER = item({
  id: ITEM_ID.takeover,
  batchId: BATCH_ID,
  batchNumber: 5,
  institutionCode: "1310000777",
  prefectureCode: 13,
  limitSets: 24,
  ministry: KASUMI,
  match: "needs_check",
  reasons: ["unconfirmed", "email_differs"],
  registration: registered(KASUMI, {
    email: "gloves4u@evil.example",
    paymentMethod: "cash_on_delivery",
    paymentMethodLabel: "代金引換",
    confirmedAt: null,
    confirmedVia: null,
  }),
});

/** The vendor's long-standing customer, under its ordering address rather than the list's. */
const OTHER_ADDRESS = item({
  id: ITEM_ID.otherAddress,
  batchId: BATCH_ID,
  batchNumber: 5,
  institutionCode: "1310000888",
  prefectureCode: 13,
  limitSets: 2,
  ministry: MINATO,
  match: "needs_check",
  reasons: ["email_differs"],
  registration: registered(MINATO, {
    email: "hacchu@minato-eye.example.jp",
    paymentMethod: "invoice",
    paymentMethodLabel: "請求書払い",
    source: "import",
    confirmedAt: null,
    confirmedVia: null,
  }),
});

/**
 * Confirmed and sent at the address the list carried; the ministry's registry has
 * since changed it, so the link sent there was revoked and must go to the new one.
 * The ministry side is the registry's address now (what 照合 and its reason read),
 * the registration keeps the old one.
 */
const SAKURA_NEW_ADDRESS = "uketsuke@sakura-naika.example.jp";
const ADDRESS_CHANGED = item({
  id: ITEM_ID.addressChanged,
  batchId: BATCH_ID,
  batchNumber: 5,
  institutionCode: "1310000999",
  prefectureCode: 13,
  limitSets: 3,
  ministry: { ...SAKURA, email: SAKURA_NEW_ADDRESS },
  registration: registered(SAKURA),
  match: "needs_check",
  reasons: ["email_differs"],
  link: link("address_changed", 1, SENT_MONDAY, SAKURA_NEW_ADDRESS),
});

function detail(items: VendorItem[]): BatchDetail {
  return {
    ...summaryOf(BATCH_ID, 5, "2026-12-17T09:00:00.000Z", items),
    items,
    latestRun: null,
  };
}

const BEFORE = [TAKEOVER, OTHER_ADDRESS, ADDRESS_CHANGED];
const AFTER_SENT = [
  TAKEOVER,
  { ...OTHER_ADDRESS, link: link("live", 1, SENT_MONDAY) },
  ADDRESS_CHANGED,
];

const meta = {
  title: "対象医療機関リスト/要確認の医療機関",
  component: Screen,
  parameters: { layout: "fullscreen" },
  beforeEach: log.clear,
  args: {
    app: VENDOR_APP,
    path: `/target-lists/${BATCH_ID}`,
    user: VENDOR_USER,
    calls: log.calls,
    api: {
      vendorPortal: {
        batches: () => [summaryOf(BATCH_ID, 5, "2026-12-17T09:00:00.000Z", BEFORE)],
        batch: () => detail(log.count("vendorPortal.reissueLink") > 0 ? AFTER_SENT : BEFORE),
        reissueLink: () => AFTER_SENT[1] as VendorItem,
        remindUnregistered: (input) => ({
          sent: input.itemIds?.length ?? 1,
          skippedRecent: 0,
          notRegistered: input.itemIds?.length ?? 1,
        }),
      },
    },
  },
} satisfies Meta<typeof Screen>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;

async function institution(page: Canvas, name: string) {
  return within(await page.findByRole("listitem", { name }));
}

/**
 * A registration of another's code under the registrant's own address: 要確認 with
 * its reasons in words, the addresses side by side, and nothing offered but asking
 * the institution at the list's address.
 */
export const TakeoverAttemptHeld: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await findVisible(page, "heading", { level: 1, name: "対象医療機関リスト 第5号" });
    await expect(page.getByLabelText("照合と送信の状況")).toHaveTextContent(
      "照合済み0件登録内容不一致0件要確認3件未登録0件",
    );
    const held = await institution(page, KASUMI.name);
    await expect(held.getByText("要確認", { selector: "span" })).toBeVisible();
    await expect(held.queryByText("照合済み")).toBeNull();
    const why = held.getByRole("note", { name: "要確認の理由" });
    await expect(why).toHaveTextContent("要確認：購入リンクは自動では送信しません");
    await expect(
      within(why)
        .getAllByRole("listitem")
        .map((reason) => reason.textContent),
    ).toEqual([
      "施設登録が確認されていません（国に届け出たメールアドレスに送った確認メールのリンクが開かれていません）",
      "登録のメールアドレスが国のリストのメールアドレスと異なります（購入リンクは自動では送信しません）",
    ]);
    await expect(held.getByText("登録のメールアドレス")).toBeVisible();
    const diff = held.getByRole("table", { name: /国のリストと施設登録の比較/ });
    await expect(within(diff).getByRole("row", { name: /^メールアドレス/ })).toHaveTextContent(
      "メールアドレスyodo@kasumi-hp.example.jpgloves4u@evil.example▲ 不一致",
    );
    // No way to send it a link; only the request to register, at the list's address.
    await expect(held.getAllByRole("button").map((button) => button.textContent)).toEqual([
      "登録依頼メールを送信",
    ]);
    await userEvent.click(
      held.getByRole("button", { name: `${KASUMI.name}：登録依頼メールを送信` }),
    );
    const dialog = within(
      await page.findByRole("dialog", { name: "施設登録の依頼メールを送信しますか？" }),
    );
    await expect(
      dialog.getByText(
        "国のリストの連絡先（yodo@kasumi-hp.example.jp）に、施設登録の確定（確認メールのURL）か登録のやり直しのお願いを送信します。登録されたアドレス（gloves4u@evil.example）には送信しません。",
      ),
    ).toBeVisible();
    await userEvent.click(dialog.getByRole("button", { name: "送信する" }));
    await expect(
      // 「　」 in the name is whitespace to the text matcher.
      await page.findByText(/かすみ総合病院に施設登録の依頼メールを送信しました。$/),
    ).toBeVisible();
    await expect(log.inputsTo("vendorPortal.remindUnregistered")).toEqual([
      { batchId: BATCH_ID, itemIds: [ITEM_ID.takeover] },
    ]);
    await expect(log.count("vendorPortal.reissueLink")).toBe(0);
  },
};

/** The list-wide reminder counts the unconfirmed registration with the unregistered. */
export const RemindIncludesUnconfirmed: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await userEvent.click(
      await page.findByRole("button", {
        name: "未登録・未確認の医療機関に登録依頼メールを送信（1件）",
      }),
    );
    const dialog = within(
      await page.findByRole("dialog", { name: "施設登録の依頼メールを送信しますか？" }),
    );
    await userEvent.click(dialog.getByRole("button", { name: "送信する" }));
    await expect(await page.findByText("施設登録の依頼メールを1件送信しました。")).toBeVisible();
    await expect(log.inputsTo("vendorPortal.remindUnregistered")).toEqual([
      { batchId: BATCH_ID, itemIds: null },
    ]);
  },
};

/**
 * The vendor's customer under another address than the list's: sent one at a time,
 * after the vendor checked the address with the facility, and the dialog says so.
 */
export const OtherAddressSentAfterCheck: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const customer = await institution(page, MINATO.name);
    await expect(
      within(customer.getByRole("note", { name: "要確認の理由" }))
        .getAllByRole("listitem")
        .map((reason) => reason.textContent),
    ).toEqual([
      "登録のメールアドレスが国のリストのメールアドレスと異なります（購入リンクは自動では送信しません）",
    ]);
    await userEvent.click(
      customer.getByRole("button", {
        name: `${MINATO.name}：メールアドレスを確認して購入リンクを送信`,
      }),
    );
    const dialog = within(
      await page.findByRole("dialog", {
        name: "登録のメールアドレスが国のリストと異なります。購入リンクを送信しますか？",
      }),
    );
    await expect(
      dialog.getByText(
        `国のリストのアドレスは info@minato-eye.example.jp です。hacchu@minato-eye.example.jp が${MINATO.name}のアドレスであることを、国のリストの電話番号などで施設に確認したうえで送信してください。購入可能数は2セット（2,000枚）です。`,
      ),
    ).toBeVisible();
    await expect(dialog.getByRole("table")).toHaveTextContent("（不一致 1項目）");
    await userEvent.click(dialog.getByRole("button", { name: "施設に確認済みとして送信する" }));

    await expect(await page.findByText(`${MINATO.name}に購入リンクを送信しました。`)).toBeVisible();
    await expect(log.inputsTo("vendorPortal.reissueLink")).toEqual([
      { itemId: ITEM_ID.otherAddress, allowEmailDiffers: true },
    ]);
    await waitFor(() => expect(customer.getByText("送信済み（有効）")).toBeVisible());
  },
};

/**
 * The registry changed the institution's address after its link was sent: the
 * link reads 「メールアドレス変更により無効」, the card says where it must go now,
 * and the one action offered sends it to the registry's new address.
 */
export const AddressChangedResent: Story = {
  args: {
    api: {
      vendorPortal: {
        batches: () => [summaryOf(BATCH_ID, 5, "2026-12-17T09:00:00.000Z", BEFORE)],
        batch: () => detail(BEFORE),
        // Live again: the ministry side is the list's address once more (as the API answers).
        reissueLink: () => ({
          ...ADDRESS_CHANGED,
          ministry: SAKURA,
          link: link("live", 2, SENT_MONDAY),
        }),
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const moved = await institution(page, SAKURA.name);
    await expect(moved.getByText("メールアドレス変更により無効")).toBeVisible();
    await expect(moved.getByRole("note", { name: "購入リンクの再送信が必要" })).toHaveTextContent(
      `変更後のアドレス（${SAKURA_NEW_ADDRESS}）に送り直してください。`,
    );
    // The comparison agrees with the reason: the registry's new address beside the registered old one.
    const diff = moved.getByRole("table", { name: /国のリストと施設登録の比較/ });
    await expect(within(diff).getByRole("row", { name: /^メールアドレス/ })).toHaveTextContent(
      `メールアドレス${SAKURA_NEW_ADDRESS}${SAKURA.email}▲ 不一致`,
    );
    await expect(moved.getAllByRole("button").map((button) => button.textContent)).toEqual([
      "変更後のアドレスに再送信",
    ]);
    await userEvent.click(
      moved.getByRole("button", { name: `${SAKURA.name}：変更後のアドレスに再送信` }),
    );
    const dialog = within(
      await page.findByRole("dialog", {
        name: "変更後のメールアドレスに購入リンクを送信しますか？",
      }),
    );
    await expect(
      dialog.getByText(new RegExp(`${SAKURA_NEW_ADDRESS} 宛てに送信します`)),
    ).toBeVisible();
    await userEvent.click(dialog.getByRole("button", { name: "変更後のアドレスに送信する" }));
    await expect(
      await page.findByText(`${SAKURA.name}の変更後のメールアドレスに購入リンクを送信しました。`),
    ).toBeVisible();
    await expect(log.inputsTo("vendorPortal.reissueLink")).toEqual([
      { itemId: ITEM_ID.addressChanged, allowMismatched: false, toRegistryAddress: true },
    ]);
  },
};
