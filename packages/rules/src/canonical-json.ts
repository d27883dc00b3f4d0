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
    case "object": {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
    }
    default:
      throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
  }
}
