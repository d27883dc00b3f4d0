import { type Db, streamRows } from "@sos/db";
import { formatPhone, formatPostcode, PIECES_PER_SET } from "@sos/rules";
import { sql } from "kysely";
import { csvCell, neutraliseCell } from "../review/csv";

export const TARGET_LIST_CSV_HEADER = [
  "医療機関名",
  "医療機関コード",
  "都道府県",
  "郵便番号",
  "住所",
  "電話番号",
  "担当者名",
  "メールアドレス",
  "購入上限数（セット）",
  "購入上限数（枚）",
] as const;
export type TargetListColumn = (typeof TARGET_LIST_CSV_HEADER)[number];

/** One item as the file query returns it (arrays, in this column order). */
type ListRow = [
  name: string,
  institutionCode: string,
  prefectureName: string,
  postcode: string | null,
  postcodeDisplay: string | null,
  address: string,
  phone: string | null,
  phoneDisplay: string | null,
  contactName: string,
  email: string,
  limitSets: number,
];

/**
 * A list's items in the file's order (the order the ministry hands them over in).
 * The raw phone and postcode come only where no display form was written.
 */
function listRowsQuery(db: Db, batchId: string) {
  return sql`
    select t.name, t.institution_code, p.name,
      case when t.postcode_display is null then t.postcode end, t.postcode_display, t.address,
      case when t.phone_display is null then t.phone end, t.phone_display, t.contact_name, t.email,
      t.limit_sets
    from target_items t join prefectures p on p.code = t.prefecture_code
    where t.batch_id = ${batchId}
    order by t.prefecture_code, t.institution_code, t.id`.compile(db);
}

export interface ListItem {
  name: string;
  institutionCode: string;
  /** The file's cells in TARGET_LIST_CSV_HEADER's order, formulas neutralised. */
  cells: string[];
}

/** The display forms written when the list was issued; an older item is formatted now. */
function listItem(values: unknown[]): ListItem {
  const [
    name,
    institutionCode,
    prefectureName,
    postcode,
    postcodeDisplay,
    address,
    phone,
    phoneDisplay,
    contactName,
    email,
    limitSets,
  ] = values as ListRow;
  const cells = [
    name,
    institutionCode,
    prefectureName,
    postcodeDisplay ?? formatPostcode(postcode ?? ""),
    address,
    phoneDisplay ?? formatPhone(phone ?? ""),
    contactName,
    email,
    String(limitSets),
    String(limitSets * PIECES_PER_SET),
  ];
  for (let i = 0; i < cells.length; i += 1) cells[i] = neutraliseCell(cells[i] ?? "");
  return { name, institutionCode, cells };
}

function cell(value: string): string {
  return csvCell(neutraliseCell(value));
}

/**
 * One item as the file's record: listItem's cells through csvRecord, written
 * without the arrays and objects in between (a 180,000-row list spent more in
 * the garbage collector than in encoding). The two counts are positive whole
 * numbers, which never need a quote or an apostrophe.
 */
function listRecord(values: unknown[]): string {
  const [
    name,
    institutionCode,
    prefectureName,
    postcode,
    postcodeDisplay,
    address,
    phone,
    phoneDisplay,
    contactName,
    email,
    limitSets,
  ] = values as ListRow;
  return `${cell(name)},${cell(institutionCode)},${cell(prefectureName)},${cell(postcodeDisplay ?? formatPostcode(postcode ?? ""))},${cell(address)},${cell(phoneDisplay ?? formatPhone(phone ?? ""))},${cell(contactName)},${cell(email)},${limitSets},${limitSets * PIECES_PER_SET}\r\n`;
}

/** A list's items in file order, `rowsPerRead` at a time through a cursor (see streamRows). */
export async function* listItems(
  db: Db,
  batchId: string,
  options: { rowsPerRead?: number } = {},
): AsyncGenerator<ListItem[], void, undefined> {
  for await (const rows of streamRows(db, listRowsQuery(db, batchId), options)) {
    yield rows.map(listItem);
  }
}

/** The file's records (csvRecord's CSV), a chunk of `rowsPerRead` items at a time. */
export async function* listRecords(
  db: Db,
  batchId: string,
  options: { rowsPerRead?: number } = {},
): AsyncGenerator<string, void, undefined> {
  for await (const rows of streamRows(db, listRowsQuery(db, batchId), options)) {
    let text = "";
    for (const values of rows) text += listRecord(values);
    yield text;
  }
}

export interface DisplayForms {
  ids: string[];
  phones: string[];
  postcodes: string[];
  phoneDisplays: string[];
  postcodeDisplays: string[];
}

/** Hyphenated phone numbers and postcodes by row id, as column arrays for SQL's unnest. */
export function displayForms(
  contacts: readonly { id: string; phone: string; postcode: string }[],
): DisplayForms {
  const forms: DisplayForms = {
    ids: [],
    phones: [],
    postcodes: [],
    phoneDisplays: [],
    postcodeDisplays: [],
  };
  for (const contact of contacts) {
    forms.ids.push(contact.id);
    forms.phones.push(contact.phone);
    forms.postcodes.push(contact.postcode);
    forms.phoneDisplays.push(formatPhone(contact.phone));
    forms.postcodeDisplays.push(formatPostcode(contact.postcode));
  }
  return forms;
}

const FILL_CHUNK = 10_000;

/**
 * Writes the display forms of a list's items that lack them (items written
 * before migration 0012, or straight into the table by a tool): the file then
 * no longer formats them on every download.
 */
export async function fillDisplayForms(db: Db, batchId: string): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = await db
      .selectFrom("targetItems")
      .select(["id", "phone", "postcode"])
      .where("batchId", "=", batchId)
      .where((eb) => eb.or([eb("phoneDisplay", "is", null), eb("postcodeDisplay", "is", null)]))
      .limit(FILL_CHUNK)
      .execute();
    if (rows.length === 0) return filled;
    const forms = displayForms(rows);
    await sql`
      update target_items t set phone_display = d.phone_display, postcode_display = d.postcode_display
      from unnest(${forms.ids}::uuid[], ${forms.phoneDisplays}::text[],
        ${forms.postcodeDisplays}::text[]) as d(id, phone_display, postcode_display)
      where t.id = d.id`.execute(db);
    filled += rows.length;
  }
}
