import { describe, expect, it } from "vitest";
import {
  Institution,
  Order,
  ProductSize,
  SosRequest,
  SosRequestHistoryEntry,
  surveyStatusOf,
  TargetItem,
  VendorRegistration,
  WeeklySurvey,
} from "../src/index";

const id = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, "0")}`;
const at = new Date("2026-05-13T08:00:00Z");

describe("entity schemas read rows as Kysely returns them", () => {
  it("Institution", () => {
    const row = {
      id: id(1),
      code: "0123456789",
      name: "医療法人社団　東京中央記念病院",
      type: "hospital",
      prefectureCode: 13,
      postcode: "1008916",
      address: "東京都千代田区霞が関1-2-2",
      phone: "0352531111",
      contactName: "",
      email: "soumu@example.jp",
      active: true,
      createdAt: at,
      updatedAt: at,
    };
    expect(Institution.parse(row)).toEqual(row);
    expect(Institution.safeParse({ ...row, code: "012345678" }).success).toBe(false);
    expect(Institution.safeParse({ ...row, phone: "03-5253-1111" }).success).toBe(false);
    expect(Institution.safeParse({ ...row, type: "dental" }).success).toBe(false);
  });

  it("WeeklySurvey and its derived status", () => {
    const unanswered = {
      id: id(2),
      institutionId: id(1),
      weekStart: "2026-05-13",
      createdAt: at,
      stock: null,
      consumption: null,
      purchases: null,
      answeredAt: null,
      answeredBy: null,
      updatedAt: at,
    };
    expect(surveyStatusOf(WeeklySurvey.parse(unanswered))).toBe("unanswered");
    const answered = {
      ...unanswered,
      stock: 2000,
      consumption: 1000,
      purchases: 400,
      answeredAt: at,
      answeredBy: id(9),
    };
    expect(surveyStatusOf(WeeklySurvey.parse(answered))).toBe("answered");
    expect(WeeklySurvey.safeParse({ ...unanswered, weekStart: "2026-5-13" }).success).toBe(false);
    expect(WeeklySurvey.safeParse({ ...answered, stock: 10_000_001 }).success).toBe(false);
  });

  it("SosRequest and its history", () => {
    const request = {
      id: id(3),
      institutionId: id(1),
      prefectureCode: 13,
      weekStart: "2026-05-13",
      status: "reviewing",
      reviewStage: "prefecture",
      conditionsConfirmed: true,
      contactName: "山田　太郎",
      contactPhone: null,
      notes: "",
      surveyId: id(2),
      appliedAt: at,
      late: false,
      handleFrom: null,
      errorReasons: [],
      closedReason: null,
      createdBy: id(9),
      createdAt: at,
      updatedAt: at,
      version: 2,
    };
    expect(SosRequest.parse(request)).toEqual(request);
    expect(SosRequest.safeParse({ ...request, status: "approved" }).success).toBe(false);
    expect(SosRequest.safeParse({ ...request, conditionsConfirmed: false }).success).toBe(false);

    const entry = {
      id: "42",
      requestId: id(3),
      at,
      actorUserId: null,
      actorRole: "system",
      action: "apply_passed",
      fromStatus: "draft",
      toStatus: "reviewing",
      changes: {},
    };
    expect(SosRequestHistoryEntry.parse(entry)).toEqual(entry);
    expect(SosRequestHistoryEntry.safeParse({ ...entry, id: 42 }).success).toBe(false);
  });

  it("vendor-side rows", () => {
    const registration = {
      id: id(4),
      institutionCode: "0123456789",
      facilityName: "みなと薬局",
      postcode: "1050011",
      address: "東京都港区芝公園4-2-8",
      phone: "0312345678",
      email: "minato@example.jp",
      paymentMethod: "invoice",
      source: "web",
      createdAt: at,
      updatedAt: at,
    };
    expect(VendorRegistration.parse(registration)).toEqual(registration);
    expect(VendorRegistration.safeParse({ ...registration, paymentMethod: "card" }).success).toBe(
      false,
    );

    const item = {
      id: id(5),
      batchId: id(6),
      requestId: id(3),
      institutionId: id(1),
      institutionCode: "0123456789",
      name: "みなと薬局",
      prefectureCode: 13,
      postcode: "1050011",
      address: "東京都港区芝公園4-2-8",
      phone: "0312345678",
      contactName: "佐藤",
      email: "minato@example.jp",
      limitSets: 3,
    };
    expect(TargetItem.parse(item)).toEqual(item);
    expect(TargetItem.safeParse({ ...item, limitSets: 0 }).success).toBe(false);

    expect(
      ProductSize.safeParse({ id: id(7), productId: id(8), size: "XL", stockSets: 1, sortOrder: 0 })
        .success,
    ).toBe(false);
    expect(
      Order.safeParse({
        id: id(10),
        orderNumber: "SOS-000001",
        targetItemId: id(5),
        institutionId: id(1),
        purchaseLinkId: id(11),
        totalSets: 3,
        deliveryName: "みなと薬局",
        deliveryPostcode: "1050011",
        deliveryAddress: "東京都港区芝公園4-2-8",
        deliveryPhone: "0312345678",
        paymentMethod: "cash_on_delivery",
        status: "ordered",
        createdAt: at,
      }).success,
    ).toBe(true);
  });
});
