import { Alert, Button, formatNumber, formatSets, PageHeader, Select } from "@sos/ui";
import { errorMessageJa, PageTitle, useTRPC } from "@sos/web";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import type { PublicationFile } from "../api-types";
import { saveTextFile } from "../common/download";
import { recentWeeks } from "../progress/week-options";

/**
 * The publishable list of a week (consent term ②: names and quantities may be
 * published): every request approved for that survey week, as a CSV file.
 */
export function PublicationPage() {
  const trpc = useTRPC();
  const exportFile = useMutation(trpc.publication.export.mutationOptions());
  const deadlines = useQuery(trpc.review.deadlines.queryOptions());
  const [weeks] = useState(() => recentWeeks(new Date()));
  const [chosen, setChosen] = useState<string | null>(null);
  const [saved, setSaved] = useState<PublicationFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  // The round being reviewed is the week most likely wanted.
  const round = deadlines.data?.round.weekStart;
  const week =
    chosen ?? weeks.find((option) => option.value === round)?.value ?? weeks[0]?.value ?? "";

  useEffect(() => {
    if (saved !== null || error !== null) resultRef.current?.focus();
  }, [saved, error]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(null);
    setError(null);
    try {
      const file = await exportFile.mutateAsync({ weekStart: week });
      saveTextFile(file.csv, file.filename, file.contentType);
      setSaved(file);
    } catch (failure) {
      setError(errorMessageJa(failure));
    }
  };

  return (
    <div className="sos-stack">
      <PageTitle>公表用一覧</PageTitle>
      <PageHeader
        title="公表用一覧"
        description="選んだ週に承認（受付完了）した要請の、医療機関名・都道府県・数量の一覧をCSVファイル（UTF-8・BOM付き）で出力します。要請の際、医療機関は名称と数量の公表に同意しています（同意事項②）。"
      />
      <div ref={resultRef} tabIndex={-1} className="rev-result">
        {error !== null && (
          <Alert tone="error" title="公表用一覧を出力できませんでした">
            <p>{error}</p>
          </Alert>
        )}
        {saved !== null && (
          <Alert tone="success" title={`${saved.filename} を保存しました`}>
            <p>
              {saved.rowCount === 0
                ? "この週に承認した要請はありません（見出しだけのファイルです）。"
                : `${formatNumber(saved.rowCount)}件、合計 ${formatSets(saved.totalSets)}。`}
            </p>
          </Alert>
        )}
      </div>
      <form className="rev-inline-form" onSubmit={submit}>
        <Select
          label="対象の週"
          placeholder={null}
          options={weeks}
          value={week}
          onChange={(event) => setChosen(event.currentTarget.value)}
        />
        <Button type="submit" loading={exportFile.isPending} loadingLabel="出力中">
          CSVをダウンロード
        </Button>
      </form>
    </div>
  );
}
