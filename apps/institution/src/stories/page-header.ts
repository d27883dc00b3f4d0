import { expect, waitFor } from "storybook/test";

/** The status badge beside the h1 (PageHeader's meta), once the record has arrived. */
export async function headerStatus(canvasElement: HTMLElement): Promise<Element> {
  return waitFor(() => {
    const meta = canvasElement.querySelector(".sos-page-header__meta");
    if (meta === null) throw new Error("見出しの横にステータスが表示されていません");
    return meta;
  });
}

/** Waits for the record's page and checks the status it shows in the header. */
export async function expectHeaderStatus(canvasElement: HTMLElement, label: string) {
  await waitFor(async () => expect(await headerStatus(canvasElement)).toHaveTextContent(label));
}
