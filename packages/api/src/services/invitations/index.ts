export { acceptInvitation, INVITATION_STATE_MESSAGES, invitationPage } from "./accept";
export {
  DEFAULT_BATCH_SIZE,
  DEFAULT_PACE_SECONDS,
  invitationProgress,
  runInvitationBatch,
  startBulkInvitation,
} from "./bulk";
export {
  createInvitation,
  INVITATION_TTL_DAYS,
  type InviteActor,
  resendInstitutionInvitation,
} from "./create";
export { INVITATION_MAIL_KIND, invitationMail, invitationUrl } from "./mail";
export { type Invitee, mayInvite } from "./may-invite";
