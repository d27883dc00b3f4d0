import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { MatchStatusBadge } from "./match-status-badge";
import { SideBySideDiff } from "./side-by-side-diff";

const MINISTRY = {
  name: "医療法人社団　緑風会　みどりが丘記念病院",
  postcode: "1000001",
  address: "東京都千代田区千代田1-1",
  phone: "0312345678",
  email: "soumu@midori.example.jp",
};

const meta = {
  title: "販売業者/MatchStatus",
  component: SideBySideDiff,
  args: {
    ministry: MINISTRY,
    registration: {
      ...MINISTRY,
      name: "みどりが丘記念病院",
      address: "東京都千代田区千代田1-1-2",
    },
    differences: ["name", "address"],
  },
} satisfies Meta<typeof SideBySideDiff>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Each status in words and its own mark; the mismatch says how many details differ. */
export const Badges: Story = {
  render: () => (
    <p style={{ display: "flex", gap: "8px", flexWrap: "wrap" }}>
      <MatchStatusBadge status="matched" />
      <MatchStatusBadge status="not_registered" />
      <MatchStatusBadge status="mismatched" differenceCount={2} />
      <MatchStatusBadge status="needs_check" differenceCount={1} />
    </p>
  ),
  play: async ({ canvasElement }) => {
    const badges = [...canvasElement.querySelectorAll(".sos-status")];
    await expect(badges.map((badge) => badge.textContent)).toEqual([
      "照合済み",
      "未登録",
      "登録内容不一致（2項目）",
      "要確認",
    ]);
    // Four different marks, not only four colours.
    const marks = new Set(badges.map((badge) => badge.querySelector("svg")?.innerHTML));
    await expect(marks.size).toBe(4);
    const colours = new Set(badges.map((badge) => getComputedStyle(badge).color));
    await expect(colours.size).toBe(4);
  },
};

/** Differing rows say 「不一致」 in words and are drawn heavier; equal rows say 「一致」. */
export const Mismatched: Story = {
  play: async ({ canvas }) => {
    const table = canvas.getByRole("table", { name: /国のリストと施設登録の比較/ });
    await expect(table).toHaveAccessibleName("国のリストと施設登録の比較（不一致 2項目）");
    const rows = within(table).getAllByRole("row").slice(1);
    await expect(rows.map((row) => row.textContent)).toEqual([
      "施設名医療法人社団　緑風会　みどりが丘記念病院みどりが丘記念病院▲ 不一致",
      "郵便番号〒100-0001〒100-0001✓ 一致",
      "電話番号03-1234-567803-1234-5678✓ 一致",
      "住所東京都千代田区千代田1-1東京都千代田区千代田1-1-2▲ 不一致",
      "メールアドレスsoumu@midori.example.jpsoumu@midori.example.jp✓ 一致",
    ]);
    const differing = rows.filter((row) => row.dataset.differs === "true");
    await expect(differing.map((row) => within(row).getByRole("rowheader").textContent)).toEqual([
      "施設名",
      "住所",
    ]);
    const name = differing[0]?.querySelector("td");
    await expect(name && getComputedStyle(name).fontWeight).toBe("700");
  },
};

/** An address other than the list's is a difference too: the link would go elsewhere. */
export const EmailDiffers: Story = {
  args: {
    registration: { ...MINISTRY, email: "gloves4u@evil.example" },
    differences: [],
    emailDiffers: true,
  },
  play: async ({ canvas }) => {
    const table = canvas.getByRole("table", { name: /国のリストと施設登録の比較/ });
    await expect(table).toHaveAccessibleName("国のリストと施設登録の比較（不一致 1項目）");
    const email = within(table).getByRole("row", { name: /^メールアドレス/ });
    await expect(email).toHaveTextContent(
      "メールアドレスsoumu@midori.example.jpgloves4u@evil.example▲ 不一致",
    );
    await expect(email.dataset.differs).toBe("true");
  },
};

export const NotRegistered: Story = {
  args: { registration: null, differences: [] },
  play: async ({ canvas }) => {
    const table = canvas.getByRole("table", { name: "国のリストと施設登録の比較" });
    await expect(within(table).getAllByText("（未登録）")).toHaveLength(5);
    await expect(table).not.toHaveTextContent("不一致");
  },
};
