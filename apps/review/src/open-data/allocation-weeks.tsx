import { surveyWeekTitle } from "@sos/domain";
import { Card, formatJaDateTime, formatNumber } from "@sos/ui";
import type { PublicAllocationWeek } from "../api-types";

const STATE_TEXT: Record<PublicAllocationWeek["state"], string> = {
  before_cutoff:
    "締切前です。抽選シードは決定済みで、その SHA-256 を公開しています。シード自体は、締切後に割当を確定した時点で公開します。",
  awaiting_commit:
    "締切を過ぎました。国が割当を確定すると、抽選シードと、再計算に使える入力ファイル・結果ファイルを公開します。",
  committed:
    "割当を確定しました。抽選シードを公開しています。入力ファイルにルールを適用すると、結果ファイルとバイト単位で一致します。",
};

const STATE_LABEL: Record<PublicAllocationWeek["state"], string> = {
  before_cutoff: "締切前",
  awaiting_commit: "確定待ち",
  committed: "確定済み",
};

function Hash({ value }: { value: string }) {
  return <code className="open-hash">{value}</code>;
}

/** One week: the commitment before the cutoff, then the seed and the run's files. */
function WeekCard({ week }: { week: PublicAllocationWeek }) {
  const title = surveyWeekTitle(week.weekStart);
  return (
    <Card title={`${title}（${STATE_LABEL[week.state]}）`} headingLevel={3}>
      <p>{STATE_TEXT[week.state]}</p>
      <dl className="open-facts">
        <dt>要請の締切</dt>
        <dd>{formatJaDateTime(new Date(week.cutoffAt))}</dd>
        <dt>シードの SHA-256（{formatJaDateTime(new Date(week.seedCommittedAt))}に決定）</dt>
        <dd>
          <Hash value={week.seedSha256} />
        </dd>
        {week.seed !== null && (
          <>
            <dt>抽選シード</dt>
            <dd>
              <Hash value={week.seed} />
            </dd>
          </>
        )}
        {week.run !== null && (
          <>
            <dt>確定</dt>
            <dd>
              {formatJaDateTime(new Date(week.run.committedAt))}（ルール {week.run.rule}）
            </dd>
            {week.run.reason !== null && (
              <>
                <dt>パラメータを既定値から変更した理由</dt>
                <dd>{week.run.reason}</dd>
              </>
            )}
            <dt>ファイル</dt>
            <dd>
              <ul className="open-files">
                <li>
                  <a href={week.run.inputUrl} download>
                    {title}の入力ファイル（JSON、{formatNumber(week.run.inputBytes)}バイト）
                  </a>
                  <br />
                  SHA-256 <Hash value={week.run.inputSha256} />
                </li>
                <li>
                  <a href={week.run.resultUrl} download>
                    {title}の結果ファイル（JSON、{formatNumber(week.run.resultBytes)}バイト）
                  </a>
                  <br />
                  SHA-256 <Hash value={week.run.resultSha256} />
                </li>
              </ul>
            </dd>
          </>
        )}
      </dl>
      {week.seed !== null && (
        <p className="open-muted">
          確かめ方: <code>printf '%s' シード | sha256sum</code> の結果が、締切前に公開した SHA-256
          と一致します。
        </p>
      )}
    </Card>
  );
}

export function AllocationWeeks({ weeks }: { weeks: readonly PublicAllocationWeek[] }) {
  if (weeks.length === 0) {
    return (
      <p>
        まだ公開する週はありません。供給が不足する週は、締切前にここで抽選シードの SHA-256
        を公開します。
      </p>
    );
  }
  return (
    <div className="sos-stack">
      {weeks.map((week) => (
        <WeekCard key={week.weekStart} week={week} />
      ))}
    </div>
  );
}
