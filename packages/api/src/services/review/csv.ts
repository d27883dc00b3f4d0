import { stringify } from "csv-stringify/sync";

/**
 * CSV for Excel users: CRLF line ends, quotes where a cell needs them, and no
 * cell that a spreadsheet would run as a formula.
 */

/**
 * A cell starting with = + - @ (or a tab or carriage return) is a formula to
 * Excel and LibreOffice ("CSV injection"); a leading apostrophe makes it text.
 * (A switch on the first code unit: this runs for every cell of a 180,000-row list.)
 */
export function neutraliseCell(value: string): string {
  switch (value.charCodeAt(0)) {
    case 0x3d: // =
    case 0x2b: // +
    case 0x2d: // -
    case 0x40: // @
    case 0x09: // tab
    case 0x0d: // carriage return
      return `'${value}`;
    default:
      return value;
  }
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
    if (i > 0) record += ",";
    record += csvCell(cells[i] ?? "");
  }
  return `${record}\r\n`;
}

/** One cell as csvRecord writes it. */
export function csvCell(cell: string): string {
  return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function utf8WithBom(text: string): Buffer {
  return Buffer.concat([UTF8_BOM, Buffer.from(text, "utf8")]);
}
