import { Card, formatJaDate } from "@sos/ui";
import type { HomeSummary } from "../api-types";

/** Weeks are shown to one decimal: the forecast is a guide, not a count. */
const weeks = (value: number) => (Math.floor(value * 10) / 10).toFixed(1);

/**
 * The stock-out forecast from the latest answers (issue 18): how many weeks
 * the stock lasts and the day it runs out, "—" when it does not shrink.
 */
export function ForecastCard({ summary }: { summary: HomeSummary }) {
  const { forecast } = summary;
  return (
    <Card title="在庫の見通し">
      {forecast === null ? (
        <p>週次調査に回答すると、在庫が何週間分あるかの見通しをここに表示します。</p>
      ) : forecast.weeksOfCover === null ? (
        <p>
          在庫の残り週数：<strong>—</strong>
          （想定消費量が購入見込み量を上回っていないため、在庫は減らない見込みです）
        </p>
      ) : (
        <>
          <p>
            在庫の残り週数：<strong>約{weeks(forecast.weeksOfCover)}週間分</strong>
          </p>
          <p>
            {forecast.stockOutDate === null
              ? "10年以上先まで在庫がなくならない見込みです。"
              : `${formatJaDate(forecast.stockOutDate)}ごろに在庫がなくなる見込みです。`}
          </p>
          {forecast.atRiskNextWeek && (
            <p>
              <strong>
                来週、配布対象の条件（在庫量 &lt;（想定消費量 − 購入見込み量）×
                4）に該当する見込みです。
              </strong>
            </p>
          )}
        </>
      )}
      {forecast !== null && (
        <p className="inst-muted">
          直近4週までの回答（{formatJaDate(forecast.asOf)}時点の在庫量）から計算した目安です。
        </p>
      )}
    </Card>
  );
}
