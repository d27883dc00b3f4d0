import { useEffect } from "react";

/**
 * Moves focus to the page's heading (and the view to the top) when `key` changes:
 * a step that replaces the whole page without a navigation (a form turning into its
 * receipt) must be found by screen-reader and keyboard users as a new page would.
 */
export function useFocusHeadingOn(key: unknown): void {
  useEffect(() => {
    if (key === null || key === undefined || key === false) return;
    const heading = document.querySelector<HTMLElement>("main h1");
    if (heading === null) return;
    if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
    heading.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }, [key]);
}
