import { Alert, buttonClassName, Checkbox, formatNumber } from "@sos/ui";
import { type ReactNode, useEffect, useId, useState } from "react";
import type { UnrepresentableChar } from "../api-types";
import { codePointLabel } from "../common/format";
import { batchName } from "./target-batch-list";
import "../common/review-parts.css";
import "./target-list.css";

export type CsvEncodingChoice = "utf8" | "sjis";

export interface CsvDownloadPanelProps {
  batch: { id: string; number: number; itemCount: number };
  /**
   * The file's address, e.g. `/api/target-lists/${id}.csv?encoding=sjis&replace=1`.
   * `replace` is true only once the officer accepted 〓 for the characters listed.
   */
  downloadHref: (encoding: CsvEncodingChoice, options: { replace: boolean }) => string;
  /** What Shift_JIS cannot hold (targetList.csvCheck); undefined while it is being checked. */
  unrepresentable?: ReadonlyArray<UnrepresentableChar> | undefined;
  /** The check failed; Shift_JIS is not offered until it has run. */
  checkError?: string | null | undefined;
  headingLevel?: 2 | 3 | undefined;
}

/** The replacement the server writes for a character Shift_JIS lacks. */
export const REPLACEMENT_CHAR = "〓";

function DownloadLink({ href, children }: { href: string; children: ReactNode }) {
  // `download` makes a plain click save the file rather than open it as a page.
  return (
    <a href={href} download className={buttonClassName({ variant: "primary" })}>
      <svg className="sos-csv__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path
          d="M11 3h2v9.2l3.3-3.3 1.4 1.4L12 16 6.3 10.3l1.4-1.4 3.3 3.3zM4 18h16v2H4z"
          fill="currentColor"
        />
      </svg>
      {children}
    </a>
  );
}

/**
 * The target list as a CSV file for the vendor's Excel: UTF-8 with a BOM (every
 * character intact), or Shift_JIS (CP932) for older software. Characters Shift_JIS
 * cannot hold are listed before anyone downloads, and that file is offered only once
 * the officer accepts 〓 in their place: nothing is replaced silently.
 */
export function CsvDownloadPanel({
  batch,
  downloadHref,
  unrepresentable,
  checkError,
  headingLevel = 3,
}: CsvDownloadPanelProps) {
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  const SubHeading = `h${headingLevel + 1}` as "h3" | "h4";
  const [accepted, setAccepted] = useState(false);
  const name = batchName(batch.number);
  const lost = unrepresentable ?? [];
  const checked = unrepresentable !== undefined;

  // Consent is given for one list's characters, not carried over to another.
  // biome-ignore lint/correctness/useExhaustiveDependencies: batch.id is the trigger
  useEffect(() => setAccepted(false), [batch.id]);

  return (
    <section className="sos-csv" aria-labelledby={headingId}>
      <Heading id={headingId} className="sos-csv__title">
        {name}のCSVファイル（{formatNumber(batch.itemCount)}件）
      </Heading>

      <div className="sos-csv__options">
        <div className="sos-csv__option">
          <SubHeading className="sos-csv__option-title">UTF-8（BOM付き）・推奨</SubHeading>
          <p>
            Excel（2016以降）やGoogleスプレッドシートでそのまま開けます。医療機関名などの文字はすべて正しく出力されます。
          </p>
          <DownloadLink href={downloadHref("utf8", { replace: false })}>
            UTF-8でダウンロード
          </DownloadLink>
        </div>

        <div className="sos-csv__option">
          <SubHeading className="sos-csv__option-title">Shift_JIS（CP932）</SubHeading>
          <p>古いExcelや、Shift_JISしか読み込めない業務システム向けです。</p>
          {checkError ? (
            <Alert tone="error">{checkError}</Alert>
          ) : !checked ? (
            <p className="sos-csv__checking" role="status">
              Shift_JISで表せない文字がないか確認しています…
            </p>
          ) : lost.length === 0 ? (
            <>
              <p className="sos-csv__ok">すべての文字をShift_JISで出力できます。</p>
              <DownloadLink href={downloadHref("sjis", { replace: false })}>
                Shift_JISでダウンロード
              </DownloadLink>
            </>
          ) : (
            <>
              <Alert
                tone="warning"
                title={`Shift_JISで表せない文字が${formatNumber(lost.length)}か所あります`}
              >
                <p>
                  Shift_JIS版では、これらの文字が「{REPLACEMENT_CHAR}
                  」に置き換わります。正しい文字のまま渡すには、UTF-8版を使うか、該当の医療機関について販売業者に個別に伝えてください。
                </p>
              </Alert>
              <section
                className="sos-csv__lost"
                aria-label="Shift_JISで表せない文字の一覧"
                // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
                tabIndex={0}
              >
                <table className="sos-csv__table">
                  <caption className="sos-visually-hidden">Shift_JISで表せない文字</caption>
                  <thead>
                    <tr>
                      <th scope="col">行</th>
                      <th scope="col">列</th>
                      <th scope="col">文字</th>
                      <th scope="col">医療機関</th>
                    </tr>
                  </thead>
                  <tbody>
                    {lost.map((item) => (
                      <tr key={`${item.row}:${item.column}:${item.char}`}>
                        <td className="sos-csv__num">{formatNumber(item.row)}行目</td>
                        <td className="sos-csv__column">{item.column}</td>
                        <td>
                          <span className="sos-csv__char">{item.char}</span>
                          <span className="sos-csv__code">
                            （{item.codePoint ?? codePointLabel(item.char)}）
                          </span>
                        </td>
                        <td>
                          {item.institutionName ?? "—"}
                          {item.institutionCode !== undefined && (
                            <span className="sos-csv__code">（{item.institutionCode}）</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
              <Checkbox
                label={`上記の文字が「${REPLACEMENT_CHAR}」に置き換わることを了承して、Shift_JIS版を出力する`}
                checked={accepted}
                onChange={(event) => setAccepted(event.currentTarget.checked)}
              />
              {accepted ? (
                <DownloadLink href={downloadHref("sjis", { replace: true })}>
                  Shift_JISでダウンロード（{REPLACEMENT_CHAR}に置き換え）
                </DownloadLink>
              ) : (
                <p className="sos-review-form__note">
                  了承すると、Shift_JIS版をダウンロードできます。
                </p>
              )}
            </>
          )}
        </div>
      </div>
    </section>
  );
}
