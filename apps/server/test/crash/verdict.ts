import type { CrashReport } from "./crash-loop";

/**
 * The crash loop's figures, and whether they pass. A Message-ID received twice
 * passes only when the outbox recorded the attempt that was cut off between the
 * SMTP server taking the mail and the row being marked sent: no SMTP sender can
 * know whether a mail it was killed sending got through, so such a copy is sent
 * with the same Message-ID for the receiver to drop. A duplicate without such a
 * record is a bug.
 */
export function crashVerdict(report: CrashReport): { passed: boolean; summary: string } {
  const unexplained = report.mailsDoubled.filter((m) => m.deliveries - 1 > m.interruptedAttempts);
  const passed =
    report.writesLost.length === 0 &&
    report.mailsLate.length === 0 &&
    report.mailsNeverDelivered.length === 0 &&
    unexplained.length === 0;
  const byKind = Object.entries(report.acknowledgedByKind)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(", ");
  const summary = [
    `crash rounds:                 ${report.rounds} (kill -9 of the server ${report.kills.server}, of the process group ${report.kills.group})`,
    `acknowledged writes:          ${report.acknowledgedWrites} (${byKind})`,
    `acknowledged writes lost:     ${report.writesLost.length}`,
    `mails:                        ${report.mails}`,
    `mails late (> 60 s):          ${report.mailsLate.length}`,
    `mails marked sent, not received: ${report.mailsNeverDelivered.length}`,
    `mails received twice:         ${report.mailsDoubled.length} (same Message-ID; ${unexplained.length} without a recorded cut-off attempt)`,
    `cut-off attempts recorded:    ${report.interruptedAttempts}`,
    `SMTP accepted → outbox sent:  p50 ${report.unrecordedWindowMs.p50} ms, p99 ${report.unrecordedWindowMs.p99} ms, max ${report.unrecordedWindowMs.max} ms`,
    `restart to ready:             max ${report.restartMs.max} ms, mean ${report.restartMs.mean} ms`,
    `ready to last mail out:       max ${report.mailRecoveryMs.max} ms, mean ${report.mailRecoveryMs.mean} ms`,
    passed ? "PASS" : "FAIL",
  ].join("\n");
  return { passed, summary };
}
