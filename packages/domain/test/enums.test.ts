import { describe, expect, it } from "vitest";
import {
  GLOVE_SIZE_LABELS,
  GLOVE_SIZES,
  GloveSize,
  INSTITUTION_TYPE_LABELS,
  INSTITUTION_TYPES,
  InstitutionType,
  type LabelMap,
  LOCALES,
  labelOf,
  ORDER_STATUS_LABELS,
  ORDER_STATUSES,
  OrderStatus,
  PAYMENT_METHOD_LABELS,
  PAYMENT_METHODS,
  PaymentMethod,
  REVIEW_STAGE_LABELS,
  REVIEW_STAGES,
  ReviewStage,
  ROLE_LABELS,
  ROLES,
  Role,
  SOS_STATUS_DESCRIPTIONS,
  SOS_STATUS_LABELS,
  SOS_STATUSES,
  SosStatus,
  SURVEY_STATUS_LABELS,
  SURVEY_STATUSES,
  SurveyStatus,
  sosStatusDetailLabel,
} from "../src/index";

const ENUMS: ReadonlyArray<{
  name: string;
  values: readonly string[];
  schema: { safeParse: (v: unknown) => { success: boolean } };
  labels: LabelMap<string>;
}> = [
  { name: "Role", values: ROLES, schema: Role, labels: ROLE_LABELS },
  {
    name: "InstitutionType",
    values: INSTITUTION_TYPES,
    schema: InstitutionType,
    labels: INSTITUTION_TYPE_LABELS,
  },
  { name: "SosStatus", values: SOS_STATUSES, schema: SosStatus, labels: SOS_STATUS_LABELS },
  { name: "ReviewStage", values: REVIEW_STAGES, schema: ReviewStage, labels: REVIEW_STAGE_LABELS },
  {
    name: "PaymentMethod",
    values: PAYMENT_METHODS,
    schema: PaymentMethod,
    labels: PAYMENT_METHOD_LABELS,
  },
  { name: "OrderStatus", values: ORDER_STATUSES, schema: OrderStatus, labels: ORDER_STATUS_LABELS },
  {
    name: "SurveyStatus",
    values: SURVEY_STATUSES,
    schema: SurveyStatus,
    labels: SURVEY_STATUS_LABELS,
  },
  { name: "GloveSize", values: GLOVE_SIZES, schema: GloveSize, labels: GLOVE_SIZE_LABELS },
];

describe.each(ENUMS)("$name", ({ values, schema, labels }) => {
  it("accepts every value and nothing else", () => {
    for (const value of values) expect(schema.safeParse(value).success).toBe(true);
    expect(schema.safeParse("unknown").success).toBe(false);
    // Exact strings only: the DB check constraints compare case-sensitively.
    const first = values[0] ?? "";
    const otherCase = first === first.toUpperCase() ? first.toLowerCase() : first.toUpperCase();
    expect(schema.safeParse(otherCase).success).toBe(false);
    expect(schema.safeParse(undefined).success).toBe(false);
  });

  it.each(LOCALES)("has a distinct, non-empty %s label for exactly its values", (locale) => {
    const map = labels[locale];
    expect(Object.keys(map).sort()).toEqual([...values].sort());
    for (const value of values) expect(map[value]?.trim()).not.toBe("");
    expect(new Set(Object.values(map)).size).toBe(values.length);
  });
});

describe("Japanese labels are the scheme's words", () => {
  it("institution types", () => {
    expect(INSTITUTION_TYPE_LABELS.ja).toEqual({
      hospital: "病院",
      clinic: "診療所（歯科を含む）",
      home_nursing: "訪問看護事業所",
      pharmacy: "薬局",
      midwifery: "助産所",
    });
  });

  it("SOS statuses", () => {
    expect(SOS_STATUS_LABELS.ja).toEqual({
      draft: "申請前",
      error: "エラーあり",
      reviewing: "都道府県・国確認中",
      accepted: "受付完了",
      not_eligible: "対象外",
      withdrawn: "取下げ",
    });
  });

  it("review stages, payment methods, order and survey statuses", () => {
    expect(REVIEW_STAGE_LABELS.ja).toEqual({ prefecture: "都道府県確認中", ministry: "国確認中" });
    expect(PAYMENT_METHOD_LABELS.ja).toEqual({
      invoice: "請求書払い",
      bank_transfer: "銀行振込",
      cash_on_delivery: "代金引換",
    });
    expect(ORDER_STATUS_LABELS.ja).toEqual({
      ordered: "注文済み",
      shipped: "出荷済み",
      delivered: "配達済み",
      cancelled: "キャンセル",
    });
    expect(SURVEY_STATUS_LABELS.ja).toEqual({ unanswered: "未回答", answered: "回答済み" });
  });

  it("glove sizes in the order they are sold", () => {
    expect(GLOVE_SIZES).toEqual(["SS", "S", "M", "L", "LL"]);
  });
});

describe("SOS_STATUS_DESCRIPTIONS", () => {
  it("explains every status", () => {
    expect(Object.keys(SOS_STATUS_DESCRIPTIONS).sort()).toEqual([...SOS_STATUSES].sort());
    expect(SOS_STATUS_DESCRIPTIONS.accepted).toBe("都道府県、国による受付が完了した状態。");
  });
});

describe("labelOf", () => {
  it("defaults to Japanese and switches locale", () => {
    expect(labelOf(ROLE_LABELS, "vendor")).toBe("販売業者");
    expect(labelOf(ROLE_LABELS, "vendor", "en")).toBe("Vendor");
  });
});

describe("sosStatusDetailLabel", () => {
  it("names who holds a request under review", () => {
    expect(sosStatusDetailLabel("reviewing", "prefecture")).toBe("都道府県確認中");
    expect(sosStatusDetailLabel("reviewing", "ministry")).toBe("国確認中");
    expect(sosStatusDetailLabel("reviewing", "ministry", "en")).toBe("With the ministry");
  });

  it("falls back to the status label otherwise", () => {
    expect(sosStatusDetailLabel("reviewing", null)).toBe("都道府県・国確認中");
    expect(sosStatusDetailLabel("accepted", null)).toBe("受付完了");
    expect(sosStatusDetailLabel("draft", "prefecture")).toBe("申請前");
  });
});
