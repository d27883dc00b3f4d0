import { addressKey, emailKey, phoneKey } from "./contacts";
import { MODIFIED_Z_CUTOFF, median, modifiedZ } from "./robust";
import type { ContactField, Signal, SignalInstitution, SignalWeek } from "./types";

/** Own weeks a consumption is judged against: about a quarter, and at least a month. */
export const OUTLIER_HISTORY_WEEKS = 12;
export const OUTLIER_MIN_HISTORY = 4;
/**
 * …and at least this many pieces above its own median: half a set. Below it a
 * rise is immaterial (a clinic's 700 → 1,050 in a busy week) whatever its
 * score, and not worth an officer's time.
 */
export const OUTLIER_MIN_PIECES = 500;
/** Fewer peers than this and the peer comparison is skipped (the own one still applies). */
export const MIN_PEERS = 5;
/** The maximum asked for this many weeks in a row. */
export const MAX_LIMIT_STREAK_WEEKS = 4;
/** Consumption this many times its pre-approval median, within two weeks of an approval. */
export const JUMP_RATIO = 1.5;
/** …and at least this many pieces more: a clinic's 60 → 100 is noise, not resale. */
export const JUMP_MIN_PIECES = 500;
/** Purchases over four weeks above this multiple of consumption… */
export const PURCHASE_RATIO = 2;
/** …by at least two sets. */
export const PURCHASE_MIN_EXCESS = 2000;
const PURCHASE_WEEKS = 4;

function lastWeek(institution: SignalInstitution): SignalWeek | undefined {
  return institution.weeks[institution.weeks.length - 1];
}

/** This week's consumption over its own median of the previous weeks; null without a usable history. */
function ownRise(institution: SignalInstitution): { ratio: number; history: number[] } | null {
  const weeks = institution.weeks;
  const latest = lastWeek(institution);
  const history = weeks.slice(-1 - OUTLIER_HISTORY_WEEKS, -1).map((w) => w.consumption);
  if (latest === undefined || history.length < OUTLIER_MIN_HISTORY) return null;
  const m = median(history);
  return m > 0 ? { ratio: latest.consumption / m, history } : null;
}

/**
 * Consumption far above both its own history and its peers' movement the same
 * week: a nationwide surge lifts every peer's ratio and raises nothing. Only
 * rises count; a fall in use is not how gloves are resold.
 */
function consumptionOutliers(institutions: readonly SignalInstitution[]): Signal[] {
  const rises = new Map<string, { ratio: number; history: number[] }>();
  const groups = new Map<string, number[]>();
  for (const institution of institutions) {
    const rise = ownRise(institution);
    if (rise === null) continue;
    rises.set(institution.id, rise);
    const group = groups.get(institution.peerGroup) ?? [];
    group.push(rise.ratio);
    groups.set(institution.peerGroup, group);
  }
  const signals: Signal[] = [];
  for (const institution of institutions) {
    const rise = rises.get(institution.id);
    const latest = lastWeek(institution);
    if (rise === undefined || latest === undefined) continue;
    const own = modifiedZ(latest.consumption, rise.history);
    if (own.score <= MODIFIED_Z_CUTOFF || latest.consumption - own.median < OUTLIER_MIN_PIECES)
      continue;
    const ratios = groups.get(institution.peerGroup) ?? [];
    let peers = null;
    if (ratios.length - 1 >= MIN_PEERS) {
      // The group's ratios include this one: with at least five others, one
      // value cannot move a median far, and the score stays comparable.
      const z = modifiedZ(rise.ratio, ratios);
      if (z.score <= MODIFIED_Z_CUTOFF) continue;
      peers = { ...z, ratio: rise.ratio, peerCount: ratios.length - 1 };
    }
    signals.push({
      kind: "consumption_outlier",
      institutionId: institution.id,
      weekStart: latest.weekStart,
      evidence: { consumption: latest.consumption, own, peers },
    });
  }
  return signals;
}

