import { FixtureError, findVisible } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import type { InvitationProgressValue } from "../api-types";
import { callsOf, countOf, inputsOf } from "../stories/calls";
import { expectMinistryOnly } from "../stories/denied";
import { INVITATION_PROGRESS, RUNNING_PROGRESS, TOKYO_PROGRESS } from "../stories/invitations";
import { MINISTRY_USER, PREFECTURE_USER } from "../stories/people";
import { SCREEN_META } from "../stories/screen";

const TITLE = "医療機関の招待";

function byScope(input: unknown): InvitationProgressValue {
  const code = (input as { prefectureCode?: number | null } | undefined)?.prefectureCode;
  return code === 13 ? TOKYO_PROGRESS : INVITATION_PROGRESS;
}

const meta = {
  ...SCREEN_META,
  title: "画面/審査/医療機関の招待",
  args: {
    path: "/invitations",
    user: MINISTRY_USER,
    api: { invitations: { progress: byScope } },
  },
} satisfies Meta<typeof SCREEN_META.component>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;

async function opened(canvasElement: HTMLElement): Promise<Canvas> {
  const page = within(canvasElement);
  await findVisible(page, "heading", { level: 1, name: TITLE });
  await findVisible(page, "progressbar", { name: "招待の状況" });
  return page;
}

/** The registry after last week's run: the bar and the figures, the last run named. */
export const Progress: Story = {
  play: async ({ canvasElement }) => {
    const page = await opened(canvasElement);
    const bar = page.getByRole("progressbar", { name: "招待の状況" });
    await expect(bar).toHaveAttribute("max", "179842");
    await expect(bar).toHaveAttribute("value", "120842");
    await expect(bar).toHaveAttribute("aria-valuetext", "179,842機関中 120,842機関 招待済み");
    await expect(page.getByTestId("invited")).toHaveTextContent("120,842 / 179,842");
    await expect(page.getByTestId("sent")).toHaveTextContent("120,418");
    await expect(page.getByTestId("undeliverable")).toHaveTextContent("312");
    await expect(page.getByTestId("accepted")).toHaveTextContent("81,250");
    await expect(page.getByRole("status")).toHaveTextContent(
      "最後の一括招待：2026年11月19日（木）09:00 開始、120,842件。（実行者：田中 健一）",
    );
    await expect(page.getByRole("button", { name: "一括招待する" })).toBeEnabled();
  },
};

/** The action asks first: how many, how fast. Cancel (and Esc) send nothing. */
export const ConfirmThenCancel: Story = {
  play: async (context) => {
    const page = await opened(context.canvasElement);
    await userEvent.click(page.getByRole("button", { name: "一括招待する" }));
    const dialog = await page.findByRole("dialog", {
      name: "59,000機関に招待メールを送りますか",
    });
    await expect(dialog).toHaveTextContent(
      "全国の医療機関のうち、利用者がおらず有効な招待もない59,000機関に、登録簿のメールアドレスあてに招待メールを送ります。",
    );
    await expect(dialog).toHaveTextContent(
      "500通ずつ、60秒おきに送信します（すべて送り終えるまで約1時間57分）。",
    );
    await userEvent.click(within(dialog).getByRole("button", { name: "キャンセル" }));
    await waitFor(() => expect(page.queryByRole("dialog")).toBeNull());

    await userEvent.click(page.getByRole("button", { name: "一括招待する" }));
    await page.findByRole("dialog");
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(page.queryByRole("dialog")).toBeNull());
    await expect(inputsOf(callsOf(context), "invitations.bulkInvite")).toEqual([]);
  },
};

/** One prefecture: the dialog counts its institutions; confirming starts one run, then the bar moves. */
export const ConfirmStartsOnce: Story = {
  args: {
    live: (calls) => ({
      invitations: {
        progress: (input: unknown) =>
          countOf(calls, "invitations.bulkInvite") > 0 ? RUNNING_PROGRESS : byScope(input),
        bulkInvite: () => RUNNING_PROGRESS,
      },
    }),
  },
  play: async (context) => {
    const page = await opened(context.canvasElement);
    await userEvent.selectOptions(page.getByRole("combobox", { name: "対象" }), "13");
    await waitFor(() => expect(page.getByTestId("invited")).toHaveTextContent("12,920 / 14,120"));
    await userEvent.click(page.getByRole("button", { name: "一括招待する" }));
    const dialog = await page.findByRole("dialog", {
      name: "1,200機関に招待メールを送りますか",
    });
    await expect(dialog).toHaveTextContent("東京都の医療機関のうち");
    await expect(dialog).toHaveTextContent("（すべて送り終えるまで約2分）");
    await userEvent.click(within(dialog).getByRole("button", { name: "招待メールの送信を始める" }));
    await waitFor(() => expect(page.queryByRole("dialog")).toBeNull());
    await expect(
      await page.findByText(/一括招待を実行中です（1,000 \/ 1,200件を作成済み）。/),
    ).toBeVisible();
    await expect(page.getByRole("progressbar", { name: "招待の状況" })).toHaveAttribute(
      "value",
      "13920",
    );
    await expect(page.getByRole("button", { name: "一括招待する" })).toBeDisabled();
    await expect(inputsOf(callsOf(context), "invitations.bulkInvite")).toEqual([
      { prefectureCode: 13 },
    ]);
  },
};

