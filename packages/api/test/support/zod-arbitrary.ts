import fc from "fast-check";
import { z } from "zod";

type Schema = z.core.$ZodType;

interface AnyDef {
  type: string;
  format?: string;
  [key: string]: unknown;
}

/** Code units nobody types, mixed with the ones people do. */
const unit = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "\u0000",
      "\uD800",
      "\uDBFF",
      "\uDC00",
      "\uDFFF",
      "\u0001",
      "\u001b",
      "\u007f",
      "\u0085",
      "\u200b",
      "\u2028",
      "\ufeff",
      "\ufffe",
      "\uffff",
      "\n",
      "\r",
      "\t",
      "'",
      '"',
      "\\",
      "%",
      "_",
      ",",
      "　",
    ),
  },
  { weight: 3, arbitrary: fc.constantFrom(..."0123456789０１２３４５６７８９-－ーabcXYZ@.") },
  { weight: 2, arbitrary: fc.constantFrom(..."山田病院東京都千代田区あいうアイウｱｲｳ😀🏥") },
  { weight: 2, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
);

/** Up to a million characters, sometimes with a NUL or a lone surrogate in the middle. */
const huge = fc
  .tuple(
    fc.integer({ min: 10_000, max: 1_000_000 }),
    fc.constantFrom("あ", "a", "0"),
    fc.constantFrom("", "\u0000", "\uD800"),
  )
  .map(([length, fill, poison]) => {
    const half = fill.repeat(Math.floor(length / 2));
    return `${half}${poison}${half}`;
  });

export const nastyString = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit, maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "",
      " ",
      "　",
      "-1",
      "１，０００",
      "null",
      "__proto__",
      "constructor",
      "'; drop table users; --",
      "<script>alert(1)</script>",
      "%00",
      "2026-02-30",
      "9999-12-31",
    ),
  },
  { weight: 1, arbitrary: huge },
);

/** Values of every type, JavaScript's odd ones included (the in-process caller passes them as is). */
export const oddValue = fc.anything({
  maxDepth: 2,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withTypedArray: true,
  withSparseArray: true,
  withBoxedValues: true,
});

const nastyNumber = fc.oneof(
  fc.integer(),
  fc.integer({ min: -2, max: 20 }),
  fc.double(),
  fc.constantFrom(0, -0, 1e308, -1e308, 2 ** 53 + 1, 0.5, Number.NaN, Number.POSITIVE_INFINITY),
);

function ymd(date: Date): string {
  return Number.isNaN(date.getTime()) ? "2026-11-25" : date.toISOString().slice(0, 10);
}

export interface ArbitraryContext {
  /** Real ids of the world, so inputs sometimes name existing rows. */
  ids: readonly string[];
  /** Real tokens (purchase links, confirmations). */
  tokens: readonly string[];
}

/** Values that some field or other accepts as they are. */
const PLAUSIBLE_STRINGS = [
  "山田　花子",
  "東京都千代田区霞が関1-2-2",
  "03-5253-1111",
  "100-8916",
  "1390000001",
  "taro@example.jp",
  "2026-11-25",
  "2026-12-16",
  "Tegukuro-Test-2026",
  "ヤマト運輸",
  "abc",
  "病院",
  Buffer.from("医療機関コード,施設名,郵便番号,住所,電話番号,メールアドレス\n").toString("base64"),
];
const PLAUSIBLE_NUMBERS = [0, 1, 2, 4, 50, 1000, 2000];
const POISONS = ["\u0000", "\uD800", "\uDFFF", "\uDBFF\u0000"];

/** Whether a leaf takes a value; a leaf that throws (a refinement on garbage) does not. */
function accepts(node: Schema, value: unknown): boolean {
  try {
    return z.safeParse(node, value).success;
  } catch {
    return false;
  }
}

/** A value the field accepts with a NUL or a lone surrogate slipped in somewhere. */
function poisoned(values: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...values), fc.constantFrom(...POISONS), fc.nat())
    .map(([value, poison, at]) => {
      const i = at % (value.length + 1);
      return `${value.slice(0, i)}${poison}${value.slice(i)}`;
    });
}

