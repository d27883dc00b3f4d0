import { describe, expect, it } from "vitest";
import {
  DEFAULT_FILTERS,
  defaultFiltersFor,
  isCalendarDay,
  parseQueueState,
  type QueueOptions,
  queueInput,
  queueOptionsFor,
  queueSearch,
  queueWith,
  withFilters,
  withPageSize,
  withSort,
} from "../src/queue/queue-params";

const ministry = queueOptionsFor("ministry");
const prefecture = queueOptionsFor("prefecture");

function parse(search: string, options: QueueOptions = ministry) {
  return parseQueueState(new URLSearchParams(search), options);
}

describe("the queue's address", () => {
  it("is empty for the role's first queue: what waits for the role, oldest first", () => {
    const state = parse("", prefecture);
    expect(state).toEqual({
      filters: { ...DEFAULT_FILTERS, status: "reviewing", stage: "prefecture" },
      sort: { key: "appliedAt", dir: "asc" },
      page: 1,
      pageSize: 50,
    });
    expect(queueSearch(state, prefecture)).toBe("");
    expect(parse("", ministry).filters.stage).toBe("ministry");
  });

  it("writes every stage as stage=any where the role's default is one stage", () => {
    const every = withFilters(parse("", prefecture), defaultFiltersFor(prefecture));
    const anyStage = { ...every, filters: { ...every.filters, stage: null } };
    expect(queueSearch(anyStage, prefecture)).toBe("?stage=any");
    expect(parse("stage=any", prefecture).filters.stage).toBeNull();
  });

  it("round-trips every filter, the sort and the page", () => {
    const search =
      "?stage=prefecture&input=completed&type=clinic&from=2026-11-25&to=2026-12-02&late=1&pref=27&q=%E4%B8%AD%E5%A4%AE&sort=weeksOfCover&dir=desc&page=3&size=20";
    const state = parse(search);
    expect(state.filters).toEqual({
      status: "reviewing",
      stage: "prefecture",
      reviewState: "completed",
      institutionType: "clinic",
      filedFrom: "2026-11-25",
      filedTo: "2026-12-02",
      late: true,
      prefectureCode: 27,
      search: "中央",
    });
    expect(state.sort).toEqual({ key: "weeksOfCover", dir: "desc" });
    expect(state.page).toBe(3);
    expect(state.pageSize).toBe(20);
    expect(queueSearch(state, ministry)).toBe(search);
    expect(parse(queueSearch(state, ministry))).toEqual(state);
  });

  it("falls back to the default for anything it cannot read", () => {
    const state = parse(
      "status=approved&stage=vendor&input=x&type=zoo&from=2026-02-30&to=yesterday&late=yes&pref=48&sort=name&dir=up&page=0&size=1000",
    );
    expect(state).toEqual(parse(""));
  });

  it("keeps a stage only while reviewing", () => {
    const accepted = parse("status=accepted&stage=prefecture");
    expect(accepted.filters.stage).toBeNull();
    expect(queueSearch(accepted, ministry)).toBe("?status=accepted");
  });

  it("reads a reversed filing range as the days between", () => {
    const { filters } = parse("from=2026-12-02&to=2026-11-25");
    expect([filters.filedFrom, filters.filedTo]).toEqual(["2026-11-25", "2026-12-02"]);
  });

  it("ignores a prefecture filter for a prefecture officer, who sees their own only", () => {
    expect(parse("pref=27", prefecture).filters.prefectureCode).toBeNull();
    expect(parse("pref=27", ministry).filters.prefectureCode).toBe(27);
  });

  it("does not search for blanks", () => {
    expect(parse("q=%20%E3%80%80%20").filters.search).toBeNull();
  });

  it("gives review.queue exactly the state", () => {
    const state = parse("late=1&sort=limitSets&dir=desc&page=2", prefecture);
    expect(queueInput(state)).toEqual({
      status: "reviewing",
      stage: "prefecture",
      reviewState: null,
      institutionType: null,
      filedFrom: null,
      filedTo: null,
      late: true,
      prefectureCode: null,
      search: null,
      sort: "limitSets",
      dir: "desc",
      page: 2,
      pageSize: 50,
    });
  });
});

describe("changing the queue", () => {
  const onPage3 = parse("page=3&size=20");

  it("starts a new filter or sort on the first page", () => {
    expect(withFilters(onPage3, { ...DEFAULT_FILTERS, late: true }).page).toBe(1);
    expect(withSort(onPage3, { key: "limitSets", dir: "desc" }).page).toBe(1);
  });

  it("keeps the first row shown in view when the page size changes", () => {
    // Page 3 of 20 starts at row 41, which is on page 1 of 50 and page 5 of 10.
    expect(withPageSize(onPage3, 50).page).toBe(1);
    expect(withPageSize(onPage3, 100).page).toBe(1);
    expect(withPageSize(parse("page=7&size=20"), 50).page).toBe(3);
  });

  it("builds links to the role's queue with some filters changed", () => {
    expect(queueSearch(queueWith(ministry, {}), ministry)).toBe("");
    expect(queueSearch(queueWith(ministry, { prefectureCode: 13, stage: null }), ministry)).toBe(
      "?stage=any&pref=13",
    );
    expect(queueSearch(queueWith(prefecture, { late: true }), prefecture)).toBe("?late=1");
  });
});

describe("isCalendarDay", () => {
  it("accepts real days only", () => {
    expect(isCalendarDay("2028-02-29")).toBe(true);
    expect(isCalendarDay("2026-02-29")).toBe(false);
    expect(isCalendarDay("2026-13-01")).toBe(false);
    expect(isCalendarDay("2026-1-01")).toBe(false);
  });
});