function maxLimitStreak(institution: SignalInstitution): Signal | null {
  const streak = institution.weeks.slice(-MAX_LIMIT_STREAK_WEEKS);
  const latest = lastWeek(institution);
  if (latest === undefined || streak.length < MAX_LIMIT_STREAK_WEEKS) return null;
  const weeks = [];
  for (const w of streak) {
    const requested = w.requestedSets ?? null;
    const limit = w.limitSets ?? null;
    if (requested === null || limit === null || limit <= 0 || requested < limit) return null;
    weeks.push({ weekStart: w.weekStart, requestedSets: requested, limitSets: limit });
  }
  return {
    kind: "max_limit_streak",
    institutionId: institution.id,
    weekStart: latest.weekStart,
    evidence: { weeks },
  };
}

/** Consumption jumping in the two weeks right after an approval, against the weeks before it. */
function jumpAfterApproval(institution: SignalInstitution): Signal | null {
  const weeks = institution.weeks;
  const last = weeks.length - 1;
  const latest = weeks[last];
  if (latest === undefined) return null;
  for (let a = last - 1; a >= Math.max(0, last - 2); a -= 1) {
    const approval = weeks[a];
    if (!approval?.approved) continue;
    const before = weeks.slice(Math.max(0, a - 4), a).map((w) => w.consumption);
    if (before.length < 2) continue;
    const base = median(before);
    for (let j = a + 1; j <= last; j += 1) {
      const after = weeks[j];
      if (after === undefined) continue;
      const jumped =
        after.consumption >= JUMP_RATIO * base && after.consumption - base >= JUMP_MIN_PIECES;
      if (!jumped) continue;
      return {
        kind: "jump_after_approval",
        institutionId: institution.id,
        weekStart: latest.weekStart,
        evidence: {
          approvedWeek: approval.weekStart,
          before: base,
          jumpWeek: after.weekStart,
          after: after.consumption,
          ratio: base > 0 ? after.consumption / base : after.consumption,
        },
      };
    }
  }
  return null;
}

function purchasesOverConsumption(institution: SignalInstitution): Signal | null {
  const weeks = institution.weeks.slice(-PURCHASE_WEEKS);
  const latest = lastWeek(institution);
  if (latest === undefined || weeks.length < PURCHASE_WEEKS) return null;
  let purchases = 0;
  let consumption = 0;
  for (const w of weeks) {
    purchases += w.purchases;
    consumption += w.consumption;
  }
  if (purchases <= PURCHASE_RATIO * consumption || purchases - consumption < PURCHASE_MIN_EXCESS)
    return null;
  return {
    kind: "purchases_over_consumption",
    institutionId: institution.id,
    weekStart: latest.weekStart,
    evidence: {
      weeks: weeks.map((w) => w.weekStart),
      purchases,
      consumption,
      ratio: consumption > 0 ? purchases / consumption : purchases,
    },
  };
}

const CONTACT_KEYS: ReadonlyArray<
  readonly [ContactField, (i: SignalInstitution) => string | null]
> = [
  ["phone", (i) => phoneKey(i.phone)],
  ["email", (i) => emailKey(i.email)],
  ["address", (i) => addressKey(i.postcode, i.address)],
];

/** Several institutions with one phone, e-mail or delivery address, after normalisation. */
function sharedContacts(institutions: readonly SignalInstitution[]): Signal[] {
  const signals: Signal[] = [];
  for (const [field, keyOf] of CONTACT_KEYS) {
    const holders = new Map<string, SignalInstitution[]>();
    for (const institution of institutions) {
      const key = keyOf(institution);
      if (key === null) continue;
      const list = holders.get(key) ?? [];
      if (!list.some((other) => other.id === institution.id)) list.push(institution);
      holders.set(key, list);
    }
    for (const [key, list] of holders) {
      if (list.length < 2) continue;
      const institutionIds = list.map((i) => i.id).sort();
      for (const institution of list) {
        const latest = lastWeek(institution);
        signals.push({
          kind: "shared_contact",
          institutionId: institution.id,
          weekStart: latest?.weekStart ?? "",
          evidence: { field, key, institutionIds },
        });
      }
    }
  }
  return signals;
}

/** Every signal for the institutions' latest week, each with its evidence. */
export function detectSignals(institutions: readonly SignalInstitution[]): Signal[] {
  const signals: Signal[] = [...consumptionOutliers(institutions), ...sharedContacts(institutions)];
  for (const institution of institutions) {
    for (const detect of [maxLimitStreak, jumpAfterApproval, purchasesOverConsumption]) {
      const signal = detect(institution);
      if (signal !== null) signals.push(signal);
    }
  }
  return signals;
}
