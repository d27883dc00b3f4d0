import { formatPhone } from "@sos/rules";
import {
  DataTable,
  type DataTableColumn,
  formatAddress,
  formatJaDateTime,
  formatNumber,
  PageHeader,
  Select,
} from "@sos/ui";
import { LoadFailed, Loading, PageTitle, useTRPC } from "@sos/web";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import type { RegistrationRow } from "../api-types";
import { FilterForm } from "../common/filter-form";
import { READ_ON_OPEN } from "../common/fresh";
import { Pager } from "../common/pager";
import { PATHS } from "../paths";
import { ImportPanel } from "./import-panel";

const PAGE_SIZE = 50;

const SOURCE_OPTIONS = [
  { value: "web", label: "購入サイトで登録" },
  { value: "import", label: "CSVで取り込み" },
] as const;

const SOURCE_LABELS: Readonly<Record<RegistrationRow["source"], string>> = {
  web: "購入サイト",
  import: "CSV取り込み",
};

/** Whether the facility proved the registration is its own; the vendor's import needs no proof. */
function confirmationOf(row: RegistrationRow): string | null {
  if (row.source === "import") return null;
  if (row.confirmedVia === "mail") return "国の登録アドレスで確認済み";
  if (row.confirmedVia === "institution") return "医療機関アカウントで確認済み";
  return "未確認（購入リンクは送信されません）";
}

const COLUMNS: DataTableColumn<RegistrationRow>[] = [
  { key: "code", header: "医療機関コード", cell: (row) => row.institutionCode },
  { key: "name", header: "施設名", rowHeader: true, cell: (row) => row.facilityName },
  {
    key: "address",
    header: "住所・電話番号",
    cell: (row) => (
      <span className="vendor-cell-stack">
        <span>{formatAddress(row)}</span>
        <span className="vendor-muted">{formatPhone(row.phone)}</span>
      </span>
    ),
  },
  { key: "email", header: "メールアドレス", cell: (row) => row.email },
  { key: "payment", header: "お支払い方法", cell: (row) => row.paymentMethodLabel },
  {
    key: "source",
    header: "登録元・確認・更新日時",
    cell: (row) => (
      <span className="vendor-cell-stack">
        <span>{SOURCE_LABELS[row.source]}</span>
        {confirmationOf(row) !== null && <span>{confirmationOf(row)}</span>}
        <span className="vendor-muted">{formatJaDateTime(new Date(row.updatedAt))}</span>
      </span>
    ),
  },
];

/** ①' the facilities registered with the vendor, and the import of its existing customers. */
export function RegistrationsPage() {
  const trpc = useTRPC();
  const [source, setSource] = useState<RegistrationRow["source"] | null>(null);
  const [search, setSearch] = useState("");
  const [applied, setApplied] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const list = useQuery({
    ...trpc.vendorPortal.registrations.queryOptions({
      search: applied,
      source,
      page,
      pageSize: PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
    ...READ_ON_OPEN,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setApplied(search.trim() === "" ? null : search.trim());
    setPage(1);
  };

  return (
    <div className="sos-stack">
      <PageTitle>施設登録</PageTitle>
      <PageHeader
        title="施設登録"
        description={
          <p>
            購入サイトに登録された医療機関です。施設には登録ページ（
            <Link to={PATHS.register}>購入サイトへの施設登録</Link>
            ）を案内してください。未登録の医療機関には、対象医療機関リストから登録依頼メールを送れます。
          </p>
        }
      />
      <section className="sos-stack" aria-labelledby="vendor-registrations-title">
        <h2 id="vendor-registrations-title" className="vendor-section-title">
          登録済みの施設
        </h2>
        <FilterForm
          label="施設登録の絞り込み"
          searchLabel="医療機関コード・施設名・メールアドレス"
          search={search}
          onSearch={setSearch}
          onSubmit={submit}
        >
          <Select
            label="登録元"
            placeholder="すべて"
            options={SOURCE_OPTIONS}
            value={source ?? ""}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setSource(value === "web" || value === "import" ? value : null);
              setPage(1);
            }}
          />
        </FilterForm>
        {list.isPending ? (
          <Loading>施設登録を読み込んでいます…</Loading>
        ) : list.isError && list.data === undefined ? (
          <LoadFailed
            title="施設登録を表示できませんでした"
            error={list.error}
            onRetry={() => void list.refetch()}
          />
        ) : (
          <>
            <DataTable<RegistrationRow>
              caption={`施設登録（${formatNumber(list.data.total)}件）`}
              rows={list.data.items}
              rowKey={(row) => row.id}
              emptyMessage="条件に当てはまる施設登録はありません。"
              columns={COLUMNS}
            />
            <Pager
              label="施設登録のページ"
              page={list.data.page}
              pageSize={list.data.pageSize}
              total={list.data.total}
              onPage={setPage}
            />
          </>
        )}
      </section>
      <ImportPanel />
    </div>
  );
}
