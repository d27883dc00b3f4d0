import { addDaysYmd } from "../business-days";
import { purchaseLimitSets } from "../eligibility";
import { detectSignals } from "../signals/detect";
import type { SignalInstitution, SignalKind, SignalWeek } from "../signals/types";
import { mixSeed, type Random, seededRandom } from "./random";

/**
 * The seeded suite of issue 18's resale and anomaly signals: ten planted
 * patterns among clean institutions. A pattern is caught when every
 * institution planted for it gets a signal of the pattern's kind; a clean
 * institution is flagged when it gets any signal at all.
 *
 * The clean institutions are not spotless on purpose, so the figure means
 * something: their weekly use is noisy with occasional spikes, one peer group
 * (clinics) has a nationwide surge in the last week, purchases come in
 * restocking lumps, some file SOS requests (sometimes for the maximum), a few
 * share a building's address with a neighbour (a clinic mall), and a few are
 * in a real shortage and ask for the maximum week after week.
 */

export const SUITE_WEEKS = 16;
const FIRST_WEEK = "2026-08-19";

export type SignalsSuiteOptions = { clean: number; seed: number };

export type SignalsSuiteResult = {
  planted: number;
  caught: number;
  missed: readonly string[];
  clean: number;
  cleanFlagged: number;
  cleanFlaggedPercent: number;
  /** Clean institutions flagged, per kind of signal. */
  cleanByKind: Record<SignalKind, number>;
};

const GROUPS: ReadonlyArray<readonly [string, number]> = [
  ["hospital", 0.1],
  ["clinic", 0.6],
  ["pharmacy", 0.2],
  ["home_nursing", 0.1],
];

/** Clinics see a nationwide surge in the last week: their peers all rise together. */
const SURGE = { group: "clinic", factor: 1.4 };

const week = (t: number) => addDaysYmd(FIRST_WEEK, 7 * t);

function cleanWeeks(random: Random, group: string, shortage: boolean): SignalWeek[] {
  const base = Math.max(
    30,
    Math.round(Math.exp(Math.log(group === "hospital" ? 8000 : 700) + 0.8 * random.normal())),
  );
  const sosWeeks = new Set<number>();
  if (shortage) for (let t = SUITE_WEEKS - 6; t < SUITE_WEEKS; t += 1) sosWeeks.add(t);
  else if (random.chance(0.1)) {
    const start = random.int(SUITE_WEEKS - 8, SUITE_WEEKS - 1);
    for (let t = start; t < Math.min(SUITE_WEEKS, start + random.int(1, 3)); t += 1)
      sosWeeks.add(t);
  }
  const weeks: SignalWeek[] = [];
  for (let t = 0; t < SUITE_WEEKS; t += 1) {
    const surge = t === SUITE_WEEKS - 1 && group === SURGE.group ? SURGE.factor : 1;
    const spike = random.chance(0.02) ? random.between(1.2, 1.6) : 1;
    const consumption = Math.max(0, Math.round(base * surge * spike * (1 + 0.1 * random.normal())));
    const lump = random.chance(0.15) ? random.between(1.5, 2.5) : random.between(0.6, 1.1);
    const filed = sosWeeks.has(t);
    const limitSets = filed ? purchaseLimitSets(consumption) : null;
    const maximum = shortage || random.chance(0.5);
    weeks.push({
      weekStart: week(t),
      consumption,
      purchases: Math.round(consumption * lump),
      requestedSets: limitSets === null ? null : maximum ? limitSets : Math.max(1, limitSets - 1),
      limitSets,
      approved: filed && random.chance(0.8),
    });
  }
  return weeks;
}

function cleanInstitution(random: Random, index: number): SignalInstitution {
  const peerGroup = random.pick(GROUPS);
  const shortage = random.chance(0.005);
  return {
    id: `clean-${String(index).padStart(6, "0")}`,
    peerGroup,
    phone: `03-${String(10_000_000 + index).slice(-8, -4)}-${String(10_000_000 + index).slice(-4)}`,
    email: `facility${index}@clinic${index % 97}.example.jp`,
    postcode: String(1_000_000 + index).slice(0, 7),
    address: `東京都千代田区${index}丁目${(index % 9) + 1}番${(index % 5) + 1}号`,
    weeks: cleanWeeks(random, peerGroup, shortage),
  };
}

/** A clinic mall: a few clean neighbours legitimately share one building's address. */
function shareBuildings(random: Random, clean: SignalInstitution[]): void {
  for (let i = 0; i + 1 < clean.length; i += 1) {
    const a = clean[i];
    const b = clean[i + 1];
    if (a && b && random.chance(0.0015))
      clean[i + 1] = { ...b, postcode: a.postcode, address: a.address };
  }
}

type Planted = { kind: SignalKind; institutions: SignalInstitution[] };

const last = SUITE_WEEKS - 1;

/** A clean institution's weeks with some of them rewritten. */
function withWeeks(
  base: SignalInstitution,
  id: string,
  edit: (w: SignalWeek, t: number) => SignalWeek,
): SignalInstitution {
  return { ...base, id, weeks: base.weeks.map((w, t) => edit({ ...w }, t)) };
}

