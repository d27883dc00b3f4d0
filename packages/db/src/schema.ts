import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

// Column names are camelCase here; CamelCasePlugin maps them to the snake_case
// columns of the migrations. Raw `sql` fragments must use the snake_case names.

/** A timestamptz with a default (`now()`): an insert may leave it out. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A timestamptz without a default: every insert gives it. */
type TimestampGiven = ColumnType<Date, Date | string, Date | string>;
type TimestampNullable = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
/** `date` columns are read as "YYYY-MM-DD" strings (see the pg type parser in connect.ts). */
type DateOnly = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string | undefined, string>;

export interface PrefecturesTable {
  code: number;
  name: string;
  nameEn: string;
}

export interface InstitutionsTable {
  id: Generated<string>;
  code: string;
  name: string;
  type: "hospital" | "clinic" | "home_nursing" | "pharmacy" | "midwifery";
  prefectureCode: number;
  postcode: string;
  address: string;
  phone: string;
  contactName: Generated<string>;
  email: string;
  active: Generated<boolean>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  displayName: string;
  email: string;
  role: "institution" | "prefecture" | "ministry" | "vendor" | "delegate";
  institutionId: string | null;
  prefectureCode: number | null;
  /** The delegate organisation of a 'delegate' user (0015); null for every other role. */
  delegateOrganisationId: ColumnType<string | null, string | null | undefined, string | null>;
  passwordHash: string;
  passwordChangedAt: Timestamp;
  disabledAt: TimestampNullable;
  createdAt: Timestamp;
  /** The prefecture's lead officer (主担当): manages its prefecture's other officers (0014). */
  leadOfficer: Generated<boolean>;
  /** Removed by a colleague (0014): stays disabled; the row stays for the history. */
  removedAt: TimestampNullable;
  removedBy: string | null;
}

export interface SessionsTable {
  id: string;
  userId: string;
  createdAt: Timestamp;
  lastSeenAt: Timestamp;
  expiresAt: TimestampGiven;
  ip: string | null;
  userAgent: string | null;
  /** false: ends only at expiresAt (an institution's trusted browser until the week closes, 0010). */
  idleTimeout: Generated<boolean>;
}

export interface PasswordResetTokensTable {
  id: string;
  userId: string;
  createdAt: Timestamp;
  expiresAt: TimestampGiven;
  usedAt: TimestampNullable;
}

export interface SignInThrottleTable {
  key: string;
  failures: Generated<number>;
  firstFailureAt: Timestamp;
  lastFailureAt: Timestamp;
  blockedUntil: TimestampNullable;
  /** Attempts turned away while blocked (0008). */
  refused: Generated<number>;
  alertedAt: TimestampNullable;
}

/** A browser that has signed in to the account (0008): the SHA-256 of its device cookie's token. */
export interface TrustedDevicesTable {
  id: string;
  userId: string;
  createdAt: TimestampGiven;
  expiresAt: TimestampGiven;
}

export interface SignInAlertsTable {
  id: Generated<string>;
  raisedAt: TimestampGiven;
  scope: "account" | "ip" | "device";
  subject: string;
  attempts: number;
  since: TimestampGiven;
  mailed: boolean;
}

/** The read-only switch: at most one row (id true); none means writes are open. */
export interface MaintenanceModeTable {
  id: Generated<boolean>;
  readOnly: boolean;
  reason: string;
  changedAt: TimestampGiven;
  changedBy: string | null;
  changedVia: "console" | "cli";
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: Json<Record<string, unknown>>;
}

export interface MailOutboxTable {
  id: Generated<string>;
  kind: string;
  toAddress: string;
  fromAddress: string;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  /** The body carries a live link; once sent it holds SENT_SECRET_MAIL_TEXT only (see outbox.ts). */
  secret: Generated<boolean>;
  createdAt: Timestamp;
  status: ColumnType<MailStatus, "pending" | undefined, MailStatus>;
  attempts: Generated<number>;
  lastError: string | null;
  sentAt: TimestampNullable;
  /** 0006: the attempt holding the send ('sending' only): graphile job and worker. */
  sendingJobId: ColumnType<string | null, never, string | null>;
  sendingWorker: ColumnType<string | null, never, string | null>;
  sendingSince: ColumnType<Date | null, never, Date | string | null>;
  /** 0006: attempts found cut off between the SMTP send and marking it sent. */
  interruptedAttempts: Generated<number>;
  /** 0013: the SMTP server refused the address for good (a 5xx reply); the mail is failed. */
  rejectedAt: TimestampNullable;
}

/** 'sending': claimed by an attempt that has not yet recorded its outcome (0006). */
export type MailStatus = "pending" | "sending" | "sent" | "failed";

