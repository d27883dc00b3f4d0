import { ROLE_LABELS, type Role, SOS_STATUS_LABELS, type SosStatus } from "@sos/domain";
import { assessEligibility } from "@sos/rules";
import type { ReviewDetail } from "../api-types";
import { PEOPLE } from "./people";
import type { RequestSpec } from "./requests";

type Entry = ReviewDetail["history"][number];
type Person = { id: string; displayName: string };

const ACTION_LABELS = {
  create: "作成（申請前）",
  apply_passed: "システムチェック&申請（都道府県・国確認中）",
  prefecture_save: "都道府県入力の一時保存",
  prefecture_complete: "都道府県確認完了",
  return_to_prefecture: "国から都道府県へ差戻し",
  approve: "国の承認（受付完了）",
  reject: "対象外",
  hand_over: "販売業者へ引渡し（対象医療機関リスト）",
} as const;

function entry(
  id: string,
  at: string,
  action: keyof typeof ACTION_LABELS,
  actor: { person: Person; role: Role } | null,
  from: SosStatus | null,
  to: SosStatus | null,
  changes: Record<string, unknown> = {},
): Entry {
  return {
    id,
    at,
    actor: actor?.person ?? null,
    actorRole: actor?.role ?? null,
    actorRoleLabel: actor === null ? null : ROLE_LABELS.ja[actor.role],
    action,
    actionLabel: ACTION_LABELS[action],
    fromStatus: from,
    toStatus: to,
    fromStatusLabel: from === null ? null : SOS_STATUS_LABELS.ja[from],
    toStatusLabel: to === null ? null : SOS_STATUS_LABELS.ja[to],
    changes,
  };
}

function before(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) - minutes * 60_000).toISOString();
}

/**
 * The request's history as the server records it, from what the spec says has
 * happened: filed, the prefecture's input, returns, the approval, the hand-over.
 */
export function historyOf(spec: RequestSpec): Entry[] {
  const id = (n: number) => `${spec.id}-h${n}`;
  const institution = { person: PEOPLE.institutionStaff, role: "institution" as const };
  const figures = spec.institution.figures;
  const entries: Entry[] = [
    entry(id(1), before(spec.appliedAt, 25), "create", institution, null, "draft"),
    entry(id(2), spec.appliedAt, "apply_passed", institution, "draft", "reviewing", {
      checkedFigures: figures,
      limitSets: assessEligibility(figures).limitSets,
    }),
  ];
  for (const [index, item] of (spec.returns ?? []).entries()) {
    const prefecture = { person: PEOPLE.prefectureOfficer, role: "prefecture" as const };
    entries.push(
      entry(
        id(10 + index),
        before(item.returnedAt, 120),
        "prefecture_complete",
        prefecture,
        "reviewing",
        "reviewing",
        {
          reviewStage: { from: "prefecture", to: "ministry" },
        },
      ),
      entry(
        id(20 + index),
        item.returnedAt,
        "return_to_prefecture",
        { person: item.returnedBy, role: "ministry" },
        "reviewing",
        "reviewing",
        { reason: item.reason, reviewStage: { from: "ministry", to: "prefecture" } },
      ),
    );
  }
  const input = spec.prefectureInput;
  if (input) {
    const prefecture = {
      person: input.by ?? PEOPLE.prefectureOfficer,
      role: "prefecture" as const,
    };
    const fields = {
      supplyNeeded: { from: null, to: input.supplyNeeded },
      quantitySets: { from: null, to: input.quantitySets },
      ...(input.notes ? { notes: { from: "", to: input.notes } } : {}),
    };
    entries.push(
      input.completedAt
        ? entry(
            id(30),
            input.completedAt,
            "prefecture_complete",
            prefecture,
            "reviewing",
            "reviewing",
            {
              ...fields,
              reviewStage: { from: "prefecture", to: "ministry" },
            },
          )
        : entry(
            id(30),
            input.updatedAt,
            "prefecture_save",
            prefecture,
            "reviewing",
            "reviewing",
            fields,
          ),
    );
  }
  const approval = spec.approval;
  if (approval) {
    entries.push(
      entry(
        id(40),
        approval.approvedAt,
        "approve",
        { person: approval.by ?? PEOPLE.ministryOfficer, role: "ministry" },
        "reviewing",
        "accepted",
        {
          quantitySets: approval.quantitySets,
          prefectureQuantitySets: input?.quantitySets ?? null,
          ...(approval.adjustReason ? { adjustReason: approval.adjustReason } : {}),
          reviewStage: { from: "ministry", to: null },
        },
      ),
    );
  }
  if (spec.targetList) {
    entries.push(
      entry(
        id(50),
        spec.targetList.issuedAt,
        "hand_over",
        { person: PEOPLE.ministryOfficer, role: "ministry" },
        "accepted",
        "accepted",
        {
          batchId: spec.targetList.batchId,
          batchNumber: spec.targetList.number,
          limitSets: approval?.quantitySets ?? 0,
        },
      ),
    );
  }
  if (spec.status === "not_eligible" && spec.closed) {
    entries.push(
      entry(
        id(60),
        spec.closed.at,
        "reject",
        { person: spec.closed.by, role: spec.closed.role },
        "reviewing",
        "not_eligible",
        {
          reason: spec.closedReason ?? "",
          reviewStage: { from: spec.closed.role, to: null },
          notice: {
            mailId: `${spec.id}-mail`,
            to: spec.institution.email,
            sendAt: spec.closed.noticeAt,
          },
        },
      ),
    );
  }
  return entries;
}
