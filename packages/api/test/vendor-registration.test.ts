import type { Db } from "@sos/db";
import { createTestDatabase, emptyTables, type TestDatabase } from "@sos/db/testing";
import iconv from "iconv-lite";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { callerFor, createTestUser, type TestUser } from "../src/testing";
import { refusal } from "./fixtures/institution-world";
import { mailsOfKind, storefrontVisitor } from "./fixtures/vendor-world";

let tdb: TestDatabase;
let db: Db;
let vendor: TestUser;
let institution: TestUser;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  vendor = await createTestUser(db, "vendor");
  institution = await createTestUser(db, "institution");
});

afterAll(async () => {
  await tdb.destroy();
});

beforeEach(async () => {
  await emptyTables(db);
});

function visitor() {
  return storefrontVisitor(db);
}

const FORM = {
  facilityName: "さくら在宅クリニック",
  address: "東京都千代田区千代田１－１",
  postcode: "〒１００－０００１",
  institutionCode: "１３１２３４５６７８",
  phone: "０３ー１２３４ー５６７８",
  email: "ＳＡＫＵＲＡ＠ＣＬＩＮＩＣ．ＥＸＡＭＰＬＥ．ＪＰ",
  paymentMethod: "invoice" as const,
};

async function registrations() {
  return db.selectFrom("vendorRegistrations").selectAll().orderBy("institutionCode").execute();
}

function base64(bytes: Uint8Array | string): string {
  return Buffer.from(bytes).toString("base64");
}

const HEADER = "医療機関コード,施設名,郵便番号,住所,電話番号,メールアドレス,お支払い方法";

const CUSTOMERS = [
  HEADER,
  "1300000001,医療法人社団　髙橋会　髙橋内科医院,100-0005,東京都千代田区丸の内1-1-1,03-3211-0001,takahashi@naika.example.jp,請求書払い",
  '1300000002,"ひまわり薬局 ""本店""",〒１６０－００２２,東京都新宿区新宿３－３－３,０３－３３５４－０００２,himawari@pharmacy.example.jp,銀行振込',
  "2700000003,なにわ訪問看護ステーション,530-0001,大阪府大阪市北区梅田1-2-3,06-6345-0003,naniwa@kango.example.jp,",
].join("\r\n");