/** A server process running jobs, alive while its session and heartbeat are (0006). */
export interface WorkerProcessesTable {
  id: string;
  hostname: string;
  pid: number;
  startedAt: Generated<Date>;
  heartbeatAt: Generated<Date>;
  backendPid: number;
  backendStart: Date;
}

/** Every graphile-worker worker id of a process, registered before it takes a job (0006). */
export interface WorkerProcessWorkersTable {
  workerId: string;
  processId: string;
  registeredAt: Generated<Date>;
}

export interface WeeklySurveysTable {
  id: Generated<string>;
  institutionId: string;
  weekStart: DateOnly;
  createdAt: Timestamp;
  stock: number | null;
  consumption: number | null;
  purchases: number | null;
  answeredAt: TimestampNullable;
  answeredBy: string | null;
  updatedAt: Timestamp;
  /** The delegate organisation that entered the latest answer (代理入力, 0015); null: the institution. */
  answeredByDelegateId: ColumnType<string | null, string | null | undefined, string | null>;
}

/** One saved survey answer's receipt (0010): 受付番号 and when the server accepted it. */
export interface SurveyReceiptsTable {
  id: Generated<string>;
  /** 「20261202-0000123」: the survey week and a sequence value. */
  number: string;
  institutionId: string;
  weekStart: DateOnly;
  /** When the server took the request in; the deadline is judged on this. */
  acceptedAt: TimestampGiven;
  storedAt: TimestampGiven;
  answeredBy: string;
  action: "survey.answer" | "survey.edit" | "survey.copy_previous";
  stock: number;
  consumption: number;
  purchases: number;
  /** The client's idempotency key, unique per user; null when none was sent. */
  idempotencyKey: string | null;
  /** The delegate organisation that entered this answer (代理入力, 0015); null: the institution. */
  delegateOrganisationId: ColumnType<string | null, string | null | undefined, string | null>;
}

export type SosStatusColumn =
  | "draft"
  | "error"
  | "reviewing"
  | "accepted"
  | "not_eligible"
  | "withdrawn";

