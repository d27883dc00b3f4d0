import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, userEvent, waitFor } from "storybook/test";
import { Button } from "../button/Button";
import { contrastRatio } from "../testing";
import { Alert } from "./Alert";

const meta = {
  title: "フィードバック/Alert",
  component: Alert,
  decorators: [
    (Story) => (
      <div style={{ maxWidth: "375px" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Alert>;

export default meta;
type Story = StoryObj<typeof meta>;

export const ErrorTone: Story = {
  args: {
    tone: "error",
    title: "ログインできませんでした",
    children: "ユーザー名またはパスワードが正しくありません",
  },
  play: async ({ canvas }) => {
    const alert = canvas.getByRole("alert");
    await expect(alert).toHaveTextContent("エラー：ログインできませんでした");
    await expect(alert).toHaveTextContent("ユーザー名またはパスワードが正しくありません");
  },
};

/** Every tone's text holds 4.5:1 on its tinted background (the error red once did 4.08:1). */
export const ContrastOnTints: Story = {
  args: { tone: "error", title: "" },
  render: () => (
    <div>
      {(["error", "warning", "success", "info"] as const).map((tone) => (
        <Alert key={tone} tone={tone} title={`${tone}の見出し`}>
          {tone}の本文
        </Alert>
      ))}
    </div>
  ),
  play: async ({ canvas }) => {
    for (const tone of ["error", "warning", "success", "info"]) {
      for (const text of [`${tone}の見出し`, `${tone}の本文`]) {
        const element = canvas.getByText(text);
        await expect(contrastRatio(element), text).toBeGreaterThanOrEqual(4.5);
      }
    }
  },
};

export const Success: Story = {
  args: {
    tone: "success",
    title: "保存しました",
    children: "まだ要請は完了していません。「システムチェック&申請」を押してください。",
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("status")).toHaveTextContent(/^完了：保存しました/);
    await expect(canvas.queryByRole("alert")).toBeNull();
  },
};

export const Warning: Story = {
  args: {
    tone: "warning",
    title: "締切を過ぎています",
    children: "水曜17時以降の要請は、翌営業日以降の対応となります。",
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("status")).toHaveTextContent(/^注意：締切を過ぎています/);
  },
};

export const Info: Story = {
  args: { tone: "info", children: "週次調査レコードは毎週水曜日18時35分以降に順次作成されます。" },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("status")).toHaveTextContent(/^お知らせ：週次調査レコード/);
  },
};

export const LongErrorOnPhone: Story = {
  args: {
    tone: "error",
    title: "エラーあり：緊急配布要請の要件を満たしていません",
    children: (
      <p>
        「中東情勢を踏まえた個人防護具備蓄状況調査(週次調査)」の回答を行った上で要請しているか、また回答内容が正しいかを確認してください。医療機関コード0123456789の在庫量は12,345,678枚と回答されています。
      </p>
    ),
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.scrollWidth).toBeLessThanOrEqual(canvasElement.clientWidth);
  },
};

function AppearsOnAction() {
  const [failed, setFailed] = useState(false);
  return (
    <div className="sos-stack">
      <Button onClick={() => setFailed(true)}>保存</Button>
      {failed && (
        <Alert tone="error" title="保存できませんでした">
          通信に失敗しました。時間をおいてもう一度お試しください。
        </Alert>
      )}
    </div>
  );
}

/** Inserted after the action, so assistive technology announces it. */
export const AppearsAfterAction: Story = {
  render: () => <AppearsOnAction />,
  play: async ({ canvas }) => {
    await expect(canvas.queryByRole("alert")).toBeNull();
    await userEvent.click(canvas.getByRole("button", { name: "保存" }));
    await waitFor(() =>
      expect(canvas.getByRole("alert")).toHaveTextContent("保存できませんでした"),
    );
  },
};
