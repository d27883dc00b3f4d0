import { Button, formatJaDate, formatJaDateTime, Select, toInstant } from "@sos/ui";
import { type ReactNode, useId, useState } from "react";
import type { Sanction, SanctionState } from "../api-types";
import { REASON_MAX_LENGTH } from "../common/messages";
import { ReasonDialog } from "../common/reason-dialog";
import { ReviewTag } from "../common/review-tag";
import "../common/review-parts.css";
import "./sanction-list.css";

export interface SanctionListProps {
  sanctions: ReadonlyArray<Sanction>;
  /** 「解除」 with its reason (sanctions.lift). Without it the list is read-only. */
  onLift?: ((id: string, reason: string) => Promise<void>) | undefined;
  liftError?: string | null | undefined;
  /** With onStateFilterChange, a filter by state above the list (sanctions.list state). */
  stateFilter?: SanctionState | null | undefined;
  onStateFilterChange?: ((state: SanctionState | null) => void) | undefined;
  title?: ReactNode;
  headingLevel?: 2 | 3 | undefined;
}

export const SANCTION_STATE_LABELS: Readonly<Record<SanctionState, string>> = {
  in_force: "実施中",
  scheduled: "開始前",
  lifted: "解除済み",
};

const STATE_TONES = { in_force: "error", scheduled: "warning", lifted: "neutral" } as const;

/**
 * The measures under consent term ④: whom, why, from when, and whether each is in
 * force, yet to start or lifted (with who lifted it and why). A measure is lifted
 * with a written reason.
 */
export function SanctionList({
  sanctions,
  onLift,
  liftError,
  stateFilter,
  onStateFilterChange,
  title = "措置の一覧",
  headingLevel = 2,
}: SanctionListProps) {
  const headingId = useId();
  const captionId = useId();
  const Heading = `h${headingLevel}` as const;
  const [lifting, setLifting] = useState<Sanction | null>(null);
  const actions = onLift !== undefined;

  return (
    <section className="sos-sanctions" aria-labelledby={headingId}>
      <div className="sos-sanctions__head">
        <Heading id={headingId} className="sos-sanctions__title">
          {title}
        </Heading>
        {onStateFilterChange !== undefined && (
          <div className="sos-sanctions__filter">
            <Select
              label="状態"
              placeholder="すべて"
              options={(Object.keys(SANCTION_STATE_LABELS) as SanctionState[]).map((state) => ({
                value: state,
                label: SANCTION_STATE_LABELS[state],
              }))}
              value={stateFilter ?? ""}
              onChange={(event) => {
                const value = event.currentTarget.value;
                onStateFilterChange(value === "" ? null : (value as SanctionState));
              }}
            />
          </div>
        )}
      </div>

      {sanctions.length === 0 ? (
        <p className="sos-sanctions__empty">該当する措置はありません。</p>
      ) : (
        <section
          className="sos-sanctions__scroll"
          aria-labelledby={captionId}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
          tabIndex={0}
        >
          <table className="sos-sanctions__table">
            <caption id={captionId} className="sos-visually-hidden">
              {title}
            </caption>
            <thead>
              <tr>
                <th scope="col">医療機関</th>
                <th scope="col">理由</th>
                <th scope="col">適用開始日</th>
                <th scope="col">状態</th>
                <th scope="col">登録</th>
                {actions && (
                  <th scope="col">
                    <span className="sos-visually-hidden">操作</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {sanctions.map((sanction) => {
                const createdAt = toInstant(sanction.createdAt);
                const liftedAt =
                  sanction.liftedAt === null || sanction.liftedAt === undefined
                    ? null
                    : toInstant(sanction.liftedAt);
                return (
                  <tr key={sanction.id}>
                    <th scope="row" className="sos-sanctions__institution">
                      <span className="sos-sanctions__name">{sanction.institution.name}</span>
                      <span className="sos-sanctions__meta">
                        <span className="sos-visually-hidden">医療機関コード</span>
                        {sanction.institution.code}・{sanction.institution.prefectureName}
                      </span>
                    </th>
                    <td className="sos-sanctions__reason">{sanction.reason}</td>
                    <td className="sos-sanctions__date">{formatJaDate(sanction.effectiveFrom)}</td>
                    <td>
                      <span className="sos-sanctions__state">
                        <ReviewTag tone={STATE_TONES[sanction.state]}>
                          {SANCTION_STATE_LABELS[sanction.state]}
                        </ReviewTag>
                        {liftedAt !== null && (
                          <span className="sos-sanctions__lifted">
                            {formatJaDateTime(liftedAt)}
                            {sanction.liftedBy ? `（${sanction.liftedBy.displayName}）` : ""}
                            {sanction.liftReason && (
                              <span className="sos-sanctions__lift-reason">
                                解除の理由：{sanction.liftReason}
                              </span>
                            )}
                          </span>
                        )}
                      </span>
                    </td>
                    <td className="sos-sanctions__created">
                      <time dateTime={createdAt.toISOString()}>{formatJaDateTime(createdAt)}</time>
                      {sanction.createdBy && <span>{sanction.createdBy.displayName}</span>}
                    </td>
                    {actions && (
                      <td>
                        {sanction.state !== "lifted" && (
                          <Button
                            variant="secondary"
                            aria-label={`${sanction.institution.name}への措置を解除`}
                            onClick={() => setLifting(sanction)}
                          >
                            解除…
                          </Button>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}

      {onLift !== undefined && (
        <ReasonDialog
          open={lifting !== null}
          title={`「${lifting?.institution.name ?? ""}」への措置を解除します`}
          description={
            <p>
              解除すると、この医療機関は再び緊急配布要請ができるようになります。記録は解除済みとして残ります。
            </p>
          }
          reasonLabel="解除の理由"
          maxLength={REASON_MAX_LENGTH}
          confirmLabel="解除する"
          pendingLabel="解除中"
          error={liftError}
          onCancel={() => setLifting(null)}
          onConfirm={async (reason) => {
            if (lifting === null) return;
            await onLift(lifting.id, reason);
            setLifting(null);
          }}
        />
      )}
    </section>
  );
}
