/**
 * What the bench prints. Every pair of the table ends in one line
 *   ratio <path>: <product> vs <baseline> = <ratio> (goal <op> <value>) met|missed
 * and the run ends in "N met, N missed". Absolute figures and the spread of the
 * repetitions go on indented lines above it.
 */

export interface Goal {
  op: ">=" | "<=";
  value: number;
}

export interface RatioLine {
  path: string;
  product: string;
  baseline: string;
  /** null: could not be measured (the line says why and counts as missed). */
  ratio: number | null;
  goal: Goal;
  note?: string;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * The repetition whose ratio is the median one: its own product and baseline
 * figures are printed beside that ratio, so the line's numbers agree with it.
 */
export function medianRep(ratios: readonly number[]): number {
  const order = ratios
    .map((ratio, index) => ({ ratio: Number.isFinite(ratio) ? ratio : Infinity, index }))
    .sort((a, b) => a.ratio - b.ratio);
  return order[Math.floor((order.length - 1) / 2)]?.index ?? 0;
}

/** The q-quantile (0..1) by nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** "0.27 (0.25–0.30)": the median of the repetitions and their range. */
export function withSpread(values: readonly number[], digits = 2): string {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return "n/a";
  const m = median(finite).toFixed(digits);
  if (finite.length === 1) return m;
  return `${m} (${Math.min(...finite).toFixed(digits)}–${Math.max(...finite).toFixed(digits)})`;
}

export function num(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return "n/a";
  return value.toLocaleString("en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

export function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export class Report {
  private readonly lines: RatioLine[] = [];

  constructor(private readonly out: (line: string) => void = (line) => console.log(line)) {}

  section(title: string): void {
    this.out(`\n== ${title}`);
  }

  info(text: string): void {
    this.out(`   ${text}`);
  }

  met(line: RatioLine): boolean {
    if (line.ratio === null || !Number.isFinite(line.ratio)) return false;
    return line.goal.op === ">=" ? line.ratio >= line.goal.value : line.ratio <= line.goal.value;
  }

  ratio(line: RatioLine): void {
    this.lines.push(line);
    const ratio =
      line.ratio === null || !Number.isFinite(line.ratio) ? "n/a" : fmtRatio(line.ratio);
    const verdict = this.met(line) ? "met" : "missed";
    this.out(
      `ratio ${line.path}: ${line.product} vs ${line.baseline} = ${ratio} (goal ${line.goal.op} ${line.goal.value}) ${verdict}`,
    );
    if (line.note) this.out(`   note: ${line.note}`);
  }

  summary(): { met: number; missed: number } {
    const met = this.lines.filter((line) => this.met(line)).length;
    const missed = this.lines.length - met;
    this.out(`\n${met} met, ${missed} missed`);
    return { met, missed };
  }
}

function fmtRatio(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(3);
}
