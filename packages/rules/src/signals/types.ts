import type { ModifiedZ } from "./robust";

/**
 * Resale and anomaly signals (issue 18): each names the institution, the week
 * it was raised for and the evidence that raised it, so that an officer can
 * judge it (and, if it holds, attach it to a sanction) without re-running
 * anything. A signal is a reason to look, never a finding.
 */

export type SignalWeek = {
  /** The survey week (its Wednesday, YYYY-MM-DD). */
  weekStart: string;
  /** 1週間の想定消費量 (pieces). */
  consumption: number;
  /** 1週間の購入見込み量 (pieces). */
  purchases: number;
  /** Sets asked for in that week's SOS request; null or absent when none was filed. */
  requestedSets?: number | null;
  /** The purchase limit (sets) that week's answers gave. */
  limitSets?: number | null;
  /** That week's SOS request was approved (put on the target list). */
  approved?: boolean;
};

export type SignalInstitution = {
  id: string;
  /** Institutions compared with each other: the same type (病院, 診療所, …). */
  peerGroup: string;
  phone: string;
  email: string;
  postcode: string;
  address: string;
  /** Its weeks, oldest first; the last one is the week signals are raised for. */
  weeks: readonly SignalWeek[];
};

export type ContactField = "phone" | "email" | "address";

export type SignalEvidence = {
  consumption_outlier: {
    consumption: number;
    /** Against its own previous weeks. */
    own: ModifiedZ;
    /** Its rise (this week / its own median) against its peers' rises the same week; null with too few peers. */
    peers: (ModifiedZ & { ratio: number; peerCount: number }) | null;
  };
  max_limit_streak: {
    weeks: ReadonlyArray<{ weekStart: string; requestedSets: number; limitSets: number }>;
  };
  jump_after_approval: {
    approvedWeek: string;
    /** Median consumption of the weeks before the approval. */
    before: number;
    jumpWeek: string;
    after: number;
    ratio: number;
  };
  shared_contact: {
    field: ContactField;
    /** The normalised value they share. */
    key: string;
    /** Every institution sharing it, this one included, sorted. */
    institutionIds: readonly string[];
  };
  purchases_over_consumption: {
    weeks: readonly string[];
    purchases: number;
    consumption: number;
    ratio: number;
  };
};

export type SignalKind = keyof SignalEvidence;

export const SIGNAL_KINDS: readonly SignalKind[] = [
  "consumption_outlier",
  "max_limit_streak",
  "jump_after_approval",
  "shared_contact",
  "purchases_over_consumption",
];

export type Signal = {
  [K in SignalKind]: {
    kind: K;
    institutionId: string;
    weekStart: string;
    evidence: SignalEvidence[K];
  };
}[SignalKind];