const maxRequest = (w: SignalWeek): SignalWeek => {
  const limitSets = purchaseLimitSets(w.consumption);
  return { ...w, limitSets, requestedSets: limitSets, approved: true };
};

/** The ten planted patterns, two of each kind, built on clean-looking institutions. */
function plantedPatterns(random: Random, first: number): Planted[] {
  let next = first;
  const base = (group = "clinic") => {
    let institution = cleanInstitution(random, next);
    while (institution.peerGroup !== group) institution = cleanInstitution(random, next);
    next += 1;
    return institution;
  };
  const id = (n: number) => `planted-${n}`;
  const contact = (
    kind: SignalKind,
    n: number,
    a: Partial<SignalInstitution>,
    b: Partial<SignalInstitution>,
  ) => ({
    kind,
    institutions: [
      { ...base(), id: `${id(n)}a`, ...a },
      { ...base("pharmacy"), id: `${id(n)}b`, ...b },
    ],
  });
  return [
    {
      kind: "consumption_outlier",
      institutions: [
        withWeeks(base("pharmacy"), id(1), (w, t) =>
          t === last ? { ...w, consumption: w.consumption * 4 } : w,
        ),
      ],
    },
    {
      kind: "consumption_outlier",
      institutions: [
        withWeeks(base(), id(2), (w, t) =>
          t === last ? { ...w, consumption: w.consumption * 5 } : w,
        ),
      ],
    },
    {
      kind: "max_limit_streak",
      institutions: [withWeeks(base(), id(3), (w, t) => (t > last - 4 ? maxRequest(w) : w))],
    },
    {
      kind: "max_limit_streak",
      institutions: [
        withWeeks(base("hospital"), id(4), (w, t) => (t > last - 6 ? maxRequest(w) : w)),
      ],
    },
    {
      kind: "jump_after_approval",
      institutions: [
        withWeeks(base("pharmacy"), id(5), (w, t) =>
          t === last - 1
            ? maxRequest(w)
            : t === last
              ? { ...w, consumption: w.consumption * 2 + 600 }
              : w,
        ),
      ],
    },
    {
      kind: "jump_after_approval",
      institutions: [
        withWeeks(base("hospital"), id(6), (w, t) =>
          t === last - 2
            ? maxRequest(w)
            : t === last - 1
              ? { ...w, consumption: Math.round(w.consumption * 1.8) }
              : w,
        ),
      ],
    },
    contact("shared_contact", 7, { phone: "03-1234-5678" }, { phone: "０３（１２３４）５６７８" }),
    contact(
      "shared_contact",
      8,
      { email: "Resale@Example.JP" },
      { email: "ｒｅｓａｌｅ＠ｅｘａｍｐｌｅ．ｊｐ" },
    ),
    contact(
      "shared_contact",
      9,
      { postcode: "100-8916", address: "東京都千代田区霞が関1丁目2番3号" },
      { postcode: "１００８９１６", address: "東京都千代田区霞が関　１－２－３" },
    ),
    {
      kind: "purchases_over_consumption",
      institutions: [
        withWeeks(base("pharmacy"), id(10), (w, t) =>
          t > last - 4 ? { ...w, purchases: w.consumption * 3 + 1000 } : w,
        ),
      ],
    },
  ];
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : (100 * part) / whole);

export function runSignalsSuite(options: SignalsSuiteOptions): SignalsSuiteResult {
  const random = seededRandom(mixSeed(options.seed, 0x5160));
  const clean = Array.from({ length: options.clean }, (_, i) =>
    cleanInstitution(seededRandom(mixSeed(options.seed, i)), i),
  );
  shareBuildings(random, clean);
  const planted = plantedPatterns(random, options.clean);
  const signals = detectSignals([...clean, ...planted.flatMap((p) => p.institutions)]);
  const kindsOf = new Map<string, Set<SignalKind>>();
  for (const signal of signals) {
    const kinds = kindsOf.get(signal.institutionId) ?? new Set<SignalKind>();
    kinds.add(signal.kind);
    kindsOf.set(signal.institutionId, kinds);
  }
  const missed = planted
    .filter((p) => !p.institutions.every((i) => kindsOf.get(i.id)?.has(p.kind)))
    .map((p) => `${p.institutions.map((i) => i.id).join("+")} (${p.kind})`);
  const cleanByKind: Record<SignalKind, number> = {
    consumption_outlier: 0,
    max_limit_streak: 0,
    jump_after_approval: 0,
    shared_contact: 0,
    purchases_over_consumption: 0,
  };
  let cleanFlagged = 0;
  for (const institution of clean) {
    const kinds = kindsOf.get(institution.id);
    if (kinds === undefined) continue;
    cleanFlagged += 1;
    for (const kind of kinds) cleanByKind[kind] += 1;
  }
  return {
    planted: planted.length,
    caught: planted.length - missed.length,
    missed,
    clean: clean.length,
    cleanFlagged,
    cleanFlaggedPercent: percent(cleanFlagged, clean.length),
    cleanByKind,
  };
}
