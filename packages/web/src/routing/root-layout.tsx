import { useEffect, useRef } from "react";
import { Outlet, ScrollRestoration, useLocation } from "react-router";

/**
 * Navigation state for a change within the same page (a tab of a list, a filter):
 * focus stays on the control the user just used instead of moving to the heading.
 */
export const KEEP_FOCUS_STATE = { sosKeepFocus: true } as const;

function keepsFocus(state: unknown): boolean {
  return typeof state === "object" && state !== null && "sosKeepFocus" in state;
}

/**
 * Client-side navigation does not reload the page, so nothing tells a screen-reader
 * user that a new page is showing, and focus is left on a button that is gone. Move
 * focus to the new page's heading, as a page load would start from the top.
 */
function useFocusHeadingOnNavigation() {
  const location = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each navigation (key) is the trigger
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (keepsFocus(location.state)) return;
    const heading = document.querySelector<HTMLElement>("main h1");
    if (heading === null) return;
    if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
    heading.focus({ preventScroll: true });
  }, [location.key]);
}

export function RootLayout() {
  useFocusHeadingOnNavigation();
  return (
    <>
      <ScrollRestoration />
      <Outlet />
    </>
  );
}
