import { expect, waitFor, type within } from "storybook/test";

type Queries = ReturnType<typeof within>;
type Role = Parameters<Queries["getByRole"]>[0];
type RoleOptions = Parameters<Queries["getByRole"]>[1];

/**
 * Waits until an element with this role is in the page and visible, and returns it.
 * `expect(await page.findByRole(…)).toBeVisible()` fails when a re-render swaps the
 * element it found for a new one between the two steps (a page settling after a
 * navigation on a busy machine); this looks again until both hold at once.
 */
export function findVisible(
  page: Queries,
  role: Role,
  options?: RoleOptions,
): Promise<HTMLElement> {
  return waitFor(() => {
    const element = page.getByRole(role, options);
    expect(element).toBeVisible();
    return element;
  });
}
