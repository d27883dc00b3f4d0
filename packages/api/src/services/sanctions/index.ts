export {
  ALREADY_LIFTED_MESSAGE,
  createSanction,
  INSTITUTION_NOT_FOUND_MESSAGE,
  liftSanction,
  listSanctions,
  SANCTION_STATES,
  type SanctionState,
  sanctionTarget,
} from "./sanctions";
