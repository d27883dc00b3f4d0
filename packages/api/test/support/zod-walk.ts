import type { z } from "zod";

type Schema = z.core.$ZodType;

/** What a walk finds at one place of a schema. */
export type Visit =
  | { kind: "string"; path: string; schema: Schema }
  | { kind: "opaque"; path: string; type: string };

// Types whose values cannot hide a string.
const LEAVES = new Set([
  "number",
  "int",
  "boolean",
  "bigint",
  "null",
  "undefined",
  "void",
  "never",
  "nan",
  "date",
  "enum",
  "literal",
  "transform",
]);

// Wrappers with one inner schema.
const WRAPPERS = new Set([
  "optional",
  "nullable",
  "nonoptional",
  "default",
  "prefault",
  "catch",
  "readonly",
  "success",
  "promise",
]);

interface AnyDef {
  type: string;
  [key: string]: unknown;
}

/**
 * Every place of an input schema a string can reach, by zod's own definitions
 * (zod 4 `_zod.def`): string schemas, and "opaque" ones (any, unknown, custom…)
 * whose contents nobody can vouch for. Both sides of a pipe are walked.
 */
export function walkSchema(root: Schema, rootPath = ""): Visit[] {
  const visits: Visit[] = [];
  const seen = new Set<Schema>();

  function walk(schema: Schema, path: string): void {
    if (seen.has(schema)) return;
    seen.add(schema);
    const def = schema._zod.def as unknown as AnyDef;
    const at = (key: string | number) => (path === "" ? String(key) : `${path}.${key}`);
    const child = (value: unknown, childPath: string) => {
      if (value !== undefined) walk(value as Schema, childPath);
    };
    if (def.type === "string") {
      visits.push({ kind: "string", path, schema });
    } else if (LEAVES.has(def.type)) {
      return;
    } else if (WRAPPERS.has(def.type)) {
      child(def.innerType, path);
    } else if (def.type === "object") {
      for (const [key, value] of Object.entries(def.shape as Record<string, Schema>)) {
        walk(value, at(key));
      }
      child(def.catchall, at("*"));
    } else if (def.type === "array" || def.type === "set") {
      child(def.element ?? def.valueType, at("0"));
    } else if (def.type === "tuple") {
      (def.items as Schema[]).forEach((item, i) => {
        walk(item, at(i));
      });
      child(def.rest, at("*"));
    } else if (def.type === "record" || def.type === "map") {
      child(def.keyType, at("(key)"));
      child(def.valueType, at("*"));
    } else if (def.type === "union") {
      for (const option of def.options as Schema[]) walk(option, path);
    } else if (def.type === "intersection") {
      child(def.left, path);
      child(def.right, path);
    } else if (def.type === "pipe") {
      child(def.in, path);
      child(def.out, path);
    } else if (def.type === "lazy") {
      walk((def.getter as () => Schema)(), path);
    } else {
      visits.push({ kind: "opaque", path, type: def.type });
    }
  }

  walk(root, rootPath);
  return visits;
}
