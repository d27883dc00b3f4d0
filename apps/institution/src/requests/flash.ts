/** What the request page confirms on arrival, passed in the navigation's state. */
export type RequestFlash = "created" | "saved";

export interface RequestPageState {
  flash?: RequestFlash;
}

export function flashOf(state: unknown): RequestFlash | null {
  if (typeof state !== "object" || state === null || !("flash" in state)) return null;
  return state.flash === "created" || state.flash === "saved" ? state.flash : null;
}
