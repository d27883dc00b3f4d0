import type { AppRouter } from "@sos/api";
import type { inferRouterOutputs } from "@trpc/server";

/** What the API's procedures return, as the browser receives them (instants as ISO strings). */
type Outputs = inferRouterOutputs<AppRouter>;

export type HomeSummary = Outputs["home"]["summary"];
export type OwnAllocation = Outputs["allocation"]["mine"];
export type OwnAllocatedRequest = NonNullable<OwnAllocation["run"]>["requests"][number];
export type SurveyDetail = Outputs["survey"]["get"];
export type SurveyListItem = Outputs["survey"]["list"]["items"][number];
export type SosRequestDetail = Outputs["sos"]["get"];
/** What the review decided (the request's decision, once there is one). */
export type SosDecision = NonNullable<SosRequestDetail["decision"]>;
/** One failed system check (sos.checkAndApply's reasons, a request's errorReasons). */
export type SosCheckReason = SosRequestDetail["errorReasons"][number];
export type SosListItem = Outputs["sos"]["list"]["items"][number];
export type SosApplyResult = Outputs["sos"]["checkAndApply"];
/** Buying through the vendor for one request: handed over, link mailed, order and shipping. */
export type PurchaseStatus = Outputs["institutionOrders"]["forRequest"];
export type Colleague = Outputs["accounts"]["people"]["people"][number];
/** 代理入力: the institution's grants, and what a delegate may pick. */
export type DelegationList = Outputs["delegation"]["list"];
export type DelegationView = DelegationList["current"][number];
export type DelegateOrganisationView = Outputs["delegation"]["search"][number];
export type DelegateClients = Outputs["delegation"]["clients"];
/** 「○○医師会 が ○○クリニック の代理で」 and when. */
export type OnBehalf = NonNullable<SurveyDetail["onBehalf"]>;