/**
 * Values for a zod input schema, read from its definition: mostly the right
 * shape, each leaf either a value the field accepts (tried from a list against
 * the leaf itself), the same with a NUL or lone surrogate slipped in, or hostile
 * (strings above, odd numbers, random ids); now and then any value at all in
 * place of any node.
 */
export function arbitraryFor(schema: Schema, context: ArbitraryContext): fc.Arbitrary<unknown> {
  const strings = (node: Schema, def: AnyDef): fc.Arbitrary<unknown> => {
    const candidates = [...PLAUSIBLE_STRINGS, ...context.ids, ...context.tokens];
    const accepted = candidates.filter((value) => accepts(node, value));
    const choices: fc.WeightedArbitrary<unknown>[] = [{ weight: 3, arbitrary: nastyString }];
    if (accepted.length > 0) {
      // Mostly values the field takes, so that the other fields let a poisoned one through.
      choices.push(
        { weight: 8, arbitrary: fc.constantFrom(...accepted) },
        { weight: 3, arbitrary: poisoned(accepted) },
      );
    }
    if (def.format === "guid" || def.format === "uuid") {
      choices.push({ weight: 1, arbitrary: fc.uuid() });
    } else if (def.format === "date") {
      const dates = fc.date({ min: new Date("2025-01-01"), max: new Date("2028-12-31") });
      choices.push({ weight: 2, arbitrary: dates.map(ymd) });
    }
    return fc.oneof(...choices);
  };

  const numbers = (node: Schema): fc.Arbitrary<unknown> => {
    const accepted = PLAUSIBLE_NUMBERS.filter((value) => accepts(node, value));
    if (accepted.length === 0) return nastyNumber;
    return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...accepted) }, nastyNumber);
  };

  function build(node: Schema, depth: number): fc.Arbitrary<unknown> {
    const def = node._zod.def as unknown as AnyDef;
    const inner = (value: unknown) => build(value as Schema, depth + 1);
    let shaped: fc.Arbitrary<unknown>;
    switch (def.type) {
      case "string":
        shaped = strings(node, def);
        break;
      case "number":
      case "int":
        shaped = numbers(node);
        break;
      case "boolean":
        shaped = fc.boolean();
        break;
      case "enum":
        shaped = fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
        break;
      case "literal":
        shaped = fc.constantFrom(...(def.values as unknown[]));
        break;
      case "optional":
      case "nonoptional":
      case "readonly":
      case "catch":
      case "success":
        shaped = inner(def.innerType);
        break;
      case "nullable":
        shaped = fc.oneof(fc.constant(null), inner(def.innerType));
        break;
      case "default":
      case "prefault":
        shaped = fc.oneof(fc.constant(undefined), inner(def.innerType));
        break;
      case "object": {
        const shape = def.shape as Record<string, Schema>;
        const record = Object.fromEntries(
          Object.entries(shape).map(([key, value]) => [key, inner(value)]),
        );
        shaped = fc.oneof(
          { weight: 6, arbitrary: fc.record(record, { requiredKeys: Object.keys(shape) }) },
          { weight: 3, arbitrary: fc.record(record, { requiredKeys: [] }) },
          {
            weight: 1,
            arbitrary: fc
              .tuple(fc.record(record), fc.dictionary(nastyString, oddValue, { maxKeys: 3 }))
              .map(([known, extra]) => ({ ...extra, ...known })),
          },
        );
        break;
      }
      case "array":
        shaped = fc.array(inner(def.element), { maxLength: depth > 2 ? 2 : 5 });
        break;
      case "tuple":
        shaped = fc.tuple(...(def.items as Schema[]).map((item) => inner(item)));
        break;
      case "record":
        shaped = fc.dictionary(nastyString, inner(def.valueType), { maxKeys: 4 });
        break;
      case "union":
        shaped = fc.oneof(...(def.options as Schema[]).map((option) => inner(option)));
        break;
      case "intersection":
        shaped = inner(def.left);
        break;
      case "pipe":
        shaped = inner(def.in);
        break;
      case "lazy":
        shaped = depth > 4 ? oddValue : inner((def.getter as () => Schema)());
        break;
      default:
        shaped = oddValue;
    }
    return fc.oneof({ weight: 12, arbitrary: shaped }, { weight: 1, arbitrary: oddValue });
  }

  return build(schema, 0);
}
