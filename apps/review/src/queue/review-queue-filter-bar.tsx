import { INSTITUTION_TYPE_LABELS, INSTITUTION_TYPES, type InstitutionType } from "@sos/domain";
import {
  Button,
  Checkbox,
  DateField,
  invalidDateMessage,
  isIsoDate,
  Select,
  type SelectOption,
  TextField,
} from "@sos/ui";
import { type FormEvent, useEffect, useId, useState } from "react";
import {
  DEFAULT_FILTERS,
  type QueueFilters,
  type QueueStatus,
  type ReviewState,
} from "./queue-params";

/** A prefecture to filter by (JIS X 0401 code and name). */
export interface PrefectureOption {
  code: number;
  name: string;
}

export interface ReviewQueueFilterBarProps {
  filters: QueueFilters;
  /** Called with the whole set when 「絞り込む」 is pressed (or Enter in a field). */
  onFiltersChange: (filters: QueueFilters) => void;
  /** The ministry's prefectures; without it there is no prefecture filter. */
  prefectures?: ReadonlyArray<PrefectureOption> | undefined;
  /**
   * What 「条件をクリア」 goes back to: the queue as the officer first sees it (a
   * prefecture's own stage, say); every status under review when absent.
   */
  defaultFilters?: Readonly<QueueFilters> | undefined;
}

/** Status and stage in one choice, the way officers think of a request's place. */
const STATUS_CHOICES = [
  { value: "reviewing", label: "確認中（都道府県・国）" },
  { value: "reviewing:prefecture", label: "都道府県確認中" },
  { value: "reviewing:ministry", label: "国確認中" },
  { value: "accepted", label: "受付完了" },
  { value: "not_eligible", label: "対象外" },
  { value: "withdrawn", label: "取下げ" },
  { value: "all", label: "すべて" },
] as const satisfies ReadonlyArray<SelectOption>;

type StatusChoice = (typeof STATUS_CHOICES)[number]["value"];

const REVIEW_STATE_CHOICES: ReadonlyArray<SelectOption & { value: ReviewState }> = [
  { value: "none", label: "未入力" },
  { value: "draft", label: "一時保存（未完了）" },
  { value: "completed", label: "確認完了" },
];

const RANGE_ERROR = "申請日の範囲が正しくありません（開始日が終了日より後です）";

function statusChoiceOf(filters: QueueFilters): StatusChoice {
  if (filters.status === "reviewing" && filters.stage !== null) {
    return `reviewing:${filters.stage}`;
  }
  return filters.status;
}

function fromStatusChoice(choice: StatusChoice): Pick<QueueFilters, "status" | "stage"> {
  if (choice === "reviewing:prefecture") return { status: "reviewing", stage: "prefecture" };
  if (choice === "reviewing:ministry") return { status: "reviewing", stage: "ministry" };
  return { status: choice as QueueStatus, stage: null };
}

interface Draft {
  search: string;
  status: StatusChoice;
  reviewState: string;
  institutionType: string;
  prefectureCode: string;
  filedFrom: string;
  filedTo: string;
  late: boolean;
}

function toDraft(filters: QueueFilters): Draft {
  return {
    search: filters.search ?? "",
    status: statusChoiceOf(filters),
    reviewState: filters.reviewState ?? "",
    institutionType: filters.institutionType ?? "",
    prefectureCode: filters.prefectureCode === null ? "" : String(filters.prefectureCode),
    filedFrom: filters.filedFrom ?? "",
    filedTo: filters.filedTo ?? "",
    late: filters.late === true,
  };
}

function fromDraft(draft: Draft, withPrefecture: boolean): QueueFilters {
  const search = draft.search.trim();
  return {
    ...fromStatusChoice(draft.status),
    reviewState: draft.reviewState === "" ? null : (draft.reviewState as ReviewState),
    institutionType:
      draft.institutionType === "" ? null : (draft.institutionType as InstitutionType),
    prefectureCode:
      withPrefecture && draft.prefectureCode !== "" ? Number(draft.prefectureCode) : null,
    filedFrom: draft.filedFrom === "" ? null : draft.filedFrom,
    filedTo: draft.filedTo === "" ? null : draft.filedTo,
    // Unticked means "do not filter", not "only those on time".
    late: draft.late ? true : null,
    search: search === "" ? null : search,
  };
}

/**
 * The queue's filters. Nothing is fetched while choosing: the set applies at once
 * with 「絞り込む」 (or Enter), so a half-typed date never sends a query.
 */
