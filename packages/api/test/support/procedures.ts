import type { z } from "zod";
import type { ProcedureMeta } from "../../src/trpc";

export interface ProcedureInfo {
  /** "sos.create" */
  path: string;
  type: "query" | "mutation" | "subscription";
  /** Its .input() schemas, in order (none for a procedure without input). */
  inputs: z.core.$ZodType[];
  /** What the procedure declared with .meta() (undefined: nothing). */
  meta: ProcedureMeta | undefined;
}

/** Every procedure of a tRPC router, read from the router itself. */
export function listProcedures(router: { _def: { procedures: object } }): ProcedureInfo[] {
  return Object.entries(router._def.procedures as Record<string, unknown>).map(
    ([path, procedure]) => {
      const def = (procedure as { _def: Omit<ProcedureInfo, "path"> })._def;
      return { path, type: def.type, inputs: def.inputs, meta: def.meta };
    },
  );
}
