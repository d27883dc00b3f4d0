import { type ApiFixtures, FixtureError, findVisible } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import type { Sanction, SanctionTarget } from "../api-types";
import { callsOf, countOf, inputsOf } from "../stories/calls";
import { expectMinistryOnly } from "../stories/denied";
import { INSTITUTIONS } from "../stories/institutions";
import { MINISTRY_USER, PEOPLE, PREFECTURE_USER } from "../stories/people";
import { IN_FORCE, SANCTIONS } from "../stories/sanctions";
import { SCREEN_META } from "../stories/screen";

type ListInput = Parameters<NonNullable<NonNullable<ApiFixtures["sanctions"]>["list"]>>[0];

/** sanctions.list over `all`, filtered by state as the server does. */
function listOf(all: readonly Sanction[]) {
  return (input: ListInput) =>
    all.filter((sanction) => !input?.state || sanction.state === input.state);
}

const UNKNOWN_INSTITUTION =
  "指定した医療機関が見つかりません。医療機関コード（10桁）を確認してください。";

/** sanctions.target over the story institutions, as the server looks a code up. */
function targetOf({ institutionCode }: { institutionCode: string }): SanctionTarget {
  const code = institutionCode.normalize("NFKC").replace(/\D/g, "");
  const found = Object.values(INSTITUTIONS).find((institution) => institution.code === code);
  if (found === undefined) {
    throw new FixtureError("NOT_FOUND", UNKNOWN_INSTITUTION, {
      domainCode: "NOT_FOUND",
      fieldErrors: { institution: [UNKNOWN_INSTITUTION] },
    });
  }
  const { id, name, prefectureCode, prefectureName, type, typeLabel } = found;
  const openSanctions = SANCTIONS.filter(
    (sanction) => sanction.institution.id === id && sanction.state !== "lifted",
  ).length;
  return { id, code, name, prefectureCode, prefectureName, type, typeLabel, openSanctions };
}

const meta = {
  ...SCREEN_META,
  title: "画面/審査/措置",
  args: {
    path: "/sanctions",
    user: MINISTRY_USER,
    api: { sanctions: { list: listOf(SANCTIONS), target: targetOf } },
  },
} satisfies Meta<typeof SCREEN_META.component>;

export default meta;
type Story = StoryObj<typeof meta>;

type Page = ReturnType<typeof within>;

function form(page: Page) {
  return within(page.getByRole("form", { name: "措置の登録" }));
}

function rowOf(page: Page, name: string): HTMLElement {
  const row = within(page.getByRole("table", { name: "措置の一覧" }))
    .getByRole("rowheader", { name: new RegExp(`^${name}`) })
    .closest("tr");
  if (row === null) throw new Error(`${name}の行がありません`);
  return row;
}

/**
 * The measures: one in force, one starting next month, one lifted with who lifted
 * it and why; the form to add one, its start day offered as today.
 */
export const Measures: Story = {
  play: async (context) => {
    const page = within(context.canvasElement);
    await findVisible(page, "heading", { level: 1, name: "措置" });
    await findVisible(page, "table", { name: "措置の一覧" });
    await expect(inputsOf(callsOf(context), "sanctions.list")).toEqual([undefined]);
    // Today on the Tokyo calendar, in 年・月・日 boxes with its day of the week.
    const start = within(form(page).getByRole("group", { name: /^適用開始日/ }));
    await expect(start.getByRole("textbox", { name: "適用開始日 年" })).toHaveValue("2026");
    await expect(start.getByRole("textbox", { name: "適用開始日 月" })).toHaveValue("11");
    await expect(start.getByRole("textbox", { name: "適用開始日 日" })).toHaveValue("26");
    await expect(start.getByText("（木）")).toBeVisible();

    const inForce = rowOf(page, "みどり調剤薬局");
    await expect(inForce).toHaveTextContent("1311456789・東京都");
    await expect(inForce).toHaveTextContent("2026年11月25日（水）");
    await expect(inForce).toHaveTextContent("実施中");
    await expect(inForce).toHaveTextContent("2026年11月24日（火）15:15田中 健一");
    await expect(
      within(inForce).getByRole("button", { name: "みどり調剤薬局　本町店への措置を解除" }),
    ).toBeVisible();
    await expect(
      rowOf(page, "社会福祉法人恩賜財団済生会支部神奈川県済生会横浜市東部病院"),
    ).toHaveTextContent("開始前");
    const lifted = rowOf(page, "なにわ歯科クリニック");
    await expect(lifted).toHaveTextContent("解除済み");
    await expect(lifted).toHaveTextContent(
      "2026年10月28日（水）14:30（中村 由美）解除の理由：近隣の診療所への一時的な貸与であり、転売ではないことを確認したため。",
    );
    await expect(within(lifted).queryByRole("button")).toBeNull();
  },
};

