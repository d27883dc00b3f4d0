import type { Db } from "@sos/db";
import { listRecentAnswers } from "@sos/db/repositories/survey";
import { FORECAST_WINDOW, forecastStockOut, tokyoDate } from "@sos/rules";
import type { HomeSummary } from "../../schemas/home";

/**
 * The institution's stock-out forecast from its latest answered weeks up to
 * this one (issue 18): weeks of cover and the Tokyo day its stock runs out,
 * or null with no answer yet. SOS purchases on their way are not counted yet
 * (the forecast takes them as `incoming`; the home does not look them up).
 */
export async function homeForecast(
  db: Db,
  institutionId: string,
  weekStart: string,
): Promise<HomeSummary["forecast"]> {
  const rows = await listRecentAnswers(db, institutionId, {
    upTo: weekStart,
    limit: FORECAST_WINDOW,
  });
  if (rows.length === 0) return null;
  const answers = rows
    .map((row) => ({
      weekStart: row.weekStart,
      stock: row.stock,
      consumption: row.consumption,
      purchases: row.purchases,
      answeredOn: tokyoDate(row.answeredAt),
    }))
    .reverse();
  const forecast = forecastStockOut(answers);
  return {
    asOf: forecast.asOf ?? weekStart,
    weeksOfCover: forecast.weeksOfCover,
    stockOutDate: forecast.stockOutDate,
    atRiskNextWeek: forecast.atRiskNextWeek,
  };
}
