import { CONSENT_INTRO, CONSENT_TERMS, SOS_REQUIREMENTS } from "@sos/domain";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { ConsentTerms, DistributionConditions } from "./consent-terms";

const meta = {
  title: "医療機関/ConsentTerms",
  component: ConsentTerms,
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "375px" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ConsentTerms>;

export default meta;
type Story = StoryObj<typeof meta>;

/** ④ says 「③について違反した場合」, so the circled numbers are printed with the text. */
export const FourTermsInFull: Story = {
  play: async ({ canvas, canvasElement }) => {
    const region = canvas.getByRole("region", { name: "同意事項" });
    await expect(within(region).getByText(CONSENT_INTRO)).toBeVisible();
    const items = within(region).getAllByRole("listitem");
    await expect(items).toHaveLength(4);
    await expect(items[3]).toHaveTextContent(/^④③について違反した場合は/);
    for (const [index, term] of CONSENT_TERMS.entries()) {
      await expect(items[index]).toHaveTextContent(term);
    }
    await expect(canvasElement.scrollWidth).toBeLessThanOrEqual(canvasElement.clientWidth);
  },
};

export const Conditions: Story = {
  render: () => (
    <DistributionConditions>
      <a href="#self-check">自己チェックシートで確認する</a>
    </DistributionConditions>
  ),
  play: async ({ canvas }) => {
    const region = canvas.getByRole("region", { name: "緊急配布条件" });
    for (const requirement of SOS_REQUIREMENTS) {
      await expect(within(region).getByText(requirement)).toBeVisible();
    }
    await expect(within(region).getByRole("link")).toHaveAttribute("href", "#self-check");
  },
};
