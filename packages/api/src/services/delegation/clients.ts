import type { Db } from "@sos/db";
import { findOrganisationOfUser, listClientsOfOrganisation } from "@sos/db/repositories/delegation";
import type { DelegateClients } from "../../schemas/delegation";
import { toOrganisationView } from "./search";

/** What a delegate's user may pick: the institutions that consent to its organisation now. */
export async function delegateClients(db: Db, userId: string): Promise<DelegateClients> {
  const organisation = await findOrganisationOfUser(db, userId);
  if (!organisation) throw new Error(`delegate user ${userId} without an organisation`);
  const clients = await listClientsOfOrganisation(db, organisation.id);
  return { organisation: toOrganisationView(organisation), clients };
}
