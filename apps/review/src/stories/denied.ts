import type { FixtureCall } from "@sos/web/storybook";
import { expect, within } from "storybook/test";

/**
 * What a prefecture officer sees at a ministry-only address: the page's name, why
 * it is not theirs, the way home, and not one call to the ministry's procedures.
 */
export async function expectMinistryOnly(
  canvasElement: HTMLElement,
  title: string,
  calls: readonly FixtureCall[],
): Promise<void> {
  const page = within(canvasElement);
  await expect(await page.findByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("このページは利用できません")).toBeVisible();
  await expect(
    page.getByText(
      "このページは国（厚生労働省）のためのページです。都道府県担当者のアカウントでは利用できません。",
    ),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "ホームへ戻る" })).toHaveAttribute("href", "/");
  const nav = within(page.getByRole("navigation", { name: "メインメニュー" }));
  await expect(nav.queryByRole("link", { name: title })).toBeNull();
  // Nothing of the page's data is asked for: only who is signed in, and the frame's own
  // checks (maintenance, and how long the session has left for the idle warning).
  const frameChecks = new Set(["operations.readOnlyStatus", "auth.session"]);
  await expect(calls.map((call) => call.path).filter((path) => !frameChecks.has(path))).toEqual([
    "auth.me",
  ]);
}
