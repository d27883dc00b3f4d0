import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, chown, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * PostgreSQL's own tools (initdb, pg_ctl) and PgBouncer refuse to run as root:
 * under root (as on CI) they run as the OS user `postgres`, else as ourselves.
 */
export function postgresOsUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  return {
    uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })),
    gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" })),
  };
}

/** A scratch folder that user owns. */
export async function scratchDirFor(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await chmod(dir, 0o755);
  const { uid, gid } = postgresOsUser();
  if (uid !== undefined && gid !== undefined) await chown(dir, uid, gid);
  return dir;
}

/** The first of `paths` that exists (Debian's layout first), or null. */
export function firstExisting(paths: readonly string[]): string | null {
  return paths.find((path) => existsSync(path)) ?? null;
}
