import type { Page } from "playwright-core";

/** A text box or text area by its label (a label's 必須 tag makes exact names awkward). */
export function input(page: Page, label: string | RegExp) {
  return page.locator("input, textarea").and(page.getByLabel(label));
}

/** The page's own heading: the one every screen has. */
export function heading(page: Page, name: string) {
  return page.getByRole("heading", { level: 1, name, exact: true });
}
