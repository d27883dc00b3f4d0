import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { DomainError } from "../src/errors";
import type { PrefectureReviewInput } from "../src/schemas/review";
import {
  codePointLabel,
  cp932Lacks,
  csvRecord,
  csvText,
  currentRound,
  decidePrefectureInput,
  encodeCp932Text,
  isCp932Char,
  neutraliseCell,
  REPLACEMENT_CHAR,
  toCp932Variants,
  unrepresentableChars,
} from "../src/services/review";
import { jst } from "./fixtures/institution-world";

describe("CP932 (Shift_JIS for Excel)", () => {
  it.each([
    ["髙", true, "IBM extension"],
    ["﨑", true, "IBM extension"],
    ["㈱", true, "NEC special character"],
    ["①", true, "NEC special character"],
    ["ｱ", true, "half-width katakana"],
    ["～", true, "Microsoft's wave dash"],
    ["𠮷", false, "JIS X 0213 plane 2"],
    ["鷗", false, "JIS X 0213"],
    ["😀", false, "emoji"],
    ["é", false, "accented Latin"],
    ["〜", false, "JIS wave dash, before mapping"],
  ])("%s is %s (%s)", (char, expected) => {
    expect(isCp932Char(char)).toBe(expected);
  });

  it("maps the JIS forms of JIS X 0208 characters to CP932's, which are the same characters", () => {
    expect(toCp932Variants("1〜2−3‖—¢£¬")).toBe("1～2－3∥―￠￡￢");
    expect(unrepresentableChars(toCp932Variants("千駄木1〜2−3"))).toEqual([]);
  });

  it("knows every BMP character as iconv-lite encodes it on its own", () => {
    const disagree: string[] = [];
    for (let code = 0; code <= 0xffff; code += 1) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCharCode(code);
      const bytes = iconv.encode(char, "cp932");
      const holds = code < 0x80 || !(bytes.length === 1 && bytes[0] === 0x3f);
      if (isCp932Char(char) !== holds) disagree.push(codePointLabel(char));
      if (cp932Lacks(char) === holds && !/[〜−‖—¢£¬]/.test(char)) disagree.push(char);
    }
    expect(disagree).toEqual([]);
  });

  it("writes text as CP932 holds it: JIS forms mapped, what it lacks as 〓, the rest untouched", () => {
    const written = (text: string) => iconv.decode(encodeCp932Text(text), "cp932");
    expect(written("さくら病院,㈱髙橋?\r\n")).toBe("さくら病院,㈱髙橋?\r\n");
    expect(written("千駄木1〜2−3")).toBe("千駄木1～2－3");
    expect(written("𠮷野〜鷗外 😀é?")).toBe("〓野～〓外 〓〓?");
    expect(written("？?ｱ")).toBe("？?ｱ");
    expect(cp932Lacks("千駄木1〜2−3")).toBe(false);
    expect(cp932Lacks("𠮷")).toBe(true);
  });

  it("lists every character it cannot hold, astral ones whole", () => {
    expect(unrepresentableChars("𠮷野𠮷田 森鷗外 😀")).toEqual(["𠮷", "𠮷", "鷗", "😀"]);
    expect(codePointLabel("𠮷")).toBe("U+20BB7");
    expect(codePointLabel("鷗")).toBe("U+9DD7");
    expect(REPLACEMENT_CHAR).toBe("〓");
  });
});