const NEW_REASON =
  "購入した手袋を院外の業者へ転売していたことが、販売事業者の調査で確認されたため（同意事項④）。";

/** What sanctions.create returns for the clinic's new measure. */
const CREATED: Sanction = {
  id: "7b2d0000-0000-4000-8000-000000000004",
  institution: {
    id: INSTITUTIONS.takahashi.id,
    code: INSTITUTIONS.takahashi.code,
    name: INSTITUTIONS.takahashi.name,
    prefectureCode: INSTITUTIONS.takahashi.prefectureCode,
    prefectureName: INSTITUTIONS.takahashi.prefectureName,
  },
  reason: NEW_REASON,
  effectiveFrom: "2026-12-01",
  state: "scheduled",
  createdAt: "2026-11-26T02:00:00.000Z",
  createdBy: PEOPLE.ministryOfficer,
  liftedAt: null,
  liftedBy: null,
  liftReason: null,
};

/** Fills the form with the clinic's code (full-width), the reason and 1 December. */
/** 年・月・日 typed over what the boxes hold. */
async function typeDate(fields: Page, year: string, month: string, day: string) {
  for (const [unit, text] of [
    ["年", year],
    ["月", month],
    ["日", day],
  ] as const) {
    const box = fields.getByRole("textbox", { name: `適用開始日 ${unit}` });
    await userEvent.clear(box);
    await userEvent.type(box, text);
  }
}

async function fillNewMeasure(page: Page, code = "１３１１２４５６７８") {
  const fields = form(page);
  await userEvent.type(fields.getByLabelText(/^医療機関コード/), code);
  await userEvent.type(fields.getByRole("textbox", { name: /^措置の理由/ }), NEW_REASON);
  await typeDate(fields, "2026", "１２", "１");
  await userEvent.click(fields.getByRole("button", { name: "措置を登録…" }));
}

/**
 * A new measure with the code typed in full-width digits: the confirmation shows
 * the code as read, sanctions.create gets ten ASCII digits, and the list is read
 * again with the new measure in it.
 */
export const RegisterWithFullWidthCode: Story = {
  args: {
    live: (calls) => ({
      sanctions: {
        list: (input) =>
          listOf(countOf(calls, "sanctions.create") > 0 ? [CREATED, ...SANCTIONS] : SANCTIONS)(
            input,
          ),
        create: () => CREATED,
        target: targetOf,
      },
    }),
  },
  play: async (context) => {
    const page = within(context.canvasElement);
    await page.findByRole("table", { name: "措置の一覧" });
    await fillNewMeasure(page);

    // The officer sees whom the code names, not only ten digits.
    const dialog = within(
      await page.findByRole("dialog", { name: "「髙橋整形外科医院」に措置を登録します" }),
    );
    await expect(
      dialog.getByText("医療機関", { exact: true }).nextElementSibling,
    ).toHaveTextContent("髙橋整形外科医院");
    await expect(dialog.getByText("都道府県・種別").nextElementSibling).toHaveTextContent(
      `${INSTITUTIONS.takahashi.prefectureName}・${INSTITUTIONS.takahashi.typeLabel}`,
    );
    await expect(inputsOf(callsOf(context), "sanctions.target")).toEqual([
      { institutionCode: "1311245678" },
    ]);
    await expect(dialog.getByText("医療機関コード").nextElementSibling).toHaveTextContent(
      "1311245678",
    );
    await expect(dialog.getByText("適用開始日").nextElementSibling).toHaveTextContent(
      "2026年12月1日（火）",
    );
    await expect(dialog.getByText(NEW_REASON)).toBeVisible();
    await userEvent.click(dialog.getByRole("button", { name: "措置を登録する" }));

    await expect(
      await page.findByText(
        "「髙橋整形外科医院」（医療機関コード 1311245678）への措置を登録しました（2026年12月1日（火）から適用）。",
      ),
    ).toBeVisible();
    await expect(inputsOf(callsOf(context), "sanctions.create")).toEqual([
      { institutionCode: "1311245678", reason: NEW_REASON, effectiveFrom: "2026-12-01" },
    ]);
    await waitFor(() => expect(rowOf(page, "髙橋整形外科医院")).toHaveTextContent("開始前"));
    await expect(form(page).getByLabelText(/^医療機関コード/)).toHaveValue("");
  },
};

