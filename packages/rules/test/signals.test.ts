import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addressKey,
  detectSignals,
  emailKey,
  MODIFIED_Z_CUTOFF,
  modifiedZ,
  phoneKey,
  type Signal,
  type SignalInstitution,
  type SignalWeek,
} from "../src/index";

const WEEK0 = "2026-09-02";
const weekStart = (t: number) => {
  const d = new Date(Date.UTC(2026, 8, 2 + 7 * t));
  return d.toISOString().slice(0, 10);
};

/** Eight weeks of 1,000 ± 50 pieces, purchases equal to use, no requests. */
function weeks(edit: (w: SignalWeek, t: number) => SignalWeek = (w) => w, count = 8): SignalWeek[] {
  return Array.from({ length: count }, (_, t) =>
    edit({ weekStart: weekStart(t), consumption: 1000 + (t % 3) * 50 - 50, purchases: 1000 }, t),
  );
}

let serial = 0;
function institution(over: Partial<SignalInstitution> = {}): SignalInstitution {
  serial += 1;
  return {
    id: `i${serial}`,
    peerGroup: "clinic",
    phone: `03-5555-${String(1000 + serial)}`,
    email: `i${serial}@example.jp`,
    postcode: `100-${String(1000 + serial)}`,
    address: `東京都千代田区${serial}番地`,
    weeks: weeks(),
    ...over,
  };
}

const kinds = (signals: readonly Signal[], id: string) =>
  signals.filter((s) => s.institutionId === id).map((s) => s.kind);

describe("modifiedZ — median/MAD, and never a division by zero", () => {
  it("uses MAD: 0.6745 x (x - median) / MAD", () => {
    const z = modifiedZ(20, [8, 9, 10, 11, 12]);
    expect(z).toMatchObject({ median: 10, mad: 1, scale: "mad" });
    expect(z.score).toBeCloseTo(6.745, 9);
  });

  it("MAD = 0 (most values equal) falls back to the mean absolute deviation", () => {
    const z = modifiedZ(50, [10, 10, 10, 10, 50]);
    expect(z).toMatchObject({ median: 10, mad: 0, scale: "mean_absolute_deviation" });
    expect(z.score).toBeCloseTo(40 / (1.2533 * 8), 9);
  });

  it("a constant history scales by a tenth of its median (at least 1)", () => {
    expect(modifiedZ(1100, [1000, 1000, 1000, 1000])).toMatchObject({
      score: 1,
      scale: "constant_history",
    });
    expect(modifiedZ(3, [0, 0, 0, 0]).score).toBe(3);
  });

  it("is always finite", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 10_000_000 }),
        fc.array(fc.nat({ max: 10_000_000 }), { minLength: 1, maxLength: 20 }),
        (x, ref) => {
          expect(Number.isFinite(modifiedZ(x, ref).score)).toBe(true);
        },
      ),
    );
  });
});

describe("contact keys — full-width/half-width, hyphens and spaces do not hide a match", () => {
  it("phones", () => {
    expect(phoneKey("０３（１２３４）５６７８")).toBe(phoneKey("03-1234-5678"));
    expect(phoneKey("+81 3 1234 5678")).toBe("0312345678");
    expect(phoneKey("03-1234-5679")).not.toBe(phoneKey("03-1234-5678"));
  });

  it("e-mail addresses, case included", () => {
    expect(emailKey("ｒｅｓａｌｅ＠ｅｘａｍｐｌｅ．ｊｐ")).toBe(emailKey("Resale@Example.JP"));
    expect(emailKey("not an address")).toBeNull();
  });

  it("delivery addresses: 丁目/番/号 as hyphens, full-width digits, spaces, postcode with or without hyphen", () => {
    const a = addressKey("100-8916", "東京都千代田区霞が関1丁目2番3号");
    expect(addressKey("１００８９１６", "東京都千代田区霞が関　１－２－３")).toBe(a);
    expect(addressKey("100 8916", "東京都 千代田区 霞が関1ー2ー3")).toBe(a);
  });

  it("keeps the hyphens that separate numbers: 1-23 is not 12-3", () => {
    expect(addressKey("1000001", "千代田1-23")).not.toBe(addressKey("1000001", "千代田12-3"));
  });
});

