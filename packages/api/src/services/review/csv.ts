import { stringify } from "csv-stringify/sync";

/**
 * CSV for Excel users: CRLF line ends, quotes where a cell needs them, and no
 * cell that a spreadsheet would run as a formula.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell starting with = + - @ (or a tab or carriage return) is a formula to
 * Excel and LibreOffice ("CSV injection"); a leading apostrophe makes it text.
 */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvText(header: readonly string[], rows: readonly (readonly string[])[]): string {
  // With CRLF records csv-stringify quotes only cells holding CRLF itself; a lone
  // line feed (an address typed on two lines) would still split the row in Excel.
  return stringify([header, ...rows], { record_delimiter: "windows", quoted_match: /[\r\n]/ });
}

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One record as csvText writes it (a cell holding a comma, a quote or a line
 * break is quoted, quotes doubled; CRLF at the end), for a list streamed row by
 * row. csv-stringify's stream spends several times longer than reading the rows
 * on a 180,000-row list; this is its rule for these options and nothing else,
 * checked against it in the tests.
 */
export function csvRecord(cells: readonly string[]): string {
  let record = "";
  for (let i = 0; i < cells.length; i += 1) {
    const cell = cells[i] ?? "";
    if (i > 0) record += ",";
    record += NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
  }
  return `${record}\r\n`;
}

export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function utf8WithBom(text: string): Buffer {
  return Buffer.concat([UTF8_BOM, Buffer.from(text, "utf8")]);
}