/** What the form refuses before asking: the missing code and reason, a code of five digits. */
export const ValidationErrors: Story = {
  play: async (context) => {
    const page = within(context.canvasElement);
    await page.findByRole("table", { name: "措置の一覧" });
    const fields = form(page);
    await userEvent.click(fields.getByRole("button", { name: "措置を登録…" }));
    const summary = within(
      await fields.findByRole("region", { name: /^入力内容に誤りがあります/ }),
    );
    await expect(
      summary.getByRole("link", { name: "医療機関コードを入力してください" }),
    ).toBeVisible();
    await expect(summary.getByRole("link", { name: "措置の理由を入力してください" })).toBeVisible();

    await userEvent.type(fields.getByLabelText(/^医療機関コード/), "１３１１２");
    await userEvent.click(fields.getByRole("button", { name: "措置を登録…" }));
    await findVisible(summary, "link", { name: "医療機関コードは10桁の数字で入力してください" });
    await expect(page.queryByRole("dialog")).toBeNull();

    // 2月30日 is no date: refused in Japanese before anything is asked.
    await typeDate(fields, "2026", "2", "30");
    await userEvent.click(fields.getByRole("button", { name: "措置を登録…" }));
    await findVisible(summary, "link", {
      name: "適用開始日は正しい日付を入力してください（例：2026年12月1日）",
    });
    await expect(page.queryByRole("dialog")).toBeNull();
    await expect(countOf(callsOf(context), "sanctions.create")).toBe(0);
  },
};

/**
 * No institution has that code: the lookup's Japanese message lands at the code field
 * before any confirmation, and nothing is created.
 */
export const UnknownInstitution: Story = {
  play: async (context) => {
    const page = within(context.canvasElement);
    await page.findByRole("table", { name: "措置の一覧" });
    await fillNewMeasure(page, "1399999999");
    const code = form(page).getByLabelText(/^医療機関コード/);
    await waitFor(() =>
      expect(code).toHaveAccessibleDescription(expect.stringContaining(UNKNOWN_INSTITUTION)),
    );
    await expect(page.queryByRole("dialog")).toBeNull();
    await expect(code).toHaveValue("1399999999");
    await expect(countOf(callsOf(context), "sanctions.create")).toBe(0);
    await expect(page.queryByText(/への措置を登録しました/)).toBeNull();
  },
};

/** A code whose institution already has a measure in force: the confirmation warns. */
export const AlreadySanctioned: Story = {
  play: async (context) => {
    const page = within(context.canvasElement);
    await page.findByRole("table", { name: "措置の一覧" });
    await fillNewMeasure(page, INSTITUTIONS.midori.code);
    const dialog = within(
      await page.findByRole("dialog", {
        name: `「${INSTITUTIONS.midori.name}」に措置を登録します`,
      }),
    );
    await expect(
      dialog.getByText(/この医療機関には、解除されていない措置がすでに1件あります/),
    ).toBeVisible();
  },
};

const LIFT_REASON = "転売ではなく、系列病院への一時的な融通であったことが確認できたため。";

