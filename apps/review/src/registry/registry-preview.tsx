import {
  Alert,
  Button,
  ConfirmDialog,
  DataTable,
  formatJaDateTime,
  formatNumber,
  SummaryList,
} from "@sos/ui";
import { useState } from "react";
import type { RegistryItems, RegistryUpload } from "../api-types";
import { ReviewQueuePagination } from "../queue/review-queue-pagination";

export type RegistryItemKind = RegistryItems["kind"];

export const REGISTRY_PAGE_SIZE = 50;

const KIND_LABELS: Readonly<Record<RegistryItemKind, string>> = {
  error: "誤りのある行",
  new: "新規",
  changed: "変更",
  gone: "名簿から消えたもの",
};

const KINDS: readonly RegistryItemKind[] = ["error", "new", "changed", "gone"];

function totalOf(upload: RegistryUpload, kind: RegistryItemKind): number {
  return kind === "error" ? upload.errorCount : upload.counts[kind];
}

function ItemsTable({ items }: { items: RegistryItems }) {
  const caption = KIND_LABELS[items.kind];
  switch (items.kind) {
    case "error":
      return (
        <DataTable
          caption={caption}
          hideCaption
          rows={items.items}
          rowKey={(e) => `${e.line}:${e.column}:${e.messageJa}`}
          columns={[
            { key: "line", header: "行", cell: (e) => `${e.line}行目`, rowHeader: true },
            { key: "column", header: "列", cell: (e) => e.column ?? "（行全体）" },
            { key: "message", header: "直すこと", cell: (e) => e.messageJa },
          ]}
        />
      );
    case "changed":
      return (
        <DataTable
          caption={caption}
          hideCaption
          rows={items.items}
          rowKey={(c) => c.code}
          columns={[
            {
              key: "name",
              header: "医療機関",
              cell: (c) => `${c.name}（${c.code}）`,
              rowHeader: true,
            },
            {
              key: "changes",
              header: "変わる項目（現在 → ファイル）",
              cell: (c) => (
                <ul className="rev-registry-changes">
                  {c.returning && <li>無効 → 有効（名簿に戻る）</li>}
                  {c.changes.map((change) => (
                    <li key={change.field}>
                      {change.label}：{change.before} → {change.after}
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      );
    default:
      return (
        <DataTable
          caption={caption}
          hideCaption
          rows={items.items}
          rowKey={(i) => i.code}
          columns={[
            { key: "code", header: "医療機関コード", cell: (i) => i.code, rowHeader: true },
            { key: "name", header: "名称", cell: (i) => i.name },
          ]}
        />
      );
  }
}

/** What the apply does to the links mailed to the addresses it changes; counted when the file was read. */
function linksAtRiskText(links: number): string {
  return `メールアドレスが変わる医療機関に販売業者が送った購入用URLのうち、まだ使えるもの ${formatNumber(links)}件（ファイルを読み込んだ時点）は、変更前のアドレス宛てのため無効になります。販売業者が変更後のアドレスに再送信します。`;
}

export interface RegistryPreviewProps {
  upload: RegistryUpload;
  kind: RegistryItemKind;
  page: number;
  /** The current page's lines; undefined while they load. */
  items: RegistryItems | undefined;
  onKindChange: (kind: RegistryItemKind) => void;
  onPageChange: (page: number) => void;
  /** Resolves once applied; rejects with the server's words in `applyError`. */
  onApply: () => Promise<void>;
  applyError: string | null;
  onChooseAnother: () => void;
}

/**
 * What the file would change, before anything is written: the counts, then the
 * lines of one kind at a time, 50 a page; 「反映する」 asks once more and applies
 * exactly this preview (the server refuses if the registry moved since).
 */
export function RegistryPreview(props: RegistryPreviewProps) {
  const { upload, kind, page, items } = props;
  const [confirming, setConfirming] = useState(false);
  const applied = upload.appliedAt !== null;
  const blocked = upload.errorCount > 0;
  const { counts } = upload;
  const atRisk = upload.purchaseLinksAtRisk;
  return (
    <div className="sos-stack">
      <SummaryList
        aria-label="取り込むファイル"
        items={[
          { term: "ファイル", detail: upload.fileName },
          {
            term: "行数",
            detail: `${formatNumber(upload.rowCount)}行（${upload.encoding === "cp932" ? "Shift_JIS" : "UTF-8"}）`,
          },
          {
            term: "読み込み",
            detail: `${formatJaDateTime(new Date(upload.uploadedAt))}（${upload.uploadedBy}）`,
          },
          { term: "誤りのある行", detail: `${formatNumber(upload.errorCount)}件` },
          { term: "新規", detail: `${formatNumber(counts.new)}件` },
          {
            term: "変更",
            detail: `${formatNumber(counts.changed)}件（うち名簿に戻る ${formatNumber(counts.returning)}件）`,
          },
          { term: "名簿から消えたもの（無効にします）", detail: `${formatNumber(counts.gone)}件` },
          { term: "変更なし", detail: `${formatNumber(counts.unchanged)}件` },
        ]}
      />
      {applied ? (
        <Alert tone="success" title="この内容を名簿に反映しました。">
          <p>
            {formatJaDateTime(new Date(upload.appliedAt ?? ""))}（{upload.appliedBy}
            ）。名簿から消えた医療機関は削除せず、無効にしました。
          </p>
          {(upload.purchaseLinksRevoked ?? 0) > 0 && (
            <p>
              メールアドレスが変わった医療機関の購入用URL{" "}
              {formatNumber(upload.purchaseLinksRevoked ?? 0)}
              件を無効にしました。販売業者が変更後のアドレスに再送信します。
            </p>
          )}
        </Alert>
      ) : blocked ? (
        <Alert
          tone="error"
          title={`誤りのある行が${formatNumber(upload.errorCount)}件あるため、反映できません。`}
        >
          下の「誤りのある行」を見てファイルを直し、もう一度読み込んでください。
        </Alert>
      ) : atRisk > 0 ? (
        <Alert
          tone="warning"
          title={`反映すると、購入用URL ${formatNumber(atRisk)}件が無効になります。`}
        >
          {linksAtRiskText(atRisk)}
        </Alert>
      ) : null}
      <fieldset className="rev-registry-kinds">
        <legend className="sos-visually-hidden">表示する内容</legend>
        {KINDS.map((k) => (
          <Button
            key={k}
            variant={k === kind ? "primary" : "secondary"}
            aria-pressed={k === kind}
            onClick={() => props.onKindChange(k)}
          >
            {KIND_LABELS[k]}（{formatNumber(totalOf(upload, k))}件）
          </Button>
        ))}
      </fieldset>
      <h2>{KIND_LABELS[kind]}</h2>
      {items === undefined ? (
        <p className="rev-muted">読み込んでいます…</p>
      ) : (
        <>
          <ItemsTable items={items} />
          <ReviewQueuePagination
            page={page}
            pageSize={REGISTRY_PAGE_SIZE}
            total={items.total}
            onPageChange={props.onPageChange}
          />
        </>
      )}
      <div className="rev-registry-actions">
        {!applied && (
          <Button disabled={blocked} onClick={() => setConfirming(true)}>
            反映する
          </Button>
        )}
        <Button variant="secondary" onClick={props.onChooseAnother}>
          別のファイルを読み込む
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        title="この内容を名簿に反映しますか"
        description={`新規 ${formatNumber(counts.new)}件、変更 ${formatNumber(counts.changed)}件、名簿から消えたもの ${formatNumber(counts.gone)}件（無効にします）を反映します。メールアドレスや住所が変わる医療機関には、お知らせのメールが届きます。${atRisk > 0 ? linksAtRiskText(atRisk) : ""}`}
        confirmLabel="反映する"
        pendingLabel="反映しています"
        error={props.applyError}
        onConfirm={async () => {
          await props.onApply();
          setConfirming(false);
        }}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}