describe("CSV cells", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+81 3 1234", "'+81 3 1234"],
    ["-田中", "'-田中"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tタブ", "'\tタブ"],
    ["\r改行", "'\r改行"],
    ["03-1234-5678", "03-1234-5678"],
    ["さくら病院", "さくら病院"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  it("quotes what needs quoting and ends lines with CRLF", () => {
    const text = csvText(
      ["名前", "備考"],
      [
        ["山田, 花子", '「至急」と"記載"'],
        ["改行\nあり", ""],
      ],
    );
    expect(text).toBe('名前,備考\r\n"山田, 花子","「至急」と""記載"""\r\n"改行\nあり",\r\n');
    expect(parse(text)).toEqual([
      ["名前", "備考"],
      ["山田, 花子", '「至急」と"記載"'],
      ["改行\nあり", ""],
    ]);
  });

  it("writes a streamed record exactly as csv-stringify writes it", () => {
    const cells = [
      "",
      "a,b",
      'say "hi"',
      "cr\ronly",
      "lf\nonly",
      "crlf\r\n",
      "tab\t",
      " sp ",
      "'=1",
    ];
    const records = cells.map((cell) => [cell, cell, "x"]);
    expect(records.map(csvRecord).join("")).toBe(csvText(records[0] ?? [], records.slice(1)));
  });
});

describe("the prefecture's input rules", () => {
  const base: PrefectureReviewInput = {
    id: "00000000-0000-4000-8000-000000000001",
    expectedVersion: 1,
    supplyNeeded: true,
    quantitySets: null,
    overrideReason: "",
    notes: "",
    complete: false,
  };

  function refusedFields(input: Partial<PrefectureReviewInput>, limit = 2) {
    try {
      decidePrefectureInput({ ...base, ...input }, limit);
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      return (error as DomainError).fieldErrors;
    }
    return null;
  }

  it("defaults the quantity to the computed limit, and keeps a reason only above it", () => {
    expect(decidePrefectureInput(base, 2)).toEqual({
      supplyNeeded: true,
      quantitySets: 2,
      overrideReason: null,
    });
    expect(
      decidePrefectureInput({ ...base, quantitySets: 1, overrideReason: "不要な理由" }, 2),
    ).toEqual({
      supplyNeeded: true,
      quantitySets: 1,
      overrideReason: null,
    });
    expect(
      decidePrefectureInput({ ...base, quantitySets: 5, overrideReason: " 急増 " }, 2),
    ).toEqual({
      supplyNeeded: true,
      quantitySets: 5,
      overrideReason: "急増",
    });
    expect(decidePrefectureInput({ ...base, supplyNeeded: null }, 2)).toEqual({
      supplyNeeded: null,
      quantitySets: null,
      overrideReason: null,
    });
    expect(decidePrefectureInput({ ...base, supplyNeeded: false, complete: true }, 2)).toEqual({
      supplyNeeded: false,
      quantitySets: 0,
      overrideReason: null,
    });
  });

  it("refuses what the rules forbid, naming the field", () => {
    expect(refusedFields({ quantitySets: 3 })).toEqual({
      overrideReason: ["購入上限数（算定値 2セット）を超える数量には、理由の入力が必要です。"],
    });
    expect(refusedFields({ supplyNeeded: null, quantitySets: 3 })).toHaveProperty("overrideReason");
    expect(refusedFields({ quantitySets: 0 })).toHaveProperty("quantitySets");
    expect(refusedFields({ supplyNeeded: false, quantitySets: 1 })).toHaveProperty("quantitySets");
    expect(refusedFields({ supplyNeeded: null, complete: true })).toEqual({
      supplyNeeded: ["配送要否を選択してください。"],
    });
    expect(refusedFields({ supplyNeeded: false, quantitySets: 0 })).toBeNull();
  });
});

describe("the current round's prefecture due time", () => {
  it("is Thursday 17:00 after the Wednesday deadline, until it passes", () => {
    expect(currentRound(jst("2026-12-02 16:59:00"))).toMatchObject({
      weekStart: "2026-11-25",
      sosDeadline: new Date("2026-12-02T08:00:00Z"),
      prefectureDue: new Date("2026-12-03T08:00:00Z"),
    });
    expect(currentRound(jst("2026-12-03 17:00:00")).weekStart).toBe("2026-11-25");
    expect(currentRound(jst("2026-12-03 17:00:01")).weekStart).toBe("2026-12-02");
  });

  it("moves to the next business day when the Thursday is a holiday (昭和の日 2027-04-29)", () => {
    expect(currentRound(jst("2027-04-29 10:00:00"))).toMatchObject({
      weekStart: "2027-04-21",
      prefectureDue: new Date("2027-04-30T08:00:00Z"),
    });
  });
});
