import { INSTITUTION_TYPE_LABELS, INSTITUTION_TYPES, PREFECTURES } from "@sos/domain";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent } from "storybook/test";
import { errorDescription } from "../testing/description";
import { Select } from "./Select";

const prefectureOptions = PREFECTURES.map((p) => ({ value: String(p.code), label: p.name }));

const meta = {
  title: "フォーム/Select",
  component: Select,
  args: { label: "都道府県", options: prefectureOptions, onChange: fn() },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "375px" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Select>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Prefectures: Story = {
  args: { required: true },
  play: async ({ args, canvas }) => {
    const select = canvas.getByRole("combobox", { name: /都道府県/ });
    await expect(select).toHaveValue("");
    await expect(canvas.getAllByRole("option")).toHaveLength(48);
    await userEvent.selectOptions(select, "大阪府");
    await expect(select).toHaveValue("27");
    await expect(args.onChange).toHaveBeenCalled();
  },
};

export const InstitutionTypes: Story = {
  args: {
    label: "施設種別",
    options: INSTITUTION_TYPES.map((type) => ({
      value: type,
      label: INSTITUTION_TYPE_LABELS.ja[type],
    })),
    hint: "マスク等は対象外です。対象は医療用手袋のみです。",
  },
  play: async ({ canvas }) => {
    const select = canvas.getByRole("combobox", { name: "施設種別" });
    await userEvent.selectOptions(select, "診療所（歯科を含む）");
    await expect(select).toHaveValue("clinic");
  },
};

export const WithError: Story = {
  args: { required: true, error: "都道府県を選択してください" },
  play: async ({ canvas }) => {
    const select = canvas.getByRole("combobox", { name: /都道府県/ });
    await expect(select).toHaveAttribute("aria-invalid", "true");
    await expect(select).toHaveAccessibleDescription(
      errorDescription("都道府県を選択してください"),
    );
  },
};

export const NoPlaceholder: Story = {
  args: {
    label: "サイズ",
    placeholder: null,
    options: [
      { value: "S", label: "S" },
      { value: "M", label: "M" },
      { value: "L", label: "L（在庫なし）", disabled: true },
    ],
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("combobox", { name: "サイズ" })).toHaveValue("S");
    await expect(canvas.getByRole("option", { name: "L（在庫なし）" })).toBeDisabled();
  },
};
