/** The request list's three views, as the API names them, with their tab labels. */
export const LIST_VIEWS = ["all", "recent", "active"] as const;
export type ListView = (typeof LIST_VIEWS)[number];

export const LIST_VIEW_LABELS: Readonly<Record<ListView, string>> = {
  all: "すべて",
  recent: "最近参照した要請",
  active: "実施中の要請（30日以内）",
};

export const EMPTY_VIEW_MESSAGES: Readonly<Record<ListView, string>> = {
  all: "緊急配布要請はまだありません。「新規」から作成できます。",
  recent: "最近参照した要請はありません。要請のページを開くと、ここに表示されます。",
  active: "過去30日以内に申請した要請はありません。",
};

/** The view in the address (?view=…); anything else is the default, すべて. */
export function listViewOf(value: string | null): ListView {
  return LIST_VIEWS.find((view) => view === value) ?? "all";
}