describe("vendorPortal.importRegistrations", () => {
  it("imports a UTF-8 file with a BOM, Japanese names intact, as source 'import'", async () => {
    const { caller } = await callerFor(db, vendor.user);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CUSTOMERS, "utf8")]);
    const result = await caller.vendorPortal.importRegistrations({ csv: base64(bom) });
    expect(result).toMatchObject({ encoding: "utf8", totalRows: 3, created: 3, refused: 0 });
    expect(result.rows.map((r) => [r.line, r.institutionCode, r.outcome])).toEqual([
      [2, "1300000001", "created"],
      [3, "1300000002", "created"],
      [4, "2700000003", "created"],
    ]);
    const rows = await registrations();
    expect(rows.map((r) => [r.facilityName, r.paymentMethod, r.source])).toEqual([
      ["医療法人社団　髙橋会　髙橋内科医院", "invoice", "import"],
      ['ひまわり薬局 "本店"', "bank_transfer", "import"],
      // no payment method given: the storefront's first method
      ["なにわ訪問看護ステーション", "invoice", "import"],
    ]);
    expect(rows[1]).toMatchObject({
      postcode: "1600022",
      phone: "0333540002",
      address: "東京都新宿区新宿3-3-3",
    });
    // existing customers are not mailed on import
    expect(await mailsOfKind(db, "vendor_registration_confirmed")).toHaveLength(0);
    const audit = await db
      .selectFrom("auditLog")
      .select(["actorUserId", "details"])
      .where("action", "=", "vendor_registration.import")
      .executeTakeFirstOrThrow();
    expect(audit.actorUserId).toBe(vendor.user.id);
    expect(audit.details).toMatchObject({ encoding: "utf8", created: 3, refused: 0 });
  });

  it("detects Shift_JIS (CP932, as Excel saves it) and reads ①, ㈱ and 髙 correctly", async () => {
    const { caller } = await callerFor(db, vendor.user);
    const sjis = iconv.encode(
      [
        HEADER,
        "1300000011,㈱メディカル髙島屋診療所,100-0001,東京都千代田区千代田１－１ ①号館,03-1111-0011,takashimaya@example.jp,代引き",
      ].join("\r\n"),
      "cp932",
    );
    expect(Buffer.from(sjis).includes(Buffer.from("髙", "utf8"))).toBe(false);
    const auto = await caller.vendorPortal.importRegistrations({ csv: base64(sjis) });
    expect(auto).toMatchObject({ encoding: "cp932", created: 1 });
    const [row] = await registrations();
    expect(row?.facilityName).toBe("㈱メディカル髙島屋診療所");
    expect(row?.address).toBe("東京都千代田区千代田1-1 ①号館");
    expect(row?.paymentMethod).toBe("cash_on_delivery");

    const explicit = await caller.vendorPortal.importRegistrations({
      csv: base64(sjis),
      encoding: "cp932",
    });
    expect(explicit).toMatchObject({ encoding: "cp932", created: 0, unchanged: 1 });

    const wrong = await refusal(
      caller.vendorPortal.importRegistrations({ csv: base64(sjis), encoding: "utf8" }),
    );
    expect(wrong.data.domainCode).toBe("CSV_UNREADABLE");
    expect(wrong.message).toContain("UTF-8 として読み取れませんでした");
  });

  it("checks every row on its own: created, updated, unchanged and refused with Japanese reasons", async () => {
    const { caller } = await callerFor(db, vendor.user);
    await caller.vendorPortal.importRegistrations({ csv: base64(CUSTOMERS) });
    await visitor().storefront.register({ ...FORM, institutionCode: "1300000099" });

    const second = [
      HEADER,
      // changed email → updated
      "1300000001,医療法人社団　髙橋会　髙橋内科医院,100-0005,東京都千代田区丸の内1-1-1,03-3211-0001,desk@naika.example.jp,請求書払い",
      // same as before → unchanged
      '1300000002,"ひまわり薬局 ""本店""",160-0022,東京都新宿区新宿3-3-3,03-3354-0002,himawari@pharmacy.example.jp,銀行振込',
      // broken postcode and email
      "1300000004,みどり歯科,100-01,東京都港区1-1,03-1234-0004,midori-at-example.jp,請求書払い",
      // unknown payment method
      "1300000005,あおば助産所,100-0005,東京都中央区1-1,03-1234-0005,aoba@example.jp,クレジットカード",
      // the same code twice in one file
      "1300000006,いちょう薬局,100-0006,東京都台東区1-1,03-1234-0006,icho@example.jp,",
      "1300000006,いちょう薬局（重複）,100-0006,東京都台東区1-1,03-1234-0006,icho2@example.jp,",
      // registered on the storefront by the facility itself
      "1300000099,さくら在宅クリニック,100-0001,東京都千代田区千代田1-1,03-1234-5678,old-address@example.jp,請求書払い",
      // a blank line is skipped
      ",,,,,,",
    ].join("\n");
    const result = await caller.vendorPortal.importRegistrations({
      csv: base64(second),
      encoding: "utf8",
    });
    expect(result).toMatchObject({
      totalRows: 7,
      created: 1,
      updated: 1,
      unchanged: 1,
      refused: 4,
    });
    const byLine = new Map(result.rows.map((r) => [r.line, r]));
    expect(byLine.get(2)).toMatchObject({ outcome: "updated", changedFields: ["メールアドレス"] });
    expect(byLine.get(3)?.outcome).toBe("unchanged");
    expect(byLine.get(4)).toMatchObject({ outcome: "refused", institutionCode: "1300000004" });
    expect(byLine.get(4)?.reasons).toEqual([
      "郵便番号は7桁の数字で入力してください（例：100-8916）",
      "メールアドレスの形式が正しくありません（例：taro@example.jp）",
    ]);
    expect(byLine.get(5)?.reasons).toEqual([
      "お支払い方法「クレジットカード」は使えません（請求書払い・銀行振込・代金引換のいずれか）",
    ]);
    expect(byLine.get(6)?.outcome).toBe("created");
    expect(byLine.get(7)).toMatchObject({
      outcome: "refused",
      reasons: ["同じ医療機関コードが6行目にもあります（最初の行のみ取り込みます）"],
    });
    expect(byLine.get(8)?.outcome).toBe("refused");
    expect(byLine.get(8)?.reasons[0]).toContain("Webで登録した内容があるため更新しませんでした");

    const rows = new Map((await registrations()).map((r) => [r.institutionCode, r]));
    expect(rows.get("1300000001")?.email).toBe("desk@naika.example.jp");
    expect(rows.get("1300000004")).toBeUndefined();
    expect(rows.get("1300000006")?.email).toBe("icho@example.jp");
    expect(rows.get("1300000099")).toMatchObject({
      email: "SAKURA@clinic.example.jp",
      source: "web",
    });

    // the vendor may choose to overwrite the facility's own registration
    const overwrite = await caller.vendorPortal.importRegistrations({
      csv: base64([HEADER, second.split("\n")[7]].join("\n")),
      overwriteWeb: true,
    });
    expect(overwrite).toMatchObject({ updated: 1, refused: 0 });
    expect((await registrations()).find((r) => r.institutionCode === "1300000099")).toMatchObject({
      email: "old-address@example.jp",
      source: "import",
    });
  });

  it("refuses files it cannot read as a whole, saying what is wrong", async () => {
    const { caller } = await callerFor(db, vendor.user);
    const noEmail = await refusal(
      caller.vendorPortal.importRegistrations({
        csv: base64(
          "医療機関コード,施設名,郵便番号,住所,電話番号\n1300000001,a,1000001,b,0312345678",
        ),
      }),
    );
    expect(noEmail.data.domainCode).toBe("CSV_UNREADABLE");
    expect(noEmail.message).toContain("1行目の見出しに次の列がありません：メールアドレス");

    const broken = await refusal(
      caller.vendorPortal.importRegistrations({
        csv: base64(`${HEADER}\n1300000001,"閉じていない引用符,1,2,3,4,5`),
      }),
    );
    expect(broken.message).toContain("CSVの形式に誤りがあります");

    const headerOnly = await refusal(
      caller.vendorPortal.importRegistrations({ csv: base64(HEADER) }),
    );
    expect(headerOnly.message).toBe("見出し行の下にデータがありません。");
    expect(await registrations()).toHaveLength(0);
  });

  it("is for the vendor only", async () => {
    const asInstitution = await refusal(
      (await callerFor(db, institution.user)).caller.vendorPortal.importRegistrations({
        csv: base64(CUSTOMERS),
      }),
    );
    expect(asInstitution.data.code).toBe("FORBIDDEN");
    const anonymous = await refusal(
      visitor().vendorPortal.importRegistrations({ csv: base64(CUSTOMERS) }),
    );
    expect(anonymous.data.code).toBe("UNAUTHORIZED");
    expect(await registrations()).toHaveLength(0);
  });
});

