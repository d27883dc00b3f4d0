import { SOS_STATUS_LABELS, SOS_STATUSES } from "@sos/domain";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { StatusBadge } from "./StatusBadge";

const meta = {
  title: "データ/StatusBadge",
  component: StatusBadge,
  args: { status: "reviewing" },
} satisfies Meta<typeof StatusBadge>;

export default meta;
type Story = StoryObj<typeof meta>;

export const AllStatuses: Story = {
  render: () => (
    <ul style={{ display: "flex", flexWrap: "wrap", gap: "0.5rem", listStyle: "none", padding: 0 }}>
      {SOS_STATUSES.map((status) => (
        <li key={status}>
          <StatusBadge status={status} />
        </li>
      ))}
    </ul>
  ),
  play: async ({ canvas, canvasElement }) => {
    for (const status of SOS_STATUSES) {
      await expect(canvas.getByText(SOS_STATUS_LABELS.ja[status])).toBeVisible();
    }
    // Each status has its own colour as well as its own text and icon.
    const colours = new Set(
      [...canvasElement.querySelectorAll<HTMLElement>(".sos-status")].map(
        (badge) => `${getComputedStyle(badge).color}|${getComputedStyle(badge).backgroundColor}`,
      ),
    );
    await expect(colours.size).toBe(SOS_STATUSES.length);
  },
};

export const ForInstitutions: Story = {
  args: { status: "reviewing" },
  play: async ({ canvas }) => {
    await expect(canvas.getByText("都道府県・国確認中")).toBeVisible();
  },
};

export const ForOfficers: Story = {
  args: { status: "reviewing", reviewStage: "ministry" },
  play: async ({ canvas }) => {
    await expect(canvas.getByText("国確認中")).toBeVisible();
    await expect(canvas.queryByText("都道府県・国確認中")).toBeNull();
  },
};

export const ErrorStatus: Story = {
  args: { status: "error" },
  play: async ({ canvasElement }) => {
    const badge = canvasElement.querySelector(".sos-status");
    await expect(badge).toHaveTextContent("エラーあり");
    await expect(badge?.querySelector("svg")).toHaveAttribute("aria-hidden", "true");
  },
};
