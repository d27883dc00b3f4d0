import { findVisible, Screen } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { VENDOR_APP } from "../app";
import { serverDown } from "../stories/errors";
import { pickingTotalsOf, WAITING_ORDERS } from "../stories/orders";
import { PRODUCT } from "../stories/products";
import { BATCHES } from "../stories/target-lists";
import { VENDOR_USER } from "../stories/users";

const meta = {
  title: "ホーム",
  component: Screen,
  parameters: { layout: "fullscreen" },
  args: {
    app: VENDOR_APP,
    path: "/",
    user: VENDOR_USER,
    api: {
      vendorPortal: {
        batches: () => BATCHES,
        pickingTotals: () => pickingTotalsOf(WAITING_ORDERS),
        products: () => [PRODUCT],
      },
    },
  },
} satisfies Meta<typeof Screen>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;

function lines(region: HTMLElement): (string | null)[] {
  return within(region)
    .getAllByRole("listitem")
    .map((item) => item.textContent);
}

async function card(page: Canvas, title: string): Promise<HTMLElement> {
  return page.findByRole("region", { name: title });
}

/** A working week: four lists handed over, 312 orders to ship, one size sold out. */
export const WorkingWeek: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await findVisible(page, "heading", { level: 1, name: "ホーム" });
    await expect(
      page.getByText("佐藤 健一さん（販売業者）としてログインしています。"),
    ).toBeVisible();
    await expect(page.getByRole("link", { name: "ホーム" })).toHaveAttribute(
      "aria-current",
      "page",
    );

    const lists = await card(page, "対象医療機関リスト");
    await expect(await within(lists).findAllByRole("listitem")).toHaveLength(6);
    await expect(lines(lists)).toEqual([
      "国から引き渡されたリスト 4件（医療機関 2,415件）",
      "照合済み 2,317件",
      "登録内容が国のリストと異なる 22件",
      "要確認（未確認の登録・国のリストと異なるメールアドレス） 2件",
      "購入サイトに未登録 74件",
      "購入リンク送信済み 1,851件・購入済み 1,237件",
    ]);
    const orders = await card(page, "出荷待ちの注文");
    await expect(
      await within(orders).findByText("312件・1,974セット（1,974,000枚）"),
    ).toBeVisible();
    const stock = await card(page, "在庫");
    await within(stock).findByText("SSサイズ：在庫なし");
    await expect(lines(stock)).toEqual([
      "SSサイズ：在庫なし",
      "Sサイズ：1,250セット（1,250,000枚）",
      "Mサイズ：480セット（480,000枚）",
      "Lサイズ：12セット（12,000枚）",
      "在庫切れ：SSサイズ",
    ]);

    await userEvent.click(within(lists).getByRole("link", { name: "リストを見る" }));
    await findVisible(page, "heading", { level: 1, name: "対象医療機関リスト" });
  },
};

/** Before the first hand-over: zeros everywhere, and a warning that nothing can be bought yet. */
export const NothingYet: Story = {
  args: {
    api: {
      vendorPortal: {
        batches: () => [],
        pickingTotals: () => pickingTotalsOf([]),
        products: () => [],
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const lists = await card(page, "対象医療機関リスト");
    await expect(
      await within(lists).findByText("国から引き渡されたリスト 0件（医療機関 0件）"),
    ).toBeVisible();
    await expect(within(lists).getByText("照合済み 0件")).toBeVisible();
    const orders = await card(page, "出荷待ちの注文");
    await expect(await within(orders).findByText("0件・0セット（0枚）")).toBeVisible();
    const stock = await card(page, "在庫");
    await expect(
      await within(stock).findByText(
        "販売中の商品とサイズが登録されていません。購入ページで商品を選べない状態です。",
      ),
    ).toBeVisible();
  },
};

/** The server is down: each card says so, and none pretends there is nothing (no stock, no orders). */
export const ServerDown: Story = {
  args: {
    api: {
      vendorPortal: { batches: serverDown, pickingTotals: serverDown, products: serverDown },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const lists = await card(page, "対象医療機関リスト");
    await expect(await within(lists).findByText("件数を読み込めませんでした。")).toBeVisible();
    const orders = await card(page, "出荷待ちの注文");
    await expect(await within(orders).findByText("件数を読み込めませんでした。")).toBeVisible();
    const stock = await card(page, "在庫");
    await expect(await within(stock).findByText("在庫を読み込めませんでした。")).toBeVisible();
    await expect(within(stock).queryByText(/販売中の商品とサイズが登録されていません/)).toBeNull();
  },
};

/** Each text of the header (menu entries, the name, ログアウト) on one line: no ログアウ/ト. */
async function expectHeaderOnOneLine(canvasElement: HTMLElement, width: number) {
  await expect(window.innerWidth).toBe(width);
  const page = within(canvasElement);
  await page.findByRole("heading", { level: 1, name: "ホーム" });
  const signOut = page.getByRole("button", { name: "ログアウト" });
  const links = within(page.getByRole("navigation", { name: "メインメニュー" })).getAllByRole(
    "link",
  );
  for (const element of [signOut, ...links]) {
    const range = document.createRange();
    range.selectNodeContents(element);
    const lineTops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
    await expect(lineTops.size, element.textContent ?? "").toBe(1);
  }
  // The menu and the user sit on one row beside each other.
  const nav = page.getByRole("navigation", { name: "メインメニュー" }).getBoundingClientRect();
  const button = signOut.getBoundingClientRect();
  await expect(Math.abs(nav.top + nav.height / 2 - (button.top + button.height / 2))).toBeLessThan(
    12,
  );
}

export const HeaderAt1024: Story = {
  globals: { viewport: { value: "desktop" } },
  play: async ({ canvasElement }) => expectHeaderOnOneLine(canvasElement, 1024),
};

export const HeaderAt1440: Story = {
  globals: { viewport: { value: "wide" } },
  play: async ({ canvasElement }) => expectHeaderOnOneLine(canvasElement, 1440),
};
