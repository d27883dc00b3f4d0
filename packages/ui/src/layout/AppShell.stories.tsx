import type { Meta, StoryObj } from "@storybook/react-vite";
import type { ReactElement } from "react";
import { expect, fn, userEvent, within } from "storybook/test";
import { AppShell } from "./AppShell";
import { PageHeader } from "./PageHeader";

const nav = [
  { href: "#home", label: "ホーム" },
  { href: "#survey", label: "週次調査", current: true },
  { href: "#self-check", label: "自己チェックシート" },
  { href: "#requests", label: "緊急配布要請" },
];

const meta = {
  title: "レイアウト/AppShell",
  component: AppShell,
  parameters: { layout: "fullscreen" },
  args: {
    appTitle: "医療機関",
    nav,
    user: { displayName: "山田 太郎", detail: "東京中央記念病院" },
    onSignOut: fn(),
    children: (
      <>
        <PageHeader title="週次調査" description="医療用手袋の在庫量等を回答してください。" />
        <p>本文</p>
      </>
    ),
  },
} satisfies Meta<typeof AppShell>;

export default meta;
type Story = StoryObj<typeof meta>;

const phone = (Story: () => ReactElement) => (
  <div style={{ width: "375px" }}>
    <Story />
  </div>
);
const desktop = (Story: () => ReactElement) => (
  <div style={{ width: "1024px" }}>
    <Story />
  </div>
);

export const Phone: Story = {
  decorators: [phone],
  play: async ({ args, canvas, canvasElement }) => {
    await expect(canvas.getByRole("banner")).toHaveTextContent("SOS Supply");
    await expect(canvas.getByRole("main")).toHaveTextContent("本文");
    const toggle = canvas.getByRole("button", { name: "メニュー" });
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(canvas.queryByRole("navigation", { name: "メインメニュー" })).toBeNull();

    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(toggle).toHaveAccessibleName("閉じる");
    const navigation = canvas.getByRole("navigation", { name: "メインメニュー" });
    await expect(within(navigation).getByRole("link", { name: "週次調査" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await expect(canvas.getByText("山田 太郎")).toBeVisible();
    await userEvent.click(canvas.getByRole("button", { name: "ログアウト" }));
    await expect(args.onSignOut).toHaveBeenCalledTimes(1);

    await userEvent.keyboard("{Escape}");
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(toggle).toHaveFocus();
    await expect(canvasElement.scrollWidth).toBeLessThanOrEqual(canvasElement.clientWidth);

    // Issue 16 #13: Esc right after opening, with focus still on the menu button.
    await userEvent.click(toggle);
    await expect(toggle).toHaveFocus();
    await userEvent.keyboard("{Escape}");
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(canvas.queryByRole("navigation", { name: "メインメニュー" })).toBeNull();
  },
};

export const Desktop: Story = {
  decorators: [desktop],
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.queryByRole("button", { name: "メニュー" })).toBeNull();
    await expect(canvasElement.querySelector(".sos-app__menu-toggle")).not.toBeVisible();
    const navigation = canvas.getByRole("navigation", { name: "メインメニュー" });
    await expect(within(navigation).getAllByRole("link")).toHaveLength(4);
    await expect(canvas.getByRole("button", { name: "ログアウト" })).toBeVisible();
  },
};

/** The ministry's console: eleven menu items beside the person, at a desk's width. */
export const DeskWithManyItems: Story = {
  decorators: [
    (Story: () => ReactElement) => (
      <div style={{ width: "1280px" }}>
        <Story />
      </div>
    ),
  ],
  args: {
    nav: [
      "ホーム",
      "要請の確認・承認",
      "進捗状況",
      "対象医療機関リスト",
      "措置",
      "公表用一覧",
      "供給不足時の割当",
      "医療機関名簿",
      "医療機関の招待",
      "アカウント管理",
      "権限の一覧",
    ].map((label, index) => ({ href: `#item-${index}`, label, current: index === 2 })),
    user: { displayName: "田中 健一", detail: "国（厚生労働省）" },
  },
  play: async ({ canvas }) => {
    const lineCount = (element: HTMLElement) => {
      const lineHeight = Number.parseFloat(getComputedStyle(element).lineHeight);
      return Math.round(element.getBoundingClientRect().height / lineHeight);
    };
    await expect(lineCount(canvas.getByText("田中 健一"))).toBe(1);
    await expect(lineCount(canvas.getByText("国（厚生労働省）"))).toBe(1);
  },
};

export const SkipLink: Story = {
  decorators: [phone],
  play: async ({ canvas }) => {
    await userEvent.tab();
    const skip = canvas.getByRole("link", { name: "本文へスキップ" });
    await expect(skip).toHaveFocus();
    await expect(skip).toBeVisible();
    await userEvent.keyboard("{Enter}");
    await expect(canvas.getByRole("main")).toHaveFocus();
  },
};

export const SigningOut: Story = {
  decorators: [desktop],
  args: { signingOut: true },
  play: async ({ args, canvas }) => {
    const button = canvas.getByRole("button", { name: /ログアウト/ });
    await expect(button).toHaveAttribute("aria-busy", "true");
    await userEvent.click(button);
    await expect(args.onSignOut).not.toHaveBeenCalled();
  },
};

export const LongNamesOnPhone: Story = {
  decorators: [phone],
  args: {
    appTitle: "都道府県・国（厚生労働省）確認コンソール",
    user: {
      displayName: "長谷川原　佐和子左衛門三郎太",
      detail: "医療法人社団　東京中央記念病院附属みなとみらい在宅医療支援センター",
    },
  },
  play: async ({ canvas, canvasElement }) => {
    await userEvent.click(canvas.getByRole("button", { name: "メニュー" }));
    await expect(canvas.getByText(/^長谷川原.佐和子左衛門三郎太$/)).toBeVisible();
    await expect(canvasElement.scrollWidth).toBeLessThanOrEqual(canvasElement.clientWidth);
  },
};

/** A router's link component plugs in through renderLink. */
export const CustomLinks: Story = {
  decorators: [desktop],
  args: {
    renderLink: ({ item, children, ...props }) => (
      <a href={`/app${item.href.slice(1)}`} data-router="true" {...props}>
        {children}
      </a>
    ),
  },
  play: async ({ canvas }) => {
    const link = canvas.getByRole("link", { name: "緊急配布要請" });
    await expect(link).toHaveAttribute("href", "/apprequests");
    await expect(link).toHaveAttribute("data-router", "true");
  },
};

export const SignedOutVisitor: Story = {
  args: { user: null, nav: [], appTitle: "販売業者 購入サイト" },
  decorators: [phone],
  play: async ({ canvas }) => {
    await expect(canvas.queryByRole("button", { name: "メニュー" })).toBeNull();
    await expect(canvas.queryByRole("button", { name: "ログアウト" })).toBeNull();
    await expect(canvas.getByRole("link", { name: /販売業者 購入サイト/ })).toBeVisible();
  },
};
