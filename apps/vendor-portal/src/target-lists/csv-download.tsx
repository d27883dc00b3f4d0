import { buttonClassName } from "@sos/ui";
import { useId } from "react";

/** The list's file, as the ministry downloads it (UTF-8 with BOM: Excel opens it as is). */
export function targetListCsvHref(batchId: string): string {
  return `/api/target-lists/${batchId}.csv?encoding=utf8`;
}

/**
 * The download the issue mail promises (「リストの確認・ダウンロードはこちらから」): the
 * same CSV the ministry hands over, every institution with its code, contact and limit.
 */
export function CsvDownload({ batchId, title }: { batchId: string; title: string }) {
  const headingId = useId();
  return (
    <section className="sos-stack" aria-labelledby={headingId}>
      <h2 id={headingId} className="vendor-section-title">
        リストのダウンロード
      </h2>
      <p>
        {title}
        の医療機関の一覧（医療機関コード、連絡先、購入上限数）をCSVファイルで保存できます。Excelでそのまま開けます（UTF-8）。
      </p>
      <p>
        {/* `download`: a plain click saves the file rather than opening it as a page. */}
        <a
          href={targetListCsvHref(batchId)}
          download
          className={buttonClassName({ variant: "secondary" })}
        >
          CSVをダウンロード
        </a>
      </p>
    </section>
  );
}
