import { FixtureError, findVisible, Screen } from "@sos/web/storybook";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { VENDOR_APP } from "../app";
import { callLog } from "../stories/calls";
import { SERVER_DOWN_MESSAGE, serverDown } from "../stories/errors";
import { CUSTOMER_CSV, IMPORT_RESULT, registrationsPage } from "../stories/registrations";
import { PAYMENT_METHODS } from "../stories/storefront";
import { LONG_NAME } from "../stories/target-lists";
import { VENDOR_USER } from "../stories/users";

const log = callLog();

const meta = {
  title: "施設登録",
  component: Screen,
  parameters: { layout: "fullscreen" },
  beforeEach: log.clear,
  args: {
    app: VENDOR_APP,
    path: "/registrations",
    user: VENDOR_USER,
    calls: log.calls,
    api: {
      vendorPortal: {
        registrations: (input) => registrationsPage(input),
        importRegistrations: () => IMPORT_RESULT,
      },
      storefront: {
        registrationOptions: () => ({ paymentMethods: PAYMENT_METHODS, signedInInstitution: null }),
      },
    },
  },
} satisfies Meta<typeof Screen>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;

function cells(row: HTMLElement): string[] {
  return [...row.children].map((cell) => cell.textContent ?? "");
}

async function registrationTable(page: Canvas, total: string) {
  return page.findByRole("table", { name: `施設登録（${total}件）` });
}

function customerFile(text = CUSTOMER_CSV): File {
  return new File([text], "既存顧客一覧.csv", { type: "text/csv" });
}

/** The bytes as the API takes them, worked out here rather than by the page's own helper. */
function base64Of(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

/** 1,250 registrations, fifty a page: address, phone, payment and where each came from. */
export const RegisteredFacilities: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await findVisible(page, "heading", { level: 1, name: "施設登録" });
    const table = await registrationTable(page, "1,250");
    const rows = within(table).getAllByRole("row");
    await expect(rows).toHaveLength(51);
    await expect(cells(rows[1] as HTMLElement)).toEqual([
      "1310000123",
      "医療法人社団　緑風会　みどりが丘記念病院",
      "〒100-0001 東京都千代田区千代田1-1 みどりが丘メディカルビル3階03-1234-5678",
      "order-desk@midori.example.jp",
      "銀行振込",
      "購入サイト国の登録アドレスで確認済み2026年12月1日（火）12:00",
    ]);
    await expect(cells(rows[2] as HTMLElement)).toEqual([
      "1410000456",
      LONG_NAME,
      "〒230-0012 神奈川県横浜市鶴見区下末吉3-6-1045-576-3000",
      "kobai@tobu.saiseikai.example.jp",
      "請求書払い",
      "CSV取り込み2026年12月8日（火）15:45",
    ]);
    // Registered on the storefront by someone who has not opened the confirmation link yet.
    await expect(cells(rows[3] as HTMLElement).at(-1)).toBe(
      "購入サイト未確認（購入リンクは送信されません）2026年12月2日（水）17:10",
    );

    const pager = within(page.getByRole("navigation", { name: "施設登録のページ" }));
    await expect(pager.getByText("1〜50件目 / 全1,250件")).toBeVisible();
    await expect(pager.getByRole("button", { name: "前のページ" })).toBeDisabled();
    await userEvent.click(pager.getByRole("button", { name: "次のページ" }));
    await expect(await pager.findByText("51〜100件目 / 全1,250件")).toBeVisible();
    await expect(log.inputsTo("vendorPortal.registrations").at(-1)).toEqual({
      search: null,
      source: null,
      page: 2,
      pageSize: 50,
    });

    await userEvent.click(page.getByRole("link", { name: "購入サイトへの施設登録" }));
    await findVisible(page, "heading", { level: 1, name: "購入サイトへの施設登録" });
  },
};

/** A name searched, then narrowed to Web registrations, where it is not. */
export const SearchAndSource: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await registrationTable(page, "1,250");
    await userEvent.type(
      page.getByRole("searchbox", { name: "医療機関コード・施設名・メールアドレス" }),
      "済生会",
    );
    await userEvent.click(page.getByRole("button", { name: "検索" }));
    const found = await registrationTable(page, "1");
    await expect(within(found).getByRole("rowheader", { name: LONG_NAME })).toBeVisible();
    await expect(page.queryByRole("navigation", { name: "施設登録のページ" })).toBeNull();

    await userEvent.selectOptions(
      page.getByRole("combobox", { name: "登録元" }),
      "購入サイトで登録",
    );
    const none = await registrationTable(page, "0");
    await expect(within(none).getByText("条件に当てはまる施設登録はありません。")).toBeVisible();
    await expect(log.inputsTo("vendorPortal.registrations").at(-1)).toEqual({
      search: "済生会",
      source: "web",
      page: 1,
      pageSize: 50,
    });
  },
};