export interface SosRequestsTable {
  id: Generated<string>;
  institutionId: string;
  prefectureCode: number;
  weekStart: DateOnly;
  status: ColumnType<SosStatusColumn, SosStatusColumn | undefined, SosStatusColumn>;
  reviewStage: "prefecture" | "ministry" | null;
  conditionsConfirmed: boolean;
  contactName: Generated<string>;
  contactPhone: string | null;
  notes: Generated<string>;
  surveyId: string | null;
  appliedAt: TimestampNullable;
  late: Generated<boolean>;
  handleFrom: ColumnType<string | null, string | null | undefined, string | null>;
  errorReasons: Json<string[]>;
  closedReason: string | null;
  createdBy: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  version: Generated<number>;
  /** The survey figures and purchase limit the last system check saw (0002); null before any check. */
  checkedStock: number | null;
  checkedConsumption: number | null;
  checkedPurchases: number | null;
  checkedLimitSets: number | null;
  /** Why the last check failed, as shown then: [{ code, message, surveyId }] (0002). */
  errorDetails: Json<SosCheckErrorDetail[]>;
  /** The institution's name, kept by triggers for the queue's name sort (0011); never written here. */
  institutionName: ColumnType<string, never, never>;
  /** The delegate organisation that created it for the institution (代理入力, 0015); null: itself. */
  createdByDelegateId: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SosCheckErrorDetail {
  code: string;
  message: string;
  /** The survey to fix, when the reason is about the survey. */
  surveyId: string | null;
}

export interface SosRequestHistoryTable {
  id: Generated<string>;
  requestId: string;
  at: Timestamp;
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  changes: Json<Record<string, unknown>>;
  /** The delegate organisation whose user acted for the institution (代理入力, 0015). */
  delegateOrganisationId: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SosRequestViewsTable {
  userId: string;
  requestId: string;
  viewedAt: Timestamp;
}

export interface PrefectureReviewsTable {
  requestId: string;
  supplyNeeded: boolean | null;
  quantitySets: number | null;
  computedLimitSets: number;
  overrideReason: string | null;
  notes: Generated<string>;
  notEligibleReason: string | null;
  completedAt: TimestampNullable;
  completedBy: string | null;
  updatedAt: Timestamp;
  updatedBy: string | null;
  version: Generated<number>;
}

export interface MinistryApprovalsTable {
  requestId: string;
  quantitySets: number;
  adjustReason: string | null;
  approvedAt: Timestamp;
  approvedBy: string;
  /** The target list (④) it was handed over on (0003); null until then. */
  targetBatchId: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ReviewReturnsTable {
  id: Generated<string>;
  requestId: string;
  reason: string;
  returnedAt: Timestamp;
  returnedBy: string;
}

export interface SanctionsTable {
  id: Generated<string>;
  institutionId: string;
  reason: string;
  effectiveFrom: DateOnly;
  liftedAt: TimestampNullable;
  createdBy: string;
  createdAt: Timestamp;
  /** Who lifted it and why (0003); null while in force, and on sanctions lifted before 0003. */
  liftedBy: ColumnType<string | null, string | null | undefined, string | null>;
  liftReason: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface TargetBatchesTable {
  id: Generated<string>;
  number: number;
  issuedAt: Timestamp;
  issuedBy: string;
  /** How many items and sets the list holds, written when it is issued (0003). */
  itemCount: Generated<number>;
  totalSets: Generated<number>;
  /** Whether Shift_JIS (CP932) holds the list, decided once after issuing (0012); null = not yet. */
  cp932Check: ColumnType<unknown, string | undefined, string | null>;
}

export interface TargetItemsTable {
  id: Generated<string>;
  batchId: string;
  requestId: string;
  institutionId: string;
  institutionCode: string;
  name: string;
  prefectureCode: number;
  postcode: string;
  address: string;
  phone: string;
  contactName: string;
  email: string;
  limitSets: number;
  /** The list's hyphenated forms, written when it is issued (0012); null: format when read. */
  phoneDisplay: Generated<string | null>;
  postcodeDisplay: Generated<string | null>;
}

export type PaymentMethodColumn = "invoice" | "bank_transfer" | "cash_on_delivery";

export interface VendorRegistrationsTable {
  id: Generated<string>;
  institutionCode: string;
  facilityName: string;
  postcode: string;
  address: string;
  phone: string;
  email: string;
  paymentMethod: PaymentMethodColumn;
  source: ColumnType<"web" | "import", "web" | "import" | undefined, "web" | "import">;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  /** When and how the institution proved the registration is its own (0007); null: not yet. */
  confirmedAt: TimestampNullable;
  confirmedVia: "mail" | "institution" | null;
}

/** A storefront registration waiting for its one-time link to be opened (0007). */
export interface VendorRegistrationConfirmationsTable {
  id: Generated<string>;
  tokenHash: string;
  institutionCode: string;
  facilityName: string;
  postcode: string;
  address: string;
  phone: string;
  email: string;
  paymentMethod: PaymentMethodColumn;
  sentTo: string;
  createdAt: Timestamp;
  expiresAt: TimestampGiven;
  confirmedAt: TimestampNullable;
  registrationId: string | null;
}

export interface PurchaseLinksTable {
  id: Generated<string>;
  targetItemId: string;
  tokenHash: string;
  expiresAt: TimestampGiven;
  revokedAt: TimestampNullable;
  createdAt: Timestamp;
  createdBy: string | null;
}

export interface PurchaseLinkSendsTable {
  id: Generated<string>;
  purchaseLinkId: string;
  mailId: string;
  sentBy: string | null;
  at: Timestamp;
}

export interface ProductsTable {
  id: Generated<string>;
  name: string;
  piecesPerSet: Generated<number>;
  active: Generated<boolean>;
}

export type GloveSizeColumn = "SS" | "S" | "M" | "L" | "LL";

export interface ProductSizesTable {
  id: Generated<string>;
  productId: string;
  size: GloveSizeColumn;
  stockSets: number;
  sortOrder: Generated<number>;
  /** Sets held for committed allocations, at most stockSets (0018). */
  reservedSets: Generated<number>;
}

export interface OrdersTable {
  id: Generated<string>;
  orderNumber: string;
  targetItemId: string;
  institutionId: string;
  purchaseLinkId: string;
  totalSets: number;
  deliveryName: string;
  deliveryPostcode: string;
  deliveryAddress: string;
  deliveryPhone: string;
  paymentMethod: PaymentMethodColumn;
  status: ColumnType<
    "ordered" | "shipped" | "delivered" | "cancelled",
    "ordered" | undefined,
    "ordered" | "shipped" | "delivered" | "cancelled"
  >;
  createdAt: Timestamp;
  /** Where the confirmation went; shipping notices follow it (0004). */
  notifyEmail: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface OrderLinesTable {
  orderId: string;
  productSizeId: string;
  sets: number;
}

export interface ShipmentsTable {
  id: Generated<string>;
  orderId: string;
  carrier: string;
  trackingNumber: string;
  shippedAt: Timestamp;
  shippedBy: string | null;
  deliveredAt: TimestampNullable;
  /** 0004 */
  deliveredBy: ColumnType<string | null, string | null | undefined, string | null>;
  /** The institution's 受領確認 (0020): when, and which of its users; both or neither. */
  receivedAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
  receivedBy: ColumnType<string | null, string | null | undefined, string | null>;
}

export type PurchaseLinkRunItemState = "pending" | "sent" | "skipped" | "failed";
export type PurchaseLinkSkipReason =
  | "not_registered"
  | "mismatched"
  | "needs_check"
  | "already_sent"
  | "ordered"
  | "error";

/** One "send purchase links" action of the vendor (0004); the id is chosen by the client. */
export interface PurchaseLinkRunsTable {
  id: string;
  batchId: string;
  resend: Generated<boolean>;
  allowMismatched: Generated<boolean>;
  total: number;
  createdBy: string;
  createdAt: Timestamp;
  finishedAt: TimestampNullable;
}

export interface PurchaseLinkRunItemsTable {
  runId: string;
  targetItemId: string;
  state: ColumnType<
    PurchaseLinkRunItemState,
    PurchaseLinkRunItemState | undefined,
    PurchaseLinkRunItemState
  >;
  reason: PurchaseLinkSkipReason | null;
  purchaseLinkId: string | null;
  doneAt: TimestampNullable;
}

/** A reminder to register, sent to a 未登録 institution at the ministry's address (0004). */
export interface RegistrationRemindersTable {
  id: Generated<string>;
  targetItemId: string;
  mailId: string;
  sentBy: string | null;
  at: Timestamp;
}

/** The sets of a size the ministry states for a week (0018). */
export interface AllocationSuppliesTable {
  weekStart: DateOnly;
  size: GloveSizeColumn;
  sets: number;
  statedBy: string;
  statedAt: TimestampGiven;
}

/** An institution under a supply agreement: a tier criterion of the allocation (0018). */
export interface SupplyAgreementsTable {
  institutionId: string;
  notedBy: string;
  notedAt: TimestampGiven;
}

/** Sets a request asks for per size (0018). */
export interface SosRequestSizesTable {
  requestId: string;
  size: GloveSizeColumn;
  sets: number;
}

/** A week's lottery seed: its SHA-256 public before the cutoff, the seed after it (0018). */
export interface AllocationSeedsTable {
  weekStart: DateOnly;
  seedSha256: string;
  seed: string;
  committedBy: string;
  committedAt: TimestampGiven;
  revealedAt: TimestampNullable;
}

/** A committed allocation with its whole input and result as canonical JSON (0018). */
export interface AllocationRunsTable {
  id: Generated<string>;
  weekStart: DateOnly;
  rule: string;
  inputJson: string;
  resultJson: string;
  inputSha256: string;
  resultSha256: string;
  parametersReason: string | null;
  committedBy: string;
  committedAt: TimestampGiven;
}

/** Sets allocated to a request in a size, reserved until taken by its purchase (0018). */
export interface AllocationLinesTable {
  runId: string;
  requestId: string;
  code: string;
  productSizeId: string;
  size: GloveSizeColumn;
  sets: number;
  takenSets: Generated<number>;
}

/** One request week's open figures as published, CSV and JSON, never changed (0019). */
export interface OpenWeeklyFiguresTable {
  weekStart: DateOnly;
  asOf: TimestampGiven;
  publishedAt: TimestampGiven;
  rowCount: number;
  suppressedCells: number;
  csv: string;
  json: string;
  csvSha256: string;
  jsonSha256: string;
}

/** A registry file the ministry uploaded in the review console, with its preview (0016). */
export interface RegistryUploadsTable {
  id: Generated<string>;
  fileName: string;
  /** SHA-256 (hex) of the bytes. */
  fileDigest: string;
  /** The file itself until it is applied. */
  bytes: ColumnType<Buffer | null, Buffer, Buffer | null>;
  encoding: "utf8" | "cp932";
  rowCount: number;
  errorCount: number;
  counts: ColumnType<unknown, string, string>;
  /** SHA-256 (hex) of the difference the preview showed. */
  previewDigest: string;
  uploadedBy: string;
  uploadedAt: Timestamp;
  appliedAt: TimestampNullable;
  appliedBy: ColumnType<string | null, string | null | undefined, string | null>;
}

/** One line of an upload's preview: an error, or a new, changed or gone institution (0016). */
export interface RegistryUploadItemsTable {
  uploadId: string;
  kind: "error" | "new" | "changed" | "gone";
  seq: number;
  item: ColumnType<unknown, string, string>;
}

export type InvitationRole = "institution" | "prefecture" | "vendor";
export type InvitationDelivery = "pending" | "sent" | "undeliverable";

/** A one-time link to create an account for one role and scope (0013). */
export interface InvitationsTable {
  id: Generated<string>;
  tokenHash: string;
  role: InvitationRole;
  institutionId: string | null;
  prefectureCode: number | null;
  email: string;
  invitedBy: string;
  runId: string | null;
  createdAt: TimestampGiven;
  expiresAt: TimestampGiven;
  mailId: string | null;
  delivery: ColumnType<InvitationDelivery, InvitationDelivery | undefined, InvitationDelivery>;
  deliveryError: string | null;
  sentAt: TimestampNullable;
  acceptedAt: TimestampNullable;
  acceptedUserId: string | null;
  voidedAt: TimestampNullable;
  voidReason: "resent" | "revoked" | null;
}

/** The ministry's 「一括招待」: one run invites every institution still without a user (0013). */
export interface InvitationRunsTable {
  id: Generated<string>;
  prefectureCode: number | null;
  createdBy: string;
  createdAt: TimestampGiven;
  expiresAt: TimestampGiven;
  publicBaseUrl: string;
  mailFrom: string;
  batchSize: number;
  paceSeconds: number;
  total: number;
  invited: Generated<number>;
  lastCode: string | null;
  finishedAt: TimestampNullable;
}

/** A medical association (医師会) or a group's head office (法人本部) that enters for institutions (0015). */
export interface DelegateOrganisationsTable {
  id: Generated<string>;
  /** Its code, as institutions search for it: upper-case letters and digits. */
  code: string;
  name: string;
  kind: "medical_association" | "head_office";
  prefectureCode: number | null;
  createdAt: Timestamp;
}

/** One institution's consent to a delegate organisation (0015); revoked by stamping, never deleted. */
export interface DelegationsTable {
  id: Generated<string>;
  delegateOrganisationId: string;
  institutionId: string;
  grantedBy: string;
  grantedAt: TimestampGiven;
  revokedBy: string | null;
  revokedAt: TimestampNullable;
}

export interface Database {
  prefectures: PrefecturesTable;
  institutions: InstitutionsTable;
  users: UsersTable;
  sessions: SessionsTable;
  passwordResetTokens: PasswordResetTokensTable;
  signInThrottle: SignInThrottleTable;
  trustedDevices: TrustedDevicesTable;
  signInAlerts: SignInAlertsTable;
  maintenanceMode: MaintenanceModeTable;
  auditLog: AuditLogTable;
  mailOutbox: MailOutboxTable;
  workerProcesses: WorkerProcessesTable;
  workerProcessWorkers: WorkerProcessWorkersTable;
  weeklySurveys: WeeklySurveysTable;
  surveyReceipts: SurveyReceiptsTable;
  sosRequests: SosRequestsTable;
  sosRequestHistory: SosRequestHistoryTable;
  sosRequestViews: SosRequestViewsTable;
  prefectureReviews: PrefectureReviewsTable;
  ministryApprovals: MinistryApprovalsTable;
  reviewReturns: ReviewReturnsTable;
  sanctions: SanctionsTable;
  targetBatches: TargetBatchesTable;
  targetItems: TargetItemsTable;
  vendorRegistrations: VendorRegistrationsTable;
  vendorRegistrationConfirmations: VendorRegistrationConfirmationsTable;
  purchaseLinks: PurchaseLinksTable;
  purchaseLinkSends: PurchaseLinkSendsTable;
  products: ProductsTable;
  productSizes: ProductSizesTable;
  orders: OrdersTable;
  orderLines: OrderLinesTable;
  shipments: ShipmentsTable;
  purchaseLinkRuns: PurchaseLinkRunsTable;
  purchaseLinkRunItems: PurchaseLinkRunItemsTable;
  registrationReminders: RegistrationRemindersTable;
  allocationSupplies: AllocationSuppliesTable;
  supplyAgreements: SupplyAgreementsTable;
  sosRequestSizes: SosRequestSizesTable;
  allocationSeeds: AllocationSeedsTable;
  allocationRuns: AllocationRunsTable;
  allocationLines: AllocationLinesTable;
  openWeeklyFigures: OpenWeeklyFiguresTable;
  registryUploads: RegistryUploadsTable;
  registryUploadItems: RegistryUploadItemsTable;
  invitations: InvitationsTable;
  invitationRuns: InvitationRunsTable;
  delegateOrganisations: DelegateOrganisationsTable;
  delegations: DelegationsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Institution = Selectable<InstitutionsTable>;
export type NewInstitution = Insertable<InstitutionsTable>;
export type Session = Selectable<SessionsTable>;
