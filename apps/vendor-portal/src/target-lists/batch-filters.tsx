import { LINK_STATE_LABELS, MATCH_STATUS_LABELS } from "@sos/domain";
import { Select } from "@sos/ui";
import { KEEP_FOCUS_STATE } from "@sos/web";
import { type FormEvent, useState } from "react";
import { useSearchParams } from "react-router";
import type { LinkState, MatchStatusCode } from "../api-types";
import { FilterForm } from "../common/filter-form";

export interface BatchFilter {
  status: MatchStatusCode | null;
  linkState: LinkState | null;
  search: string | null;
}

const MATCH_OPTIONS = [
  { value: "matched", label: MATCH_STATUS_LABELS.matched },
  { value: "mismatched", label: MATCH_STATUS_LABELS.mismatched },
  { value: "needs_check", label: MATCH_STATUS_LABELS.needs_check },
  { value: "not_registered", label: MATCH_STATUS_LABELS.not_registered },
] as const;

const LINK_OPTIONS = [
  { value: "none", label: LINK_STATE_LABELS.none },
  { value: "live", label: LINK_STATE_LABELS.live },
  { value: "expired", label: LINK_STATE_LABELS.expired },
  { value: "revoked", label: LINK_STATE_LABELS.revoked },
  { value: "address_changed", label: LINK_STATE_LABELS.address_changed },
  { value: "used", label: LINK_STATE_LABELS.used },
] as const;

function pick<T extends string>(
  options: ReadonlyArray<{ value: T }>,
  value: string | null,
): T | null {
  return options.find((option) => option.value === value)?.value ?? null;
}

/** The list's filter, kept in the address so a reload or a shared link shows the same rows. */
export function useBatchFilter(): [BatchFilter, (next: BatchFilter) => void] {
  const [params, setParams] = useSearchParams();
  const filter: BatchFilter = {
    status: pick(MATCH_OPTIONS, params.get("match")),
    linkState: pick(LINK_OPTIONS, params.get("link")),
    search: params.get("q"),
  };
  const set = (next: BatchFilter) => {
    const query = new URLSearchParams();
    if (next.status) query.set("match", next.status);
    if (next.linkState) query.set("link", next.linkState);
    if (next.search) query.set("q", next.search);
    setParams(query, { replace: true, state: KEEP_FOCUS_STATE });
  };
  return [filter, set];
}

export function BatchFilters({
  filter,
  onChange,
}: {
  filter: BatchFilter;
  onChange: (next: BatchFilter) => void;
}) {
  const [search, setSearch] = useState(filter.search ?? "");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...filter, search: search.trim() === "" ? null : search.trim() });
  };
  return (
    <FilterForm
      label="医療機関の絞り込み"
      searchLabel="医療機関名・コード"
      search={search}
      onSearch={setSearch}
      onSubmit={submit}
    >
      <Select
        label="照合結果"
        placeholder="すべて"
        options={MATCH_OPTIONS}
        value={filter.status ?? ""}
        onChange={(event) =>
          onChange({ ...filter, status: pick(MATCH_OPTIONS, event.currentTarget.value) })
        }
      />
      <Select
        label="購入リンク"
        placeholder="すべて"
        options={LINK_OPTIONS}
        value={filter.linkState ?? ""}
        onChange={(event) =>
          onChange({ ...filter, linkState: pick(LINK_OPTIONS, event.currentTarget.value) })
        }
      />
    </FilterForm>
  );
}
