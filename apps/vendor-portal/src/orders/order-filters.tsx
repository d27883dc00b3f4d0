import { type OrderStatus, PREFECTURES } from "@sos/domain";
import { Select } from "@sos/ui";
import type { FormEvent } from "react";
import { FilterForm } from "../common/filter-form";

const STATUS_OPTIONS = [
  { value: "ordered", label: "注文済み（出荷待ち）" },
  { value: "shipped", label: "出荷済み" },
  { value: "delivered", label: "配達済み" },
  { value: "cancelled", label: "キャンセル" },
] as const satisfies ReadonlyArray<{ value: OrderStatus; label: string }>;

const PREFECTURE_OPTIONS = PREFECTURES.map((p) => ({ value: String(p.code), label: p.name }));

export interface OrderFilter {
  status: OrderStatus | null;
  prefectureCode: number | null;
  search: string | null;
  page: number;
}

export interface OrderFiltersProps {
  filter: OrderFilter;
  onFilter: (filter: OrderFilter) => void;
  /** The search box as typed; applied on submit. */
  search: string;
  onSearch: (search: string) => void;
  onSubmit: (event: FormEvent) => void;
}

/** The orders' filters: status, prefecture, and a search by number, name or code. */
export function OrderFilters({ filter, onFilter, search, onSearch, onSubmit }: OrderFiltersProps) {
  return (
    <FilterForm
      label="注文の絞り込み"
      searchLabel="注文番号・医療機関名・コード"
      search={search}
      onSearch={onSearch}
      onSubmit={onSubmit}
    >
      <Select
        label="状態"
        placeholder="すべて"
        options={STATUS_OPTIONS}
        value={filter.status ?? ""}
        onChange={(event) =>
          onFilter({
            ...filter,
            status:
              STATUS_OPTIONS.find((option) => option.value === event.currentTarget.value)?.value ??
              null,
            page: 1,
          })
        }
      />
      <Select
        label="都道府県"
        placeholder="すべて"
        options={PREFECTURE_OPTIONS}
        value={filter.prefectureCode === null ? "" : String(filter.prefectureCode)}
        onChange={(event) => {
          const value = event.currentTarget.value;
          onFilter({
            ...filter,
            prefectureCode: value === "" ? null : Number(value),
            page: 1,
          });
        }}
      />
    </FilterForm>
  );
}
