import type { AppRouter } from "@sos/api";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

/** What the API's procedures return, as the browser receives them (instants as ISO strings). */
type Outputs = inferRouterOutputs<AppRouter>;
type Inputs = inferRouterInputs<AppRouter>;

export type QueueInput = Inputs["review"]["queue"];
export type QueuePage = Outputs["review"]["queue"];
export type QueueRow = QueuePage["items"][number];
export type ReviewDeadlines = Outputs["review"]["deadlines"];
export type ReviewDetail = Outputs["review"]["get"];
export type MinistryProgress = Outputs["review"]["ministryProgress"];
export type TargetBatch = Outputs["targetList"]["get"];
export type TargetBatchList = Outputs["targetList"]["list"];
export type CsvCheck = Outputs["targetList"]["csvCheck"];
export type Sanction = Outputs["sanctions"]["list"][number];
export type SanctionTarget = Outputs["sanctions"]["target"];
export type PublicationFile = Outputs["publication"]["export"];
export type SignInAlert = Outputs["operations"]["signInAlerts"][number];
export type AllocationWeek = Outputs["allocation"]["week"];
export type AllocationPreview = Outputs["allocation"]["preview"];
export type AllocationSummary = AllocationPreview["summary"];
export type AllocationRun = Outputs["allocation"]["runs"][number];
export type AllocationReplay = Outputs["allocation"]["replay"];
export type AllocationParameters = AllocationPreview["parameters"];
export type AllocationParametersInput = NonNullable<Inputs["allocation"]["preview"]["parameters"]>;
export type InvitationProgressValue = Outputs["invitations"]["progress"];
export type InvitationResent = Outputs["invitations"]["resend"];
export type UndeliverableInvitation = Outputs["invitations"]["undeliverable"][number];

/** The prefecture's input as review.get gives it; null before anything was saved. */
export type PrefectureInput = NonNullable<ReviewDetail["prefectureReview"]>;
export type ReviewHistoryEntry = ReviewDetail["history"][number];
export type ProgressCounts = MinistryProgress["totals"];
export type PrefectureProgress = MinistryProgress["prefectures"][number];
export type TargetBatchSummary = TargetBatchList["batches"][number];
/** A character the Shift_JIS (CP932) file cannot hold (targetList.csvCheck). */
export type UnrepresentableChar = CsvCheck["unrepresentable"][number];
export type SanctionState = Sanction["state"];
export type RegistryUpload = Outputs["registry"]["upload"];
export type RegistryItems = Outputs["registry"]["items"];
export type AccountList = Outputs["accounts"]["people"];
export type Account = AccountList["people"][number];
export type PublicAllocation = Outputs["openData"]["allocation"];
export type PublicAllocationWeek = PublicAllocation["weeks"][number];
export type PublicFigures = Outputs["openData"]["figures"];
export type PublicFiguresWeek = PublicFigures["weeks"][number];
