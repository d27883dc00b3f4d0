import type { StoryContext } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { callsOf, inputsOf } from "./calls";
import type { RequestSpec } from "./requests";

/** The canvas, or a part of it, as Testing Library queries it. */
export type Page = ReturnType<typeof within>;

/** The request's status badge beside its heading. */
export function headerStatus(canvasElement: HTMLElement): Element | null {
  return canvasElement.querySelector(".sos-page-header__meta");
}

/** Waits for the h1: a request's page shows its institution's name once it has arrived. */
export async function heading(page: Page, name: string) {
  await expect(await page.findByRole("heading", { level: 1, name })).toBeVisible();
}

/**
 * In the open 「…の要請を対象外とします」 dialog: the reason typed and confirmed.
 * review.markNotEligible carries the version read and the reason; the next request
 * waiting (`next`) opens, saying this one was closed and when its institution is emailed.
 */
export async function confirmNotEligible(
  context: Pick<StoryContext, "canvasElement" | "loaded">,
  dialog: Page,
  {
    request,
    expectedVersion,
    reason,
    next,
  }: { request: RequestSpec; expectedVersion: number; reason: string; next: string },
) {
  const page = within(context.canvasElement);
  await userEvent.type(dialog.getByRole("textbox", { name: /^対象外とする理由/ }), reason);
  await userEvent.click(dialog.getByRole("button", { name: "対象外とする" }));

  await heading(page, next);
  await expect(inputsOf(callsOf(context), "review.markNotEligible")).toEqual([
    { id: request.id, expectedVersion, reason },
  ]);
  await expect(
    page.getByText(`「${request.institution.name}」の要請を対象外としました`),
  ).toBeVisible();
  await expect(
    page.getByText("医療機関には 2026年11月27日（金）00:00 以降にメールで連絡します。"),
  ).toBeVisible();
}