export function ReviewQueueFilterBar({
  filters,
  onFiltersChange,
  prefectures,
  defaultFilters = DEFAULT_FILTERS,
}: ReviewQueueFilterBarProps) {
  const id = useId();
  const withPrefecture = prefectures !== undefined;
  const filtersKey = JSON.stringify(filters);
  const [draft, setDraft] = useState(() => toDraft(filters));
  const [rangeError, setRangeError] = useState<string | undefined>(undefined);
  const [fromError, setFromError] = useState<string | undefined>(undefined);

  // Filters changed from outside (a link, the browser's back button) replace the form.
  useEffect(() => {
    setDraft(toDraft(JSON.parse(filtersKey) as QueueFilters));
    setRangeError(undefined);
    setFromError(undefined);
  }, [filtersKey]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Three boxes that make no date are said so, never sent as a filter.
    const badFrom = draft.filedFrom !== "" && !isIsoDate(draft.filedFrom);
    const badTo = draft.filedTo !== "" && !isIsoDate(draft.filedTo);
    setFromError(badFrom ? invalidDateMessage("開始日") : undefined);
    if (badFrom || badTo) {
      setRangeError(badTo ? invalidDateMessage("終了日") : undefined);
      document.getElementById(badFrom ? `${id}-from` : `${id}-to`)?.focus();
      return;
    }
    if (draft.filedFrom !== "" && draft.filedTo !== "" && draft.filedFrom > draft.filedTo) {
      setRangeError(RANGE_ERROR);
      document.getElementById(`${id}-to`)?.focus();
      return;
    }
    setRangeError(undefined);
    onFiltersChange(fromDraft(draft, withPrefecture));
  };

  const clear = () => {
    setRangeError(undefined);
    setFromError(undefined);
    setDraft(toDraft(defaultFilters));
    onFiltersChange({ ...defaultFilters });
  };

  return (
    <search
      className="sos-queue-filters"
      // biome-ignore lint/a11y/noRedundantRoles: browsers before 2023 (and testing tools) do not map <search> to the role yet
      role="search"
      aria-label="要請の絞り込み"
    >
      <form className="sos-queue-filters__form" onSubmit={submit}>
        <div className="sos-queue-filters__fields">
          <div className="sos-queue-filters__search">
            <TextField
              id={`${id}-search`}
              label="医療機関名・コード"
              type="search"
              enterKeyHint="search"
              autoComplete="off"
              value={draft.search}
              onChange={(event) => set("search", event.currentTarget.value)}
            />
          </div>
          <Select
            id={`${id}-status`}
            label="状態"
            placeholder={null}
            options={STATUS_CHOICES}
            value={draft.status}
            onChange={(event) => set("status", event.currentTarget.value as StatusChoice)}
          />
          <Select
            id={`${id}-review-state`}
            label="都道府県の入力"
            placeholder="すべて"
            options={REVIEW_STATE_CHOICES}
            value={draft.reviewState}
            onChange={(event) => set("reviewState", event.currentTarget.value)}
          />
          <Select
            id={`${id}-type`}
            label="施設種別"
            placeholder="すべて"
            options={INSTITUTION_TYPES.map((type) => ({
              value: type,
              label: INSTITUTION_TYPE_LABELS.ja[type],
            }))}
            value={draft.institutionType}
            onChange={(event) => set("institutionType", event.currentTarget.value)}
          />
          {withPrefecture && (
            <Select
              id={`${id}-prefecture`}
              label="都道府県"
              placeholder="すべて"
              options={prefectures.map((prefecture) => ({
                value: String(prefecture.code),
                label: prefecture.name,
              }))}
              value={draft.prefectureCode}
              onChange={(event) => set("prefectureCode", event.currentTarget.value)}
            />
          )}
          <fieldset className="sos-queue-filters__range">
            <legend>申請日</legend>
            <div className="sos-queue-filters__range-fields">
              <DateField
                id={`${id}-from`}
                label="開始日"
                value={draft.filedFrom}
                error={fromError}
                onChange={(value) => set("filedFrom", value)}
              />
              <span className="sos-queue-filters__range-sep" aria-hidden="true">
                〜
              </span>
              <DateField
                id={`${id}-to`}
                label="終了日"
                value={draft.filedTo}
                error={rangeError}
                onChange={(value) => set("filedTo", value)}
              />
            </div>
          </fieldset>
          <Checkbox
            id={`${id}-late`}
            className="sos-queue-filters__late"
            label="締切（水曜17時）後の申請のみ"
            checked={draft.late}
            onChange={(event) => set("late", event.currentTarget.checked)}
          />
        </div>
        <div className="sos-queue-filters__actions">
          <Button type="submit">絞り込む</Button>
          <Button variant="tertiary" onClick={clear}>
            条件をクリア
          </Button>
        </div>
      </form>
    </search>
  );
}
