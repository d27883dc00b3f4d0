import { within } from "storybook/test";

/** The messages the form's error summary 「入力内容に誤りがあります（N件）」 links to, in order. */
export async function errorSummaryMessages(canvasElement: HTMLElement, count: number) {
  const summary = await within(canvasElement).findByRole("region", {
    name: `入力内容に誤りがあります（${count}件）`,
  });
  return within(summary)
    .getAllByRole("link")
    .map((link) => link.textContent);
}
