import { type Assessment, assessEligibility, type SurveyFigures, weeksOfCover } from "@sos/rules";

export interface Calculation {
  figures: SurveyFigures;
  assessment: Assessment;
  /** stock ÷ (consumption − purchases); null when the stock does not shrink. */
  weeksOfCover: number | null;
}

/**
 * What the reviewers judge: the figures the system check saw (copied onto the
 * request at apply), or the linked survey's for a request written without
 * that copy.
 */
export function calculationOf(
  snapshot: { stock: number | null; consumption: number | null; purchases: number | null },
  survey: { stock: number | null; consumption: number | null; purchases: number | null } | null,
): Calculation | null {
  const source =
    snapshot.stock !== null && snapshot.consumption !== null && snapshot.purchases !== null
      ? snapshot
      : survey;
  if (
    source === null ||
    source.stock === null ||
    source.consumption === null ||
    source.purchases === null
  ) {
    return null;
  }
  const figures = {
    stock: source.stock,
    consumption: source.consumption,
    purchases: source.purchases,
  };
  return {
    figures,
    assessment: assessEligibility(figures),
    weeksOfCover: weeksOfCover(figures.stock, figures.consumption, figures.purchases),
  };
}
