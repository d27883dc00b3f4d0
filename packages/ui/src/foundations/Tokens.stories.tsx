import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";

const SWATCHES = [
  ["--sos-color-primary", "主要な操作（青 900）"],
  ["--sos-color-link", "リンク"],
  ["--sos-color-error", "エラー"],
  ["--sos-color-success", "完了"],
  ["--sos-color-warning", "注意"],
  ["--sos-color-text", "本文"],
  ["--sos-color-text-muted", "補足テキスト"],
  ["--sos-color-border", "枠線"],
] as const;

const TYPE_SCALE = [
  "--font-size-32",
  "--font-size-24",
  "--font-size-20",
  "--font-size-18",
  "--font-size-16",
  "--font-size-14",
];

function Tokens() {
  return (
    <div className="sos-stack">
      <section>
        <h2>色</h2>
        <ul style={{ display: "grid", gap: "0.5rem", padding: 0, listStyle: "none" }}>
          {SWATCHES.map(([token, label]) => (
            <li key={token} style={{ display: "flex", alignItems: "center", gap: "0.75rem" }}>
              <span
                data-token={token}
                style={{
                  width: "3rem",
                  height: "2rem",
                  borderRadius: "0.25rem",
                  background: `var(${token})`,
                }}
              />
              <span>
                {label} <code>{token}</code>
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2>文字サイズ</h2>
        {TYPE_SCALE.map((token) => (
          <p key={token} style={{ fontSize: `var(${token})` }}>
            医療用手袋の緊急配布 {token}
          </p>
        ))}
      </section>
      <section>
        <h2>フォーカス</h2>
        <button type="button" data-testid="focus-sample">
          Tab キーでフォーカスを確認
        </button>
      </section>
    </div>
  );
}

const meta = {
  title: "基礎/デザイントークン",
  component: Tokens,
} satisfies Meta<typeof Tokens>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The Digital Agency tokens are loaded and the base styles apply. */
export const Overview: Story = {
  play: async ({ canvas }) => {
    const root = getComputedStyle(document.documentElement);
    await expect(root.getPropertyValue("--color-primitive-blue-900").trim()).toBe("#0017c1");
    await expect(root.getPropertyValue("--sos-space-16").trim()).toBe("1rem");
    await expect(getComputedStyle(document.body).fontFamily).toMatch(/^"?Noto Sans JP"?/);
    await expect(document.documentElement.lang).toBe("ja");

    const primary = canvas.getByText("主要な操作（青 900）").previousElementSibling as HTMLElement;
    await expect(getComputedStyle(primary).backgroundColor).toBe("rgb(0, 23, 193)");

    const sample = canvas.getByTestId("focus-sample");
    sample.focus({ focusVisible: true } as FocusOptions);
    await expect(getComputedStyle(sample).outlineStyle).toBe("solid");
    await expect(getComputedStyle(sample).outlineWidth).toBe("4px");
  },
};
