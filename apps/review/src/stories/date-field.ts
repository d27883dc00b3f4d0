import { userEvent, within } from "storybook/test";

/** The 年・月・日 boxes of the DateField labelled `label` inside `container`. */
export function dateBoxes(container: HTMLElement, label: string) {
  const inside = within(container);
  return {
    year: inside.getByRole("textbox", { name: `${label} 年` }) as HTMLInputElement,
    month: inside.getByRole("textbox", { name: `${label} 月` }) as HTMLInputElement,
    day: inside.getByRole("textbox", { name: `${label} 日` }) as HTMLInputElement,
  };
}

/** Types "2026-11-25" as an officer would: 2026 | 11 | 25, over what the boxes held. */
export async function typeDate(container: HTMLElement, label: string, iso: string) {
  const boxes = dateBoxes(container, label);
  const [year = "", month = "", day = ""] = iso.split("-");
  for (const [box, text] of [
    [boxes.year, year],
    [boxes.month, month],
    [boxes.day, day],
  ] as const) {
    await userEvent.clear(box);
    if (text !== "") await userEvent.type(box, text);
  }
}

/** What the boxes show, as "2026-11-25". */
export function dateShown(container: HTMLElement, label: string): string {
  const { year, month, day } = dateBoxes(container, label);
  return `${year.value}-${month.value.padStart(2, "0")}-${day.value.padStart(2, "0")}`;
}
