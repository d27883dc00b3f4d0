import { describe, expect, it } from "vitest";
import {
  CHECK_REASON_LABELS,
  CHECK_REASONS,
  LINK_STATE_LABELS,
  LINK_STATES,
  MATCH_FIELD_LABELS,
  MATCH_FIELDS,
  MATCH_STATUS_LABELS,
  MATCH_STATUSES,
} from "../src/index";

describe("照合 and link vocabulary", () => {
  it("labels every value exactly once, in Japanese", () => {
    const maps = [
      [MATCH_STATUSES, MATCH_STATUS_LABELS],
      [MATCH_FIELDS, MATCH_FIELD_LABELS],
      [CHECK_REASONS, CHECK_REASON_LABELS],
      [LINK_STATES, LINK_STATE_LABELS],
    ] as const;
    for (const [values, labels] of maps) {
      expect(Object.keys(labels).sort()).toEqual([...values].sort());
      const texts = Object.values(labels);
      expect(new Set(texts).size).toBe(texts.length);
    }
  });

  it("names the statuses as the vendor's screens and mails do", () => {
    expect(MATCH_STATUS_LABELS).toEqual({
      matched: "照合済み",
      not_registered: "未登録",
      mismatched: "登録内容不一致",
      needs_check: "要確認",
    });
    expect(LINK_STATE_LABELS.live).toBe("送信済み（有効）");
  });
});
