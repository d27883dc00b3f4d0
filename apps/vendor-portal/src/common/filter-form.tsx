import { Button, TextField } from "@sos/ui";
import type { FormEvent, ReactNode } from "react";

export interface FilterFormProps {
  /** The search landmark's name, e.g. 注文の絞り込み. */
  label: string;
  /** What the search box looks in, e.g. 注文番号・医療機関名・コード. */
  searchLabel: string;
  /** The search box as typed; applied on submit. */
  search: string;
  onSearch: (search: string) => void;
  onSubmit: (event: FormEvent) => void;
  /** The selects, which apply at once. */
  children: ReactNode;
}

/** A list's filters: its selects, then a search box applied by 「検索」. */
export function FilterForm({
  label,
  searchLabel,
  search,
  onSearch,
  onSubmit,
  children,
}: FilterFormProps) {
  return (
    <search aria-label={label}>
      <form className="vendor-filters" onSubmit={onSubmit}>
        {children}
        <div className="vendor-filters__search">
          <TextField
            label={searchLabel}
            type="search"
            value={search}
            onChange={(event) => onSearch(event.currentTarget.value)}
          />
          <Button type="submit" variant="secondary">
            検索
          </Button>
        </div>
      </form>
    </search>
  );
}
