import type { PrefectureCode } from "@sos/domain";
import { type ApiFixtures, type FixtureCall, FixtureError } from "@sos/web/storybook";
import { countOf, inputsOf } from "./calls";
import { PEOPLE } from "./people";
import { ALL_REQUESTS, REQUESTS, serveQueue } from "./queue";
import { queueRow, type RequestSpec, requestDetail } from "./requests";
import { deadlines } from "./round";
import { mergeApi } from "./screen";

/** The server's clock when a story's officer decides. */
export const DECIDED_AT = "2026-11-26T01:45:00.000Z";

/** The server's words when another officer saved the request first. */
export const STALE = "他の担当者が先に更新しました。最新の内容を確認してください。";

type ReviewProcedure = keyof NonNullable<ApiFixtures["review"]>;

interface ServerOptions {
  /** A prefecture officer's prefecture; null for the ministry. */
  scope: PrefectureCode | null;
  /**
   * Requests as they stand in this story, where they differ from REQUESTS; read at
   * each call, so a story can change them as it goes (a colleague's save).
   */
  requests?: () => readonly RequestSpec[];
  /**
   * Requests as a colleague left them meanwhile: the page's first review.get still
   * finds them as they were, every later read (「最新の内容を読み込む」) as given here.
   */
  changedAfterFirstRead?: readonly RequestSpec[];
  /** Procedures the server turns away, every time, with the error given. */
  refuse?: { [P in ReviewProcedure]?: FixtureError };
}

/**
 * `spec` closed as not eligible with `reason` by the story's officer of `role`, at
 * DECIDED_AT; the institution is emailed from the Friday of the request's week.
 */
export function closedNotEligible(
  spec: RequestSpec,
  { role, reason }: { role: "prefecture" | "ministry"; reason: string },
): RequestSpec {
  return {
    ...spec,
    version: spec.version + 1,
    status: "not_eligible",
    reviewStage: null,
    closedReason: reason,
    closed: {
      at: DECIDED_AT,
      by: role === "ministry" ? PEOPLE.ministryOfficer : PEOPLE.prefectureOfficer,
      role,
      noticeAt: requestDetail(spec).notEligibleNoticeFrom,
    },
  };
}

/** The requests this story's officer has decided (so the queue no longer offers them). */
function decidedIds(calls: readonly FixtureCall[]): Set<string> {
  const ids = new Set<string>();
  for (const input of inputsOf(calls, "review.savePrefectureReview")) {
    const save = input as { id: string; complete: boolean };
    if (save.complete) ids.add(save.id);
  }
  for (const path of ["review.markNotEligible", "review.returnToPrefecture"]) {
    for (const input of inputsOf(calls, path)) ids.add((input as { id: string }).id);
  }
  for (const input of inputsOf(calls, "review.approve")) {
    for (const item of (input as { items: Array<{ id: string }> }).items) ids.add(item.id);
  }
  return ids;
}

/** For a screen story's `live`: the review server, answering as `options` say. */
export function liveServer(options: ServerOptions) {
  return (calls: readonly FixtureCall[]) => reviewServer(calls, options);
}

/**
 * The review procedures as the server would answer them in this story: review.get
 * from the story's requests, decisions that return the request as it then stands,
 * and a queue that no longer lists what was decided (so "next" moves on).
 */
export function reviewServer(
  calls: readonly FixtureCall[],
  { scope, changedAfterFirstRead = [], refuse, ...options }: ServerOptions,
): ApiFixtures {
  const requests = (): readonly RequestSpec[] => [
    ...(countOf(calls, "review.get") > 1 ? changedAfterFirstRead : []),
    ...(options.requests?.() ?? []),
  ];
  const specOf = (id: string): RequestSpec => {
    const spec =
      requests().find((candidate) => candidate.id === id) ??
      Object.values(REQUESTS).find((candidate) => candidate.id === id);
    if (spec === undefined || (scope !== null && spec.institution.prefectureCode !== scope)) {
      throw new FixtureError(
        "NOT_FOUND",
        "対象のデータが見つかりません。削除されたか、閲覧する権限がありません。",
        { domainCode: "NOT_FOUND" },
      );
    }
    return spec;
  };
  const rows = () => {
    const decided = decidedIds(calls);
    const current = requests();
    const overridden = new Set(current.map((spec) => spec.id));
    return [
      ...ALL_REQUESTS.filter((row) => !overridden.has(row.id)),
      ...current.map(queueRow),
    ].filter((row) => !decided.has(row.id));
  };
  const server: ApiFixtures = {
    review: {
      deadlines: () => deadlines(scope === null ? 1_480 : 128),
      queue: (input) => serveQueue(rows(), input, scope),
      get: ({ id }) => requestDetail(specOf(id)),
      savePrefectureReview: (input) => {
        const spec = specOf(input.id);
        return requestDetail({
          ...spec,
          version: spec.version + 1,
          reviewStage: input.complete ? "ministry" : "prefecture",
          returns: input.complete ? [] : (spec.returns ?? []),
          prefectureInput: {
            supplyNeeded: input.supplyNeeded,
            quantitySets: input.quantitySets ?? null,
            overrideReason: input.overrideReason || null,
            notes: input.notes ?? "",
            completedAt: input.complete ? DECIDED_AT : null,
            updatedAt: DECIDED_AT,
          },
        });
      },
      markNotEligible: ({ id, reason }) => {
        const spec = specOf(id);
        const detail = requestDetail(spec);
        const role = scope === null ? "ministry" : "prefecture";
        return {
          request: requestDetail(closedNotEligible(spec, { role, reason })),
          notice: {
            mailId: "3e8a0000-0000-4000-8000-000000000001",
            to: spec.institution.email,
            sendAt: detail.notEligibleNoticeFrom,
          },
        };
      },
      approve: ({ items }) => ({
        approved: items.map((item) => {
          const spec = specOf(item.id);
          return {
            id: spec.id,
            version: spec.version + 1,
            quantitySets: item.quantitySets ?? spec.prefectureInput?.quantitySets ?? 0,
            institutionName: spec.institution.name,
          };
        }),
      }),
      returnToPrefecture: ({ id, reason }) => {
        const spec = specOf(id);
        return requestDetail({
          ...spec,
          version: spec.version + 1,
          reviewStage: "prefecture",
          prefectureInput: spec.prefectureInput
            ? { ...spec.prefectureInput, completedAt: null }
            : null,
          returns: [
            ...(spec.returns ?? []),
            {
              id: "ret-9001",
              reason,
              returnedAt: DECIDED_AT,
              returnedBy: PEOPLE.ministryOfficer,
            },
          ],
        });
      },
    },
  };
  if (refuse === undefined) return server;
  const refusals = Object.entries(refuse).map(([procedure, error]) => [
    procedure,
    () => {
      throw error;
    },
  ]);
  return mergeApi(server, { review: Object.fromEntries(refusals) });
}
