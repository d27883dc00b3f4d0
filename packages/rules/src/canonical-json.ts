/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no whitespace,
 * numbers only as safe integers. The same value always gives the same bytes,
 * so a stored allocation and its recomputation can be compared byte for byte
 * and hashed. (A subset of RFC 8785: integers only, which sidesteps number
 * formatting altogether.)
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "string":
      return JSON.stringify(value);
    case "number":
      if (!Number.isSafeInteger(value)) {
        throw new RangeError(`canonical JSON holds safe integers only, got ${String(value)}`);
      }
      // -0 is written as 0.
      return String(value === 0 ? 0 : value);
    case "object":
      return Array.isArray(value) ? array(value) : object(value as Record<string, unknown>);
    default:
      throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
  }
}

// Loops and += rather than map/join: a week's result is ~20 MB of JSON.
function array(value: readonly unknown[]): string {
  let out = "[";
  for (let i = 0; i < value.length; i++) out += (i === 0 ? "" : ",") + canonicalJson(value[i]);
  return `${out}]`;
}

function object(value: Record<string, unknown>): string {
  // Default sort compares UTF-16 code units, as the canonical order requires.
  const keys = Object.keys(value).sort();
  let out = "{";
  let first = true;
  for (const key of keys) {
    const v = value[key];
    if (v === undefined) continue;
    out += `${first ? "" : ","}${JSON.stringify(key)}:${canonicalJson(v)}`;
    first = false;
  }
  return `${out}}`;
}
