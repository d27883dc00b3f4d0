import { Alert, Button, Card, FieldHint, Select } from "@sos/ui";
import { type FormEvent, useId, useState } from "react";
import { REGISTRY_ENCODINGS, type RegistryEncoding, uploadRegistryCsv } from "./upload-file";

/**
 * Choosing the registry file: nothing is written to the registry by this step,
 * the server reads the file and keeps it with its preview.
 */
export function RegistryUploadForm({ onUploaded }: { onUploaded: (id: string) => void }) {
  const fileId = useId();
  const hintId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<RegistryEncoding>("auto");
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (file === null) {
      setError("取り込む名簿のファイルを選んでください。");
      return;
    }
    setError(null);
    setSending(true);
    const outcome = await uploadRegistryCsv(file, encoding);
    setSending(false);
    if (outcome.ok) onUploaded(outcome.id);
    else setError(outcome.messageJa);
  };

  return (
    <Card>
      <form className="sos-stack" aria-label="名簿ファイルの選択" onSubmit={onSubmit} noValidate>
        <div className="sos-field">
          <label htmlFor={fileId} className="sos-field__label">
            名簿のファイル（CSV）
          </label>
          <FieldHint id={hintId}>
            見出し行：医療機関コード, 名称, 種別, 都道府県, 郵便番号, 住所, 電話, e-mail。
            約18万行（20〜30 MB）の読み込みと確認には1分ほどかかります。
          </FieldHint>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            aria-describedby={hintId}
            onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
          />
        </div>
        <Select
          label="文字コード"
          value={encoding}
          options={REGISTRY_ENCODINGS}
          placeholder={null}
          onChange={(event) => setEncoding(event.currentTarget.value as RegistryEncoding)}
        />
        {error !== null && <Alert tone="error" title={error} />}
        <div>
          <Button type="submit" disabled={sending} aria-busy={sending || undefined}>
            {sending ? "読み込んでいます…" : "読み込んで差分を確認する"}
          </Button>
        </div>
        <p className="rev-muted">
          この段階では名簿は変わりません。確認のあと「反映する」で反映します。
        </p>
      </form>
    </Card>
  );
}
