import { Alert, Button, Checkbox, DataTable, formatNumber, Select } from "@sos/ui";
import { errorMessageJa, useTRPC } from "@sos/web";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useRef, useState } from "react";
import type { ImportResult } from "../api-types";
import { fileToBase64 } from "./base64";

type Row = ImportResult["rows"][number];
type Encoding = "auto" | "utf8" | "cp932";

const ENCODINGS: ReadonlyArray<{ value: Encoding; label: string }> = [
  { value: "auto", label: "自動判定" },
  { value: "utf8", label: "UTF-8" },
  { value: "cp932", label: "Shift_JIS（Excel の「CSV（コンマ区切り）」）" },
];

const OUTCOME_LABELS: Readonly<Record<Row["outcome"], string>> = {
  created: "新規登録",
  updated: "更新",
  unchanged: "変更なし",
  refused: "取り込めません",
};

/** The file picker's limit, below the API's (about 1 MB of CSV). */
const MAX_BYTES = 1_000_000;

/**
 * ①' the vendor's existing customers from its own records (CSV, UTF-8 or Shift_JIS);
 * their registered email is used for the links. Every row's outcome is shown.
 */
export function ImportPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const fileId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [encoding, setEncoding] = useState<Encoding>("auto");
  const [overwriteWeb, setOverwriteWeb] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const importCsv = useMutation(trpc.vendorPortal.importRegistrations.mutationOptions());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    setFileError(null);
    const file = fileRef.current?.files?.[0];
    if (file === undefined) {
      setFileError("CSVファイルを選択してください");
      fileRef.current?.focus();
      return;
    }
    if (file.size > MAX_BYTES) {
      setFileError("ファイルが大きすぎます（1MBまで）。ファイルを分けて取り込んでください");
      return;
    }
    try {
      const csv = await fileToBase64(file);
      setResult(await importCsv.mutateAsync({ csv, encoding, overwriteWeb }));
      void queryClient.invalidateQueries({ queryKey: trpc.vendorPortal.registrations.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.vendorPortal.batch.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.vendorPortal.batches.queryKey() });
    } catch {
      // The mutation's error is shown below.
    }
  };

  return (
    <section className="sos-stack" aria-labelledby="vendor-import-title">
      <div className="vendor-heading-group">
        <h2 id="vendor-import-title" className="vendor-section-title">
          既存顧客の取り込み（CSV）
        </h2>
        <p className="vendor-muted">
          1行目に見出し（医療機関コード・施設名・郵便番号・住所・電話番号・メールアドレス・お支払い方法）がある
          CSV を取り込みます。医療機関コードが同じ登録は更新されます。
        </p>
      </div>
      <form className="vendor-import" onSubmit={(event) => void submit(event)} noValidate>
        <div className="sos-field">
          <label className="sos-field__label" htmlFor={fileId}>
            CSVファイル
          </label>
          <input
            id={fileId}
            ref={fileRef}
            type="file"
            accept=".csv,text/csv"
            className="vendor-file"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? `${fileId}-error` : undefined}
            onChange={() => setFileError(null)}
          />
          {fileError && (
            <p id={`${fileId}-error`} className="sos-field__error">
              {fileError}
            </p>
          )}
        </div>
        <Select
          label="文字コード"
          placeholder={null}
          options={ENCODINGS}
          value={encoding}
          onChange={(event) => setEncoding(event.currentTarget.value as Encoding)}
        />
        <Checkbox
          label="Web登録も上書きする"
          hint="購入サイトで施設が自ら登録した内容も、CSVの内容で更新します。選ばない場合、その行は取り込みません。"
          checked={overwriteWeb}
          onChange={(event) => setOverwriteWeb(event.currentTarget.checked)}
        />
        <div>
          <Button type="submit" loading={importCsv.isPending} loadingLabel="取り込み中">
            取り込む
          </Button>
        </div>
      </form>
      {importCsv.isError && (
        <Alert tone="error" title="取り込めませんでした">
          <p>{errorMessageJa(importCsv.error)}</p>
        </Alert>
      )}
      {result !== null && <ImportOutcome result={result} />}
    </section>
  );
}

function ImportOutcome({ result }: { result: ImportResult }) {
  const refused = result.rows.filter((row) => row.outcome === "refused");
  return (
    <div className="sos-stack">
      <Alert tone={result.refused > 0 ? "warning" : "success"} title="取り込みが終わりました">
        <p>
          {formatNumber(result.totalRows)}行（{result.encoding === "utf8" ? "UTF-8" : "Shift_JIS"}
          ）：新規登録 {formatNumber(result.created)}件・更新 {formatNumber(result.updated)}
          件・変更なし {formatNumber(result.unchanged)}件・取り込めなかった行{" "}
          {formatNumber(result.refused)}件
        </p>
        {refused.length > 0 && (
          <p>取り込めなかった行は、理由を確認してCSVを直し、もう一度取り込んでください。</p>
        )}
      </Alert>
      <DataTable<Row>
        caption="行ごとの結果"
        rows={result.rows}
        rowKey={(row) => String(row.line)}
        columns={[
          {
            key: "line",
            header: "行",
            align: "end",
            cell: (row) => `${formatNumber(row.line)}行目`,
          },
          { key: "code", header: "医療機関コード", cell: (row) => row.institutionCode ?? "—" },
          { key: "name", header: "施設名", cell: (row) => row.facilityName ?? "—" },
          {
            key: "outcome",
            header: "結果",
            cell: (row) => (
              <span className="vendor-pill" data-state={row.outcome}>
                {OUTCOME_LABELS[row.outcome]}
              </span>
            ),
          },
          {
            key: "detail",
            header: "理由・変更した項目",
            cell: (row) =>
              row.reasons.length > 0 ? (
                <ul className="vendor-reasons">
                  {row.reasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              ) : row.changedFields.length > 0 ? (
                row.changedFields.join("・")
              ) : (
                "—"
              ),
          },
        ]}
      />
    </div>
  );
}