describe("vendorPortal.registrations / vendorPortal.updateRegistration", () => {
  it("lists and searches the vendor's customers, and corrects one with an audit trail", async () => {
    const { caller } = await callerFor(db, vendor.user);
    await caller.vendorPortal.importRegistrations({ csv: base64(CUSTOMERS) });
    await visitor().storefront.register(FORM);

    const all = await caller.vendorPortal.registrations();
    expect(all.total).toBe(4);
    expect(
      (await caller.vendorPortal.registrations({ search: "ひまわり" })).items.map(
        (r) => r.institutionCode,
      ),
    ).toEqual(["1300000002"]);
    expect(
      (await caller.vendorPortal.registrations({ search: "27" })).items.map(
        (r) => r.institutionCode,
      ),
    ).toEqual(["2700000003"]);
    expect(
      (await caller.vendorPortal.registrations({ source: "web" })).items.map(
        (r) => r.institutionCode,
      ),
    ).toEqual(["1312345678"]);

    const target = all.items.find((r) => r.institutionCode === "1312345678");
    if (!target) throw new Error("missing registration");
    const updated = await caller.vendorPortal.updateRegistration({
      id: target.id,
      facilityName: target.facilityName,
      address: target.address,
      postcode: target.postcode,
      institutionCode: "1312345679",
      phone: target.phone,
      email: "new-desk@clinic.example.jp",
      paymentMethod: "bank_transfer",
    });
    expect(updated).toMatchObject({
      institutionCode: "1312345679",
      email: "new-desk@clinic.example.jp",
    });
    const audit = await db
      .selectFrom("auditLog")
      .select("details")
      .where("action", "=", "vendor_registration.update")
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({
      changes: { institutionCode: { from: "1312345678", to: "1312345679" } },
    });

    const collision = await refusal(
      caller.vendorPortal.updateRegistration({
        id: target.id,
        facilityName: target.facilityName,
        address: target.address,
        postcode: target.postcode,
        institutionCode: "1300000001",
        phone: target.phone,
        email: "new-desk@clinic.example.jp",
        paymentMethod: "bank_transfer",
      }),
    );
    expect(collision.message).toBe("この医療機関コードは別の登録で使われています。");
  });
});
