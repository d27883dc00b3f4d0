import type { Db } from "@sos/db";
import {
  type DisplayForms,
  itemsLackingDisplayForms,
  type ListFileRow,
  streamListFileRows,
  writeDisplayForms,
} from "@sos/db/repositories/target-list";
import { formatPhone, formatPostcode, PIECES_PER_SET } from "@sos/rules";
import { csvCell, neutraliseCell } from "../review/csv";

export { TARGET_LIST_CSV_HEADER, type TargetListColumn } from "../../schemas/target-list";

export interface ListItem {
  name: string;
  institutionCode: string;
  /** The file's cells in TARGET_LIST_CSV_HEADER's order, formulas neutralised. */
  cells: string[];
}

/** The display forms written when the list was issued; an older item is formatted now. */
function listItem(values: ListFileRow): ListItem {
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
  ] = values;
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
function listRecord(values: ListFileRow): string {
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
  ] = values;
  return `${cell(name)},${cell(institutionCode)},${cell(prefectureName)},${cell(postcodeDisplay ?? formatPostcode(postcode ?? ""))},${cell(address)},${cell(phoneDisplay ?? formatPhone(phone ?? ""))},${cell(contactName)},${cell(email)},${limitSets},${limitSets * PIECES_PER_SET}\r\n`;
}

/** A list's items in file order, `rowsPerRead` at a time through a cursor (see streamRows). */
export async function* listItems(
  db: Db,
  batchId: string,
  options: { rowsPerRead?: number } = {},
): AsyncGenerator<ListItem[], void, undefined> {
  for await (const rows of streamListFileRows(db, batchId, options)) {
    yield rows.map(listItem);
  }
}

/** The file's records (csvRecord's CSV), a chunk of `rowsPerRead` items at a time. */
export async function* listRecords(
  db: Db,
  batchId: string,
  options: { rowsPerRead?: number } = {},
): AsyncGenerator<string, void, undefined> {
  for await (const rows of streamListFileRows(db, batchId, options)) {
    let text = "";
    for (const values of rows) text += listRecord(values);
    yield text;
  }
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
    const rows = await itemsLackingDisplayForms(db, batchId, FILL_CHUNK);
    if (rows.length === 0) return filled;
    await writeDisplayForms(db, displayForms(rows));
    filled += rows.length;
  }
}
