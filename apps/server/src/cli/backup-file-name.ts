import { join } from "node:path";

/** Where `pnpm backup` writes unless told: DATA_DIR/backups, beside the embedded cluster. */
export function backupsDir(dataDir: string): string {
  return join(dataDir, "backups");
}

/** "sos-20261207-103000.backup.gz", stamped in Tokyo time so the name reads as the office's clock. */
export function backupFileName(at: Date, prefix = "sos"): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Tokyo",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return `${prefix}-${parts.year}${parts.month}${parts.day}-${parts.hour}${parts.minute}${parts.second}.backup.gz`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
