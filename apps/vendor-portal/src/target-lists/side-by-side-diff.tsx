import { MATCH_FIELD_LABELS, MATCH_FIELDS, type MatchField } from "@sos/domain";
import { formatPhone, formatPostcode } from "@sos/rules";
import { type ReactNode, useId } from "react";
import "./match.css";

export interface ComparedDetails {
  name: string;
  postcode: string;
  address: string;
  phone: string;
  email?: string | undefined;
}

export interface SideBySideDiffProps {
  /** What the ministry's list says (国のリスト). */
  ministry: ComparedDetails;
  /** The facility's registration with the vendor; null when it has none. */
  registration: ComparedDetails | null;
  /** The details that differ, as the matching found them. */
  differences: readonly MatchField[];
  /**
   * The registered address is not the one on the ministry's list (the matching
   * says so, case aside): the purchase link would go elsewhere, so the row says
   * 不一致 like a differing detail.
   */
  emailDiffers?: boolean | undefined;
  caption?: ReactNode;
}

function Verdict({ registered, differs }: { registered: boolean; differs: boolean }) {
  if (!registered) return "—";
  return differs ? (
    <span className="sos-diff__mark sos-diff__mark--differs">
      <span aria-hidden="true">▲ </span>不一致
    </span>
  ) : (
    <span className="sos-diff__mark">
      <span aria-hidden="true">✓ </span>一致
    </span>
  );
}

function shown(field: MatchField, details: ComparedDetails): string {
  switch (field) {
    case "postcode":
      return `〒${formatPostcode(details.postcode)}`;
    case "phone":
      return formatPhone(details.phone);
    default:
      return details[field];
  }
}

/**
 * The ministry's details beside the registration's, one row per detail. A differing
 * row says 「不一致」 in words and with a mark, and is drawn heavier, so the
 * difference never rests on colour alone. The email row is last: it is where the
 * purchase link would go.
 */
export function SideBySideDiff({
  ministry,
  registration,
  differences,
  emailDiffers = false,
  caption = "国のリストと施設登録の比較",
}: SideBySideDiffProps) {
  const captionId = useId();
  const differing = new Set(differences);
  const differCount = differences.length + (emailDiffers ? 1 : 0);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="sos-diff" aria-labelledby={captionId} tabIndex={0}>
      <table className="sos-diff__table">
        <caption id={captionId} className="sos-diff__caption">
          {caption}
          {differCount > 0 && <span className="sos-diff__count">（不一致 {differCount}項目）</span>}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="sos-diff__head">
              項目
            </th>
            <th scope="col" className="sos-diff__head">
              国のリスト
            </th>
            <th scope="col" className="sos-diff__head">
              施設登録
            </th>
            <th scope="col" className="sos-diff__head">
              照合
            </th>
          </tr>
        </thead>
        <tbody>
          {MATCH_FIELDS.map((field) => {
            const differs = differing.has(field);
            return (
              <tr
                key={field}
                className={differs ? "sos-diff__row sos-diff__row--differs" : "sos-diff__row"}
                data-differs={differs}
              >
                <th scope="row" className="sos-diff__field">
                  {MATCH_FIELD_LABELS[field]}
                </th>
                <td className="sos-diff__value">{shown(field, ministry)}</td>
                <td className="sos-diff__value">
                  {registration === null ? "（未登録）" : shown(field, registration)}
                </td>
                <td className="sos-diff__verdict">
                  <Verdict registered={registration !== null} differs={differs} />
                </td>
              </tr>
            );
          })}
          <tr
            className={emailDiffers ? "sos-diff__row sos-diff__row--differs" : "sos-diff__row"}
            data-differs={emailDiffers}
          >
            <th scope="row" className="sos-diff__field">
              メールアドレス
            </th>
            <td className="sos-diff__value">{ministry.email ?? "—"}</td>
            <td className="sos-diff__value">
              {registration === null ? "（未登録）" : (registration.email ?? "—")}
            </td>
            <td className="sos-diff__verdict">
              <Verdict registered={registration !== null} differs={emailDiffers} />
            </td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
