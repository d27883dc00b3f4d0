import { formatNumber, formatPieces } from "@sos/domain";
import "./order.css";

export interface OrderLineFigures {
  size: string;
  sizeLabel: string;
  sets: number;
  pieces: number;
}

export interface OrderLinesTableProps {
  lines: ReadonlyArray<OrderLineFigures>;
  totalSets: number;
  totalPieces: number;
  /** Name the table by one of these. */
  "aria-label"?: string;
  "aria-labelledby"?: string;
}

/** The sets and pieces of each size of an order, with the total, in a table. */
export function OrderLinesTable({
  lines,
  totalSets,
  totalPieces,
  "aria-label": ariaLabel,
  "aria-labelledby": ariaLabelledBy,
}: OrderLinesTableProps) {
  return (
    <table className="sos-order-lines" aria-label={ariaLabel} aria-labelledby={ariaLabelledBy}>
      <thead>
        <tr>
          <th scope="col">サイズ</th>
          <th scope="col" className="sos-order-lines__figure">
            セット数
          </th>
          <th scope="col" className="sos-order-lines__figure">
            枚数
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.size}>
            <th scope="row">{line.sizeLabel}</th>
            <td className="sos-order-lines__figure">{formatNumber(line.sets)}セット</td>
            <td className="sos-order-lines__figure">{formatPieces(line.pieces)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">合計</th>
          <td className="sos-order-lines__figure">{formatNumber(totalSets)}セット</td>
          <td className="sos-order-lines__figure">{formatPieces(totalPieces)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
