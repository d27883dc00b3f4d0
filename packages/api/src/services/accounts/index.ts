export {
  type AccountChangeRequest,
  AccountRefused,
  changeAccount,
  LAST_ACTIVE_USER_MESSAGE,
  REMOVED_MESSAGE,
} from "./change";
export { type AccountListRequest, listManagedAccounts, listPermissions } from "./list";
