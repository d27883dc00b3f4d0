import { formatNumber, formatPieces } from "@sos/domain";
import { PIECES_PER_SET } from "@sos/rules";
import { useId } from "react";
import "./PurchaseLimitTable.css";

export interface PurchaseLimitTableProps {
  /** The limit in sets that applies, to mark its row; null or 0 marks none. */
  applicableSets?: number | null | undefined;
  headingLevel?: 2 | 3 | 4 | 5 | undefined;
}

/** The manual shows the first four bands, then 「以降も同様」. */
const SHOWN_BANDS = 4;

const BOXES_PER_SET = 10;

function Band({ sets, applicable }: { sets: number; applicable: boolean }) {
  const from = (sets - 1) * PIECES_PER_SET + 1;
  const to = sets * PIECES_PER_SET;
  return (
    <tr
      className={applicable ? "sos-limit-table__row--applicable" : undefined}
      aria-current={applicable ? "true" : undefined}
    >
      <th scope="row">
        {formatNumber(from)}〜{formatPieces(to)}
      </th>
      <td>
        {formatNumber(sets)}セット【{formatPieces(to)}（{formatNumber(sets * BOXES_PER_SET)}箱）】
        {sets === 1 ? "を購入可能" : "まで購入可能"}
        {applicable && <span className="sos-limit-table__mark">該当</span>}
      </td>
    </tr>
  );
}

/**
 * 「購入上限数について」: the bands of consumption × 2 and the sets they allow, with
 * the manual's notes on sets, sizes and the one-time purchase.
 */
export function PurchaseLimitTable({
  applicableSets = null,
  headingLevel = 4,
}: PurchaseLimitTableProps) {
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  const marked = applicableSets !== null && applicableSets > 0 ? applicableSets : null;
  const bands = Array.from({ length: SHOWN_BANDS }, (_, i) => i + 1);
  const beyond = marked !== null && marked > SHOWN_BANDS ? marked : null;
  return (
    <section className="sos-limit-table" aria-labelledby={headingId}>
      <Heading id={headingId} className="sos-limit-table__title">
        購入上限数について
      </Heading>
      <div className="sos-limit-table__scroll">
        <table>
          <caption>１週間の想定消費量×２が次の範囲の場合に購入できるセット数</caption>
          <thead>
            <tr>
              <th scope="col">想定消費量×２</th>
              <th scope="col">購入上限数</th>
            </tr>
          </thead>
          <tbody>
            {bands.map((sets) => (
              <Band key={sets} sets={sets} applicable={sets === marked} />
            ))}
            {beyond !== null && beyond > SHOWN_BANDS + 1 && (
              <tr className="sos-limit-table__gap">
                <td colSpan={2}>・・・</td>
              </tr>
            )}
            {beyond !== null && <Band sets={beyond} applicable />}
            <tr className="sos-limit-table__gap">
              <td colSpan={2}>・・・以降も同様（1,000枚ごとに1セット）</td>
            </tr>
          </tbody>
        </table>
      </div>
      <ul className="sos-limit-table__notes">
        <li>
          ※1セット（1,000枚（10箱））が最小の販売単位で、セット単位でサイズを指定できます。例：3セットまで購入できる場合、Sサイズを2セット、Mサイズを1セットのように、サイズごとにセット数を指定して合計3セット購入できます。
        </li>
        <li>※購入できるのはセット単位です。「12箱購入」のような購入はできません。</li>
        <li>
          ※上限の範囲内で、少ないセット数だけ購入することはできます。ただし購入は1回限りで、一度購入した後に追加で購入することはできません。
        </li>
        <li>※購入枚数が多い場合、配送等に時間がかかることがあります。</li>
      </ul>
    </section>
  );
}