/** The server refuses the start: its words in the dialog, which stays open; nothing started. */
export const StartRefused: Story = {
  args: {
    api: {
      invitations: {
        progress: byScope,
        bulkInvite: () => {
          throw new FixtureError("FORBIDDEN", "この操作を行う権限がありません。", {
            domainCode: "FORBIDDEN",
          });
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = await opened(canvasElement);
    await userEvent.click(page.getByRole("button", { name: "一括招待する" }));
    const dialog = await page.findByRole("dialog");
    await userEvent.click(within(dialog).getByRole("button", { name: "招待メールの送信を始める" }));
    await expect(await within(dialog).findByText("この操作を行う権限がありません。")).toBeVisible();
    await expect(page.getByRole("dialog")).toBeVisible();
  },
};

/** Everyone is invited or registered: nothing to start, and the page says so. */
export const NothingToInvite: Story = {
  args: {
    api: { invitations: { progress: () => ({ ...INVITATION_PROGRESS, toInvite: 0 }) } },
  },
  play: async ({ canvasElement }) => {
    const page = await opened(canvasElement);
    await expect(page.getByRole("button", { name: "一括招待する" })).toBeDisabled();
    await expect(
      page.getByText("招待する医療機関はありません（すべて招待済みか、利用者がいます）。"),
    ).toBeVisible();
  },
};

/** Before any run: an empty bar, no run line. */
export const NoRunYet: Story = {
  args: {
    api: {
      invitations: {
        progress: () => ({
          ...INVITATION_PROGRESS,
          invited: 0,
          sent: 0,
          undeliverable: 0,
          accepted: 0,
          toInvite: 179_842,
          run: null,
        }),
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = await opened(canvasElement);
    await expect(page.getByRole("progressbar", { name: "招待の状況" })).toHaveAttribute(
      "value",
      "0",
    );
    await expect(page.getByTestId("invited")).toHaveTextContent("0 / 179,842");
    await expect(page.queryByRole("status")).toBeNull();
    await userEvent.click(page.getByRole("button", { name: "一括招待する" }));
    const dialog = await page.findByRole("dialog", {
      name: "179,842機関に招待メールを送りますか",
    });
    await expect(dialog).toHaveTextContent("（すべて送り終えるまで約5時間59分）");
  },
};

/** One institution again, by the code typed in full-width digits: where it went, till when. */
export const ResendSucceeds: Story = {
  args: {
    api: {
      invitations: {
        progress: byScope,
        resend: () => ({
          id: "7c2d1e40-0a5b-4c3d-9e8f-00000000e101",
          role: "institution" as const,
          email: "uketsuke@kanda-sakura.example.jp",
          expiresAt: "2026-12-10T01:30:00.000Z",
          institution: { code: "1310000101", name: "神田さくら内科クリニック" },
        }),
      },
    },
  },
  play: async (context) => {
    const page = await opened(context.canvasElement);
    const form = within(page.getByRole("form", { name: "招待の再送" }));
    await userEvent.type(
      form.getByRole("textbox", { name: /^医療機関コード/ }),
      "１３１００００１０１",
    );
    await userEvent.click(form.getByRole("button", { name: "招待を再送する" }));
    // A success is announced politely: role="status", not an alert.
    const done = (await page.findByText("招待を再送しました", { selector: "*" })).closest(
      '[role="status"]',
    );
    await expect(done).not.toBeNull();
    await expect(done).toHaveTextContent(
      "神田さくら内科クリニック（医療機関コード 1310000101）の uketsuke@kanda-sakura.example.jp あてに送信しました。有効期限は2026年12月10日（木）10:30です。",
    );
    await expect(inputsOf(callsOf(context), "invitations.resend")).toEqual([
      { institutionCode: "１３１００００１０１" },
    ]);
  },
};

/** Already registered, or no code typed: a clear Japanese answer; an empty box asks nothing. */
export const ResendRefused: Story = {
  args: {
    api: {
      invitations: {
        progress: byScope,
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
  play: async (context) => {
    const page = await opened(context.canvasElement);
    const form = within(page.getByRole("form", { name: "招待の再送" }));
    await userEvent.click(form.getByRole("button", { name: "招待を再送する" }));
    await expect(await form.findByText("医療機関コードを入力してください")).toBeVisible();
    await expect(countOf(callsOf(context), "invitations.resend")).toBe(0);

    await userEvent.type(form.getByRole("textbox", { name: /^医療機関コード/ }), "1310000102");
    await userEvent.click(form.getByRole("button", { name: "招待を再送する" }));
    const refused = await page.findByRole("alert");
    await expect(refused).toHaveTextContent("再送できませんでした");
    await expect(refused).toHaveTextContent(
      "この医療機関には既に利用者がいます。職員の追加は、医療機関の利用者が画面から招待します。",
    );
    await expect(page.queryByText("招待を再送しました")).toBeNull();
  },
};

/** The progress could not be read: the server's words, the button waits, a retry works. */
export const LoadFailed: Story = {
  args: {
    live: (calls) => ({
      invitations: {
        progress: (input: unknown) => {
          if (countOf(calls, "invitations.progress") === 1) {
            throw new FixtureError(
              "INTERNAL_SERVER_ERROR",
              "システムエラーが発生しました。しばらく時間をおいてから再度お試しください。",
            );
          }
          return byScope(input);
        },
      },
    }),
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(await page.findByText("招待の状況を読み込めませんでした")).toBeVisible();
    await expect(page.getByRole("button", { name: "一括招待する" })).toBeDisabled();
    await userEvent.click(page.getByRole("button", { name: "再読み込み" }));
    await findVisible(page, "progressbar", { name: "招待の状況" });
    await expect(page.getByRole("button", { name: "一括招待する" })).toBeEnabled();
  },
};

/** A prefecture officer at the address: the ministry's page, nothing asked. */
export const PrefectureDenied: Story = {
  args: { user: PREFECTURE_USER },
  play: async (context) => {
    await expectMinistryOnly(context.canvasElement, TITLE, callsOf(context));
  },
};