describe("detectSignals — each signal at its boundary, with its evidence", () => {
  const peers = () => Array.from({ length: 6 }, () => institution());

  it("consumption far above its own history and its peers' (z > 3.5 both ways)", () => {
    const spiking = institution({
      weeks: weeks((w, t) => (t === 7 ? { ...w, consumption: 4000 } : w)),
    });
    const signals = detectSignals([spiking, ...peers()]);
    const signal = signals.find((s) => s.institutionId === spiking.id);
    expect(signal?.kind).toBe("consumption_outlier");
    if (signal?.kind !== "consumption_outlier") throw new Error("expected an outlier");
    expect(signal.evidence.own.score).toBeGreaterThan(MODIFIED_Z_CUTOFF);
    expect(signal.evidence.peers?.score).toBeGreaterThan(MODIFIED_Z_CUTOFF);
    expect(signal.evidence.peers?.peerCount).toBe(6);
  });

  it("a rise every peer shares (a nationwide surge) raises nothing", () => {
    const surge = (w: SignalWeek, t: number) => (t === 7 ? { ...w, consumption: 4000 } : w);
    const group = Array.from({ length: 7 }, () => institution({ weeks: weeks(surge) }));
    expect(detectSignals(group)).toEqual([]);
  });

  it("a rise under half a set is immaterial, whatever its score", () => {
    const small = institution({
      weeks: weeks((w, t) => (t === 7 ? { ...w, consumption: 1450 } : w)),
    });
    expect(kinds(detectSignals([small, ...peers()]), small.id)).toEqual([]);
  });

  const request = (w: SignalWeek, requestedSets: number): SignalWeek => ({
    ...w,
    requestedSets,
    limitSets: 2,
  });

  it("the maximum requested four weeks running; three, or one week below it, is not enough", () => {
    const four = institution({ weeks: weeks((w, t) => (t >= 4 ? request(w, 2) : w)) });
    const three = institution({ weeks: weeks((w, t) => (t >= 5 ? request(w, 2) : w)) });
    const dip = institution({ weeks: weeks((w, t) => (t >= 4 ? request(w, t === 5 ? 1 : 2) : w)) });
    const signals = detectSignals([four, three, dip]);
    expect(kinds(signals, four.id)).toEqual(["max_limit_streak"]);
    expect(kinds(signals, three.id)).toEqual([]);
    expect(kinds(signals, dip.id)).toEqual([]);
  });

  it("consumption jumping right after an approval: 1.5 x and +500 flags, 1.4 x does not", () => {
    const jump = (factor: number) =>
      institution({
        weeks: weeks((w, t) =>
          t === 7
            ? { ...w, consumption: Math.round(1000 * factor) }
            : { ...w, consumption: 1000, approved: t === 6 },
        ),
      });
    const big = jump(1.5);
    const small = jump(1.4);
    const signals = detectSignals([big, small]);
    const signal = signals.find(
      (s) => s.institutionId === big.id && s.kind === "jump_after_approval",
    );
    expect(signal).toMatchObject({
      kind: "jump_after_approval",
      evidence: { approvedWeek: weekStart(6), jumpWeek: weekStart(7), before: 1000, after: 1500 },
    });
    expect(kinds(signals, small.id)).toEqual([]);
  });

  it("purchases far above consumption over four weeks (> 2 x and 2,000 more)", () => {
    const hoarder = institution({
      weeks: weeks((w, t) => (t >= 4 ? { ...w, purchases: 2600 } : w)),
    });
    const restocking = institution({
      weeks: weeks((w, t) => (t >= 6 ? { ...w, purchases: 3000 } : w)),
    });
    const signals = detectSignals([hoarder, restocking]);
    expect(signals.find((s) => s.institutionId === hoarder.id)).toMatchObject({
      kind: "purchases_over_consumption",
      evidence: { purchases: 10_400, consumption: 4000, ratio: 2.6 },
    });
    expect(kinds(signals, restocking.id)).toEqual([]);
  });

  it("several institutions sharing a phone, each with the others named", () => {
    const a = institution({ phone: "03-1234-5678" });
    const b = institution({ phone: "０３１２３４５６７８" });
    const c = institution({ phone: "03 1234 5678" });
    const alone = institution();
    const signals = detectSignals([a, b, c, alone]);
    expect(signals.filter((s) => s.kind === "shared_contact")).toHaveLength(3);
    expect(signals.find((s) => s.institutionId === b.id)).toMatchObject({
      evidence: { field: "phone", key: "0312345678", institutionIds: [a.id, b.id, c.id].sort() },
    });
    expect(kinds(signals, alone.id)).toEqual([]);
  });

  it("clean weeks raise nothing", () => {
    expect(detectSignals([...peers(), institution({ weeks: weeks(undefined, 3) })])).toEqual([]);
    expect(WEEK0).toBe(weekStart(0));
  });
});
