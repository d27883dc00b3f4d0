import { createHash } from "node:crypto";
import type { Db } from "@sos/db";
import {
  approvedRequestsOfWeek,
  sizesAskedBy,
  supplyOfWeek,
} from "@sos/db/repositories/allocation";
import { saleSizes } from "@sos/db/repositories/product";
import type { AllocationInput, AllocationParameters, AllocationRequestInput } from "@sos/rules";

/** The size a request asks for when it named none: its whole approved quantity. */
export const DEFAULT_ASK_SIZE = "M";

/**
 * A request's pseudonymous code in the published files: the first 16 hex digits
 * of SHA-256("sos-allocation-code" LF request id). Request ids are random and
 * never published, so the code does not name the institution; it is fixed when
 * the request is filed, before any seed, so nobody can pick codes to suit a
 * lottery. The institution sees its own code beside its allocation.
 */
export function allocationCode(requestId: string): string {
  return createHash("sha256")
    .update(`sos-allocation-code\n${requestId}`)
    .digest("hex")
    .slice(0, 16);
}

export interface WeekInput {
  input: AllocationInput;
  /** code -> request id, kept private. */
  requestOfCode: Map<string, string>;
  /** size -> product_sizes.id of the product on sale. */
  sizeIds: Map<string, string>;
  /** code -> the request's prefecture (for the ministry's fill rates; never published with the code). */
  prefectureOfCode: Map<string, number>;
}

/**
 * The rule's input for a week: the stated supply of every size on sale (0 for
 * a size not stated), and every accepted request of the week with its figures,
 * approved quantity, agreement flag and asks per size.
 */
export async function weekInput(
  db: Db,
  {
    weekStart,
    parameters,
    seed,
  }: { weekStart: string; parameters: AllocationParameters; seed: string },
): Promise<WeekInput> {
  const [sizes, stated, requests] = await Promise.all([
    saleSizes(db),
    supplyOfWeek(db, weekStart),
    approvedRequestsOfWeek(db, weekStart),
  ]);
  const asks = await sizesAskedBy(
    db,
    requests.map((r) => r.id),
  );
  const asksOf = new Map<string, Record<string, number>>();
  for (const ask of asks) {
    const own = asksOf.get(ask.requestId) ?? {};
    own[ask.size] = ask.sets;
    asksOf.set(ask.requestId, own);
  }
  const requestOfCode = new Map<string, string>();
  const prefectureOfCode = new Map<string, number>();
  const rows: AllocationRequestInput[] = requests.map((r) => {
    const code = allocationCode(r.id);
    requestOfCode.set(code, r.id);
    prefectureOfCode.set(code, r.prefectureCode);
    return {
      code,
      supplyAgreement: r.supplyAgreement,
      stock: r.stock,
      consumption: r.consumption,
      purchases: r.purchases,
      limitSets: r.limitSets,
      requested: asksOf.get(r.id) ?? (r.limitSets > 0 ? { [DEFAULT_ASK_SIZE]: r.limitSets } : {}),
    };
  });
  return {
    input: {
      supply: sizes.map((s) => ({
        size: s.size,
        sets: stated.find((row) => row.size === s.size)?.sets ?? 0,
      })),
      requests: rows,
      parameters,
      seed,
    },
    requestOfCode,
    prefectureOfCode,
    sizeIds: new Map(sizes.map((s) => [s.size, s.id])),
  };
}