/** Lifting a measure in force: a reason is required; the list then shows it lifted. */
export const Lift: Story = {
  args: {
    live: (calls) => ({
      sanctions: {
        list: (input) => {
          const lifted = countOf(calls, "sanctions.lift") > 0;
          return listOf(
            SANCTIONS.map((sanction) =>
              lifted && sanction.id === IN_FORCE.id
                ? {
                    ...sanction,
                    state: "lifted" as const,
                    liftedAt: "2026-11-26T02:10:00.000Z",
                    liftedBy: PEOPLE.ministryOfficer,
                    liftReason: LIFT_REASON,
                  }
                : sanction,
            ),
          )(input);
        },
        lift: () => ({ ...IN_FORCE, state: "lifted" }),
      },
    }),
  },
  play: async (context) => {
    const page = within(context.canvasElement);
    await page.findByRole("table", { name: "措置の一覧" });
    await userEvent.click(
      page.getByRole("button", { name: "みどり調剤薬局　本町店への措置を解除" }),
    );
    const dialog = within(
      await page.findByRole("dialog", { name: "「みどり調剤薬局　本町店」への措置を解除します" }),
    );
    await userEvent.click(dialog.getByRole("button", { name: "解除する" }));
    await expect(await dialog.findByText("解除の理由を入力してください")).toBeVisible();
    await userEvent.type(dialog.getByRole("textbox", { name: /^解除の理由/ }), LIFT_REASON);
    await userEvent.click(dialog.getByRole("button", { name: "解除する" }));

    await waitFor(() =>
      expect(rowOf(page, "みどり調剤薬局")).toHaveTextContent(`解除の理由：${LIFT_REASON}`),
    );
    await expect(inputsOf(callsOf(context), "sanctions.lift")).toEqual([
      { id: IN_FORCE.id, reason: LIFT_REASON },
    ]);
    await expect(page.queryByRole("dialog")).toBeNull();
  },
};

const ALREADY_LIFTED = "この措置はすでに解除されています。";

/** A colleague lifted it first: the refusal in the dialog, the list read again. */
export const LiftRefused: Story = {
  args: {
    api: {
      sanctions: {
        list: listOf(SANCTIONS),
        lift: () => {
          throw new FixtureError("PRECONDITION_FAILED", ALREADY_LIFTED, {
            domainCode: "INVALID_STATE",
          });
        },
      },
    },
  },
  play: async (context) => {
    const page = within(context.canvasElement);
    await page.findByRole("table", { name: "措置の一覧" });
    await userEvent.click(
      page.getByRole("button", { name: "みどり調剤薬局　本町店への措置を解除" }),
    );
    const dialog = within(await page.findByRole("dialog"));
    await userEvent.type(dialog.getByRole("textbox", { name: /^解除の理由/ }), LIFT_REASON);
    await userEvent.click(dialog.getByRole("button", { name: "解除する" }));
    await expect(await dialog.findByText(ALREADY_LIFTED)).toBeVisible();
    await waitFor(() => expect(countOf(callsOf(context), "sanctions.list")).toBe(2));
  },
};

/** Filtered to the lifted ones: asked of the server, and shown alone. */
export const FilterLifted: Story = {
  play: async (context) => {
    const page = within(context.canvasElement);
    await page.findByRole("table", { name: "措置の一覧" });
    await userEvent.selectOptions(page.getByRole("combobox", { name: "状態" }), "解除済み");
    await waitFor(() =>
      expect(inputsOf(callsOf(context), "sanctions.list").at(-1)).toEqual({ state: "lifted" }),
    );
    await waitFor(() =>
      expect(
        within(page.getByRole("table", { name: "措置の一覧" })).getAllByRole("row"),
      ).toHaveLength(2),
    );
    await expect(rowOf(page, "なにわ歯科クリニック")).toBeVisible();
  },
};

/** No measure has ever been taken. */
export const NoMeasures: Story = {
  args: { api: { sanctions: { list: () => [] } } },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(await page.findByText("該当する措置はありません。")).toBeVisible();
    await expect(page.getByRole("form", { name: "措置の登録" })).toBeVisible();
  },
};

/** The list could not be read: the server's message and a retry that works. */
export const LoadFailed: Story = {
  args: {
    live: (calls) => ({
      sanctions: {
        list: () => {
          if (countOf(calls, "sanctions.list") === 1) {
            throw new FixtureError(
              "INTERNAL_SERVER_ERROR",
              "システムエラーが発生しました。しばらく時間をおいてから再度お試しください。",
            );
          }
          return SANCTIONS;
        },
      },
    }),
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(await page.findByText("措置の一覧を表示できませんでした")).toBeVisible();
    await userEvent.click(page.getByRole("button", { name: "再読み込み" }));
    await findVisible(page, "table", { name: "措置の一覧" });
  },
};

/** A prefecture officer at the address: told it is the ministry's page, nothing asked. */
export const PrefectureDenied: Story = {
  args: { user: PREFECTURE_USER },
  play: async (context) => {
    await expectMinistryOnly(context.canvasElement, "措置", callsOf(context));
  },
};