/** The vendor's customer file imported: counts, then every row's outcome and reasons. */
export const ImportCustomers: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await registrationTable(page, "1,250");
    await userEvent.upload(page.getByLabelText("CSVファイル"), customerFile());
    await userEvent.click(page.getByRole("button", { name: "取り込む" }));

    const done = (await page.findByText("取り込みが終わりました")).closest("[role='status']");
    await expect(done).toHaveTextContent(
      "6行（UTF-8）：新規登録 2件・更新 1件・変更なし 1件・取り込めなかった行 2件",
    );
    await expect(done).toHaveTextContent(
      "取り込めなかった行は、理由を確認してCSVを直し、もう一度取り込んでください。",
    );
    const outcome = page.getByRole("table", { name: "行ごとの結果" });
    await expect(
      within(outcome)
        .getAllByRole("row")
        .slice(1)
        .map((row) => cells(row)),
    ).toEqual([
      ["2行目", "1320000000", "東京都内 取引先診療所 1", "変更なし", "—"],
      ["3行目", "1410000456", LONG_NAME, "更新", "メールアドレス・お支払い方法"],
      ["4行目", "1310004567", "医療法人社団 ふたば会 ふたば内科クリニック", "新規登録", "—"],
      ["5行目", "2710000999", "なにわ整形外科", "新規登録", "—"],
      [
        "6行目",
        "13100001",
        "ほしぞら在宅クリニック",
        "取り込めません",
        "医療機関コードは10桁の数字で入力してくださいお支払い方法「クレジットカード」は使えません（請求書払い・銀行振込・代金引換のいずれか）",
      ],
      [
        "7行目",
        "1110000789",
        "さくら訪問看護ステーション",
        "取り込めません",
        "施設がWebで登録した内容があるため更新しませんでした（上書きする場合は「Web登録も上書きする」を選んで取り込んでください）",
      ],
    ]);
    await expect(log.inputsTo("vendorPortal.importRegistrations")).toEqual([
      { csv: base64Of(CUSTOMER_CSV), encoding: "auto", overwriteWeb: false },
    ]);
    // The list behind is read again to show the new and updated registrations.
    await waitFor(() => expect(log.count("vendorPortal.registrations")).toBe(2));
  },
};

/** Excel's Shift_JIS chosen and Web registrations overwritten, but the server cannot read the file. */
export const ImportRefused: Story = {
  args: {
    api: {
      vendorPortal: {
        registrations: (input) => registrationsPage(input),
        importRegistrations: () => {
          throw new FixtureError(
            "BAD_REQUEST",
            "CSVファイルを読み取れませんでした。UTF-8 または Shift_JIS の CSV 形式で、1行目に見出しがあるか確認してください。",
            { domainCode: "CSV_UNREADABLE" },
          );
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await registrationTable(page, "1,250");
    await userEvent.upload(page.getByLabelText("CSVファイル"), customerFile("施設名だけの表"));
    await userEvent.selectOptions(
      page.getByRole("combobox", { name: "文字コード" }),
      "Shift_JIS（Excel の「CSV（コンマ区切り）」）",
    );
    await userEvent.click(page.getByRole("checkbox", { name: "Web登録も上書きする" }));
    await userEvent.click(page.getByRole("button", { name: "取り込む" }));

    const alert = await page.findByRole("alert");
    await expect(alert).toHaveTextContent("取り込めませんでした");
    await expect(alert).toHaveTextContent(
      "CSVファイルを読み取れませんでした。UTF-8 または Shift_JIS の CSV 形式で、1行目に見出しがあるか確認してください。",
    );
    await expect(page.queryByRole("table", { name: "行ごとの結果" })).toBeNull();
    await expect(log.inputsTo("vendorPortal.importRegistrations")).toEqual([
      { csv: base64Of("施設名だけの表"), encoding: "cp932", overwriteWeb: true },
    ]);
    await expect(log.count("vendorPortal.registrations")).toBe(1);
  },
};

/** No file, then one over 1 MB: both stopped at the field, nothing sent. */
export const ImportFileChecks: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await registrationTable(page, "1,250");
    const file = page.getByLabelText("CSVファイル");
    await userEvent.click(page.getByRole("button", { name: "取り込む" }));
    await expect(file).toHaveAttribute("aria-invalid", "true");
    await expect(file).toHaveAccessibleDescription("CSVファイルを選択してください");
    await expect(file).toHaveFocus();

    await userEvent.upload(
      file,
      new File([new Uint8Array(1_000_001)], "全顧客.csv", { type: "text/csv" }),
    );
    await userEvent.click(page.getByRole("button", { name: "取り込む" }));
    await expect(
      await page.findByText(
        "ファイルが大きすぎます（1MBまで）。ファイルを分けて取り込んでください",
      ),
    ).toBeVisible();
    await expect(log.count("vendorPortal.importRegistrations")).toBe(0);
  },
};

/** The server is down on opening; the retry shows the registrations. */
export const LoadFailedThenRetry: Story = {
  args: {
    api: {
      vendorPortal: {
        registrations: (input) =>
          log.count("vendorPortal.registrations") === 1 ? serverDown() : registrationsPage(input),
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const alert = await page.findByRole("alert");
    await expect(alert).toHaveTextContent("施設登録を表示できませんでした");
    await expect(alert).toHaveTextContent(SERVER_DOWN_MESSAGE);
    await userEvent.click(page.getByRole("button", { name: "再読み込み" }));
    await expect(await registrationTable(page, "1,250")).toBeVisible();
  },
};
