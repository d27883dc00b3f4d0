import { FixtureError, findVisible } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { callsOf, countOf, inputsOf } from "../stories/calls";
import { CORRECTED_ROW, UNCORRECTED_ROW, UNDELIVERABLE } from "../stories/invitations";
import { MINISTRY_USER, PREFECTURE_USER } from "../stories/people";
import { SCREEN_META } from "../stories/screen";

const TITLE = "招待メールが届かなかった医療機関";

const RESENT = {
  id: "7c2d1e40-0a5b-4c3d-9e8f-00000000e201",
  role: "institution" as const,
  email: "uketsuke@kanda-sakura.example.jp",
  expiresAt: "2026-12-10T01:30:00.000Z",
  institution: { code: "1310000101", name: "神田さくら内科クリニック" },
};

const meta = {
  ...SCREEN_META,
  title: "画面/審査/招待の不達",
  args: {
    path: "/invitations/undeliverable",
    user: PREFECTURE_USER,
    api: { invitations: { undeliverable: () => UNDELIVERABLE } },
  },
} satisfies Meta<typeof SCREEN_META.component>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;

function rowOf(page: Canvas, name: string): HTMLElement {
  const row = page.getByText(name).closest("tr");
  if (row === null) throw new Error(`${name}の行がありません`);
  return row;
}

/**
 * Tokyo's refused invitations with the numbers to call (a tap dials on a phone),
 * where each went and where a resend would go now.
 */
export const List: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await findVisible(page, "table", { name: TITLE });
    const corrected = within(rowOf(page, "神田さくら内科クリニック"));
    await expect(corrected.getByRole("link", { name: "03-3251-0101" })).toHaveAttribute(
      "href",
      "tel:0332510101",
    );
    await expect(corrected.getByText("info@kanda-sakura.example.jp")).toBeVisible();
    await expect(corrected.getByText("uketsuke@kanda-sakura.example.jp")).toBeVisible();
    await expect(corrected.queryByText("登録簿は未修正です")).toBeNull();
    await expect(corrected.getByText("550 5.1.1 User unknown")).toBeVisible();

    const uncorrected = within(rowOf(page, "本郷三丁目歯科医院"));
    await expect(uncorrected.getByRole("link", { name: "090-1234-5678" })).toHaveAttribute(
      "href",
      "tel:09012345678",
    );
    await expect(uncorrected.getByText("登録簿は未修正です")).toBeVisible();
    await expect(
      uncorrected.getByRole("button", { name: "本郷三丁目歯科医院に再送" }),
    ).toBeEnabled();
  },
};

/** After the registry was corrected: 「再送」 for that row only, the new address said, the row gone. */
export const ResendAfterCorrection: Story = {
  args: {
    live: (calls) => ({
      invitations: {
        undeliverable: () =>
          countOf(calls, "invitations.resend") > 0 ? [UNCORRECTED_ROW] : UNDELIVERABLE,
        resend: () => RESENT,
      },
    }),
  },
  play: async (context) => {
    const page = within(context.canvasElement);
    await findVisible(page, "table", { name: TITLE });
    await userEvent.click(page.getByRole("button", { name: "神田さくら内科クリニックに再送" }));
    // A success is announced politely: role="status", not an alert.
    const done = (await page.findByText("再送しました", { selector: "*" })).closest(
      '[role="status"]',
    );
    await expect(done).not.toBeNull();
    await expect(done).toHaveTextContent(
      "神田さくら内科クリニック に招待メールを再送しました（uketsuke@kanda-sakura.example.jp）。",
    );
    await waitFor(() => expect(page.queryByText("info@kanda-sakura.example.jp")).toBeNull());
    await expect(page.getByText("本郷三丁目歯科医院")).toBeVisible();
    await expect(inputsOf(callsOf(context), "invitations.resend")).toEqual([
      { institutionId: CORRECTED_ROW.institutionId },
    ]);
  },
};

/** The server refuses (the institution registered meanwhile): its words; the list stays. */
export const ResendRefused: Story = {
  args: {
    api: {
      invitations: {
        undeliverable: () => UNDELIVERABLE,
        resend: () => {
          throw new FixtureError(
            "PRECONDITION_FAILED",
            "この医療機関には既に利用者がいます。職員の追加は、医療機関の利用者が画面から招待します。",
            { domainCode: "INVALID_STATE" },
          );
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await findVisible(page, "table", { name: TITLE });
    await userEvent.click(page.getByRole("button", { name: "本郷三丁目歯科医院に再送" }));
    const refused = await page.findByRole("alert");
    await expect(refused).toHaveTextContent("再送できませんでした");
    await expect(refused).toHaveTextContent(
      "この医療機関には既に利用者がいます。職員の追加は、医療機関の利用者が画面から招待します。",
    );
    await expect(page.getByText("本郷三丁目歯科医院")).toBeVisible();
  },
};

/** Nothing refused: a sentence, no table. */
export const Empty: Story = {
  args: { api: { invitations: { undeliverable: () => [] } } },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(await page.findByText("届かなかった招待はありません。")).toBeVisible();
    await expect(page.queryByRole("table")).toBeNull();
  },
};

/** The list could not be read: the server's words and a retry that works. */
export const LoadFailed: Story = {
  args: {
    live: (calls) => ({
      invitations: {
        undeliverable: () => {
          if (countOf(calls, "invitations.undeliverable") === 1) {
            throw new FixtureError(
              "INTERNAL_SERVER_ERROR",
              "システムエラーが発生しました。しばらく時間をおいてから再度お試しください。",
            );
          }
          return UNDELIVERABLE;
        },
      },
    }),
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(await page.findByText("一覧を読み込めませんでした")).toBeVisible();
    await expect(
      page.getByText("システムエラーが発生しました。しばらく時間をおいてから再度お試しください。"),
    ).toBeVisible();
    await userEvent.click(page.getByRole("button", { name: "再読み込み" }));
    await findVisible(page, "table", { name: TITLE });
  },
};

/**
 * On a phone (an officer calling from the field): the page fits the width, the
 * table scrolls inside itself, the numbers are links that dial.
 */
export const Phone: Story = {
  globals: { viewport: { value: "phone" } },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await findVisible(page, "heading", { level: 1, name: TITLE });
    await findVisible(page, "table", { name: TITLE });
    await expect(canvasElement.scrollWidth).toBeLessThanOrEqual(canvasElement.clientWidth);
    await expect(page.getByRole("link", { name: "03-3251-0101" })).toHaveAttribute(
      "href",
      "tel:0332510101",
    );
  },
};

/** The ministry at the address: the page is the prefectures'. */
export const MinistryDenied: Story = {
  args: { user: MINISTRY_USER },
  play: async (context) => {
    const page = within(context.canvasElement);
    await expect(await page.findByText("このページは利用できません")).toBeVisible();
    await expect(countOf(callsOf(context), "invitations.undeliverable")).toBe(0);
  },
};
