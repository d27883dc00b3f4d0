import type { SignedInUser } from "@sos/web";
import type { FixtureCall } from "@sos/web/storybook";

/**
 * The story institution and its weeks. The screens' data is seen from Wednesday
 * 2026年11月25日: the week of 11月18日 is this week, its request deadline is today 17:00.
 */

/** The stories' clock (Storybook's `parameters.clock`): 6 hours 30 minutes before the deadline. */
export const STORY_NOW = "2026-11-25T10:30:00+09:00";
/** Wednesday 17:45: after the deadline, before the new survey week opens at 18:35. */
export const STORY_NOW_LATE = "2026-11-25T17:45:00+09:00";

/** The signed-in staff member of the story institution. */
export const INSTITUTION_USER: SignedInUser = {
  id: "5b0f3d1e-2c4a-4e8b-9f1a-0a1b2c3d4e01",
  username: "tokyo-hp-yamada",
  displayName: "山田 花子",
  role: "institution",
  institutionId: "5b0f3d1e-2c4a-4e8b-9f1a-0a1b2c3d4e10",
  prefectureCode: null,
  leadOfficer: false,
};

/** A colleague who answered or edited some of the records. */
export const COLLEAGUE = { id: "5b0f3d1e-2c4a-4e8b-9f1a-0a1b2c3d4e02", displayName: "佐藤 一郎" };

export const STAFF = { id: INSTITUTION_USER.id, displayName: INSTITUTION_USER.displayName };

export const INSTITUTION = {
  id: "5b0f3d1e-2c4a-4e8b-9f1a-0a1b2c3d4e10",
  code: "1310012345",
  name: "医療法人社団 緑風会 みどりが丘記念病院",
  prefectureCode: 13,
  prefectureName: "東京都",
};

/** The long name of a real kind of hospital, for wrapping on a phone. */
export const LONG_NAME_INSTITUTION = {
  id: "5b0f3d1e-2c4a-4e8b-9f1a-0a1b2c3d4e11",
  code: "1410098765",
  name: "社会福祉法人恩賜財団済生会支部神奈川県済生会横浜市東部病院",
  prefectureCode: 14,
  prefectureName: "神奈川県",
};

/** Surveys open on Wednesday 18:35; requests are due the next Wednesday 17:00 (JST). */
export const THIS_WEEK = {
  weekStart: "2026-11-18",
  title: "2026年11月25日（水）17:00締切の週",
  opensAt: "2026-11-18T09:35:00.000Z",
  closesAt: "2026-11-25T09:35:00.000Z",
  deadline: "2026-11-25T08:00:00.000Z",
} as const;

export const LAST_WEEK = {
  weekStart: "2026-11-11",
  title: "2026年11月18日（水）17:00締切の週",
  opensAt: "2026-11-11T09:35:00.000Z",
  closesAt: "2026-11-18T09:35:00.000Z",
  deadline: "2026-11-18T08:00:00.000Z",
} as const;

export const EARLIER_WEEKS = [
  { weekStart: "2026-11-04", title: "2026年11月11日（水）17:00締切の週" },
  { weekStart: "2026-10-28", title: "2026年11月4日（水）17:00締切の週" },
  { weekStart: "2026-10-21", title: "2026年10月28日（水）17:00締切の週" },
] as const;

/** A request filed now, after this week's deadline, is handled from Thursday. */
export const LATE_HANDLE_FROM = "2026-11-26";
export const LATE_NOTE = "水曜17時の締切後の申請のため、2026年11月26日（木）以降の対応となります。";

/** The inputs of every call the screen made to one procedure, in order. */
export function inputsOf(calls: readonly FixtureCall[] | undefined, path: string): unknown[] {
  return (calls ?? []).filter((call) => call.path === path).map((call) => call.input);
}

/**
 * A handler that fails until the play function lets it recover, so a story can show
 * LoadFailed and then prove 「再読み込み」 reads again. Reset before each render.
 */
export function outage<TInput, TOutput>(error: Error, answer: (input: TInput) => TOutput) {
  let down = true;
  return {
    handler: (input: TInput): TOutput => {
      if (down) throw error;
      return answer(input);
    },
    recover: () => {
      down = false;
    },
    reset: () => {
      down = true;
    },
  };
}

/**
 * One record on the story's server that a mutation may change (someone else's save
 * in another tab), so the page's re-read finds the new version. Reset before each render.
 */
export function storedRecord<T>(initial: T) {
  let current = initial;
  return {
    get: (): T => current,
    set: (next: T) => {
      current = next;
    },
    reset: () => {
      current = initial;
    },
  };
}
