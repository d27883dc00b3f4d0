import { expect, userEvent, waitFor, within } from "storybook/test";
import { expectHeaderStatus } from "./page-header";

/** On a draft's page, opens 「システムチェック&申請」 once the week's summary is there for the dialog. */
export async function openApplyDialog(canvasElement: HTMLElement) {
  const page = within(canvasElement);
  await expectHeaderStatus(canvasElement, "申請前");
  const actions = within(page.getByRole("region", { name: "この要請の操作" }));
  // The countdown appears with the summary, which the dialog reads the week from.
  await waitFor(() => expect(canvasElement.querySelector(".sos-deadline")).not.toBeNull());
  await userEvent.click(actions.getByRole("button", { name: "システムチェック&申請" }));
  return within(await page.findByRole("dialog", { name: "システムチェック&申請" }));
}

/** Files the draft: 「システムチェック&申請」, then 「完了」; the dialog is returned, as a refusal keeps it open. */
export async function checkAndApply(canvasElement: HTMLElement) {
  const dialog = await openApplyDialog(canvasElement);
  await userEvent.click(dialog.getByRole("button", { name: "完了" }));
  return dialog;
}
