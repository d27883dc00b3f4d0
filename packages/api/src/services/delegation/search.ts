import type { Db } from "@sos/db";
import {
  type DelegateOrganisationRow,
  searchDelegateOrganisations,
} from "@sos/db/repositories/delegation";
import { DELEGATE_KIND_LABELS_JA } from "@sos/domain";
import { toHalfWidth } from "@sos/rules";
import type { DelegateOrganisation } from "../../schemas/delegation";

const SEARCH_LIMIT = 20;

export function toOrganisationView(row: DelegateOrganisationRow): DelegateOrganisation {
  return { ...row, kindLabel: DELEGATE_KIND_LABELS_JA[row.kind] };
}

/**
 * An institution looks up its association or head office: the code as typed
 * (full-width letters and digits accepted) or any part of the name.
 */
export async function searchDelegates(db: Db, query: string): Promise<DelegateOrganisation[]> {
  const rows = await searchDelegateOrganisations(db, {
    code: toHalfWidth(query).toUpperCase(),
    namePart: query.trim(),
    limit: SEARCH_LIMIT,
  });
  return rows.map(toOrganisationView);
}
