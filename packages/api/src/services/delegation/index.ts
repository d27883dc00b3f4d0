export { delegateClients } from "./clients";
export { grantDelegation, listDelegations, revokeDelegation } from "./grants";
export { searchDelegates } from "./search";
