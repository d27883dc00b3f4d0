/**
 * 代理入力: which institution a delegate's user acts for, per browser tab
 * (sessionStorage), so two tabs may act for two clinics without mixing them
 * up. Every API call of the tab names it in this header; the server checks the
 * institution's grant on each call.
 */
export const ACTING_FOR_HEADER = "x-sos-acting-for";

const KEY = "sos.actingFor";

export interface ActingFor {
  institutionId: string;
  institutionName: string;
}

function storage(): Storage | null {
  try {
    return typeof sessionStorage === "undefined" ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function readActingFor(): ActingFor | null {
  const raw = storage()?.getItem(KEY);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<ActingFor>;
    return typeof value.institutionId === "string" && typeof value.institutionName === "string"
      ? { institutionId: value.institutionId, institutionName: value.institutionName }
      : null;
  } catch {
    return null;
  }
}

/**
 * Chooses (or, with null, stops acting for) an institution. The page then
 * reloads at the app's home so that nothing cached of the previous institution
 * stays on screen.
 */
export function chooseActingFor(value: ActingFor | null, home: string): void {
  const store = storage();
  if (value === null) store?.removeItem(KEY);
  else store?.setItem(KEY, JSON.stringify(value));
  window.location.assign(home);
}
