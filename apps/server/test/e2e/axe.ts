import type { AxeResults, Result } from "axe-core";
import axe from "axe-core";
import type { Page } from "playwright-core";

/** WCAG 2.1 A and AA, and axe's best practices. */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/** What the brief calls a failure: a violation that blocks or badly hinders a user. */
const BLOCKING_IMPACTS = new Set(["serious", "critical"]);

/** The serious and critical violations on the page as it is now, one line per rule. */
export async function blockingViolations(page: Page): Promise<string[]> {
  // After a full navigation the page has lost the script; within the app it keeps it.
  const loaded = await page.evaluate<boolean>("typeof window.axe === 'object'");
  if (!loaded) await page.addScriptTag({ content: axe.source });
  const results = await page.evaluate<AxeResults>(
    `axe.run(document, { runOnly: { type: "tag", values: ${JSON.stringify(AXE_TAGS)} } })`,
  );
  return results.violations
    .filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ""))
    .map(describe);
}

function describe(violation: Result): string {
  const targets = violation.nodes
    .map(
      (node) => `    ${node.target.join(" ")}: ${node.failureSummary?.replace(/\s+/g, " ") ?? ""}`,
    )
    .join("\n");
  return `[${violation.impact}] ${violation.id}: ${violation.help}\n${targets}`;
}
