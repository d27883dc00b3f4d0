import type { Db } from "@sos/db";
import { ROLE_LABELS } from "@sos/domain";
import { DEMO_ACCOUNTS, type DemoAccount, seedDemo } from "../seed/demo";
import type { BannerAccount } from "./banner";

/**
 * The demo's accounts one can sign in with on this database (seeded by a start,
 * an earlier one, or `pnpm seed`).
 */
export async function demoAccountsIn(db: Db): Promise<DemoAccount[]> {
  const present = await db
    .selectFrom("users")
    .select("username")
    .where(
      "username",
      "in",
      DEMO_ACCOUNTS.map((account) => account.username),
    )
    .where("disabledAt", "is", null)
    .execute();
  const names = new Set(present.map((user) => String(user.username)));
  return DEMO_ACCOUNTS.filter((account) => names.has(account.username));
}

export interface DemoSignInsOptions {
  /** startMode's verdict: seed and list the demo, or leave it alone. */
  demoData: boolean;
  publicBaseUrl: string;
  log: (line: string) => void;
  /** The clock the demo's survey weeks are computed from. */
  now?: Date;
}

/**
 * The demo sign-ins the banner and the landing page list: on a demo, an empty
 * database is seeded first, and only accounts the database really holds are
 * listed (none on one filled otherwise). Off a demo nothing is seeded or listed,
 * and demo accounts left in the database from an earlier demo are named in a
 * warning: their passwords are in the repository.
 */
export async function demoSignIns(
  db: Db,
  options: DemoSignInsOptions,
): Promise<BannerAccount[] | null> {
  const { log } = options;
  if (options.demoData) {
    await seedDemo(db, { log, ...(options.now ? { now: options.now } : {}) });
  }
  const accounts = await demoAccountsIn(db);
  if (!options.demoData) {
    if (accounts.length > 0) {
      log(
        `警告: パスワードが公開されているデモ用アカウントがこのデータベースにあります（${accounts
          .map((account) => account.username)
          .join(", ")}）。実運用では削除するか無効にしてください。 / ` +
          "warning: demo accounts with published passwords exist in this database.",
      );
    }
    return null;
  }
  return accounts.map((account) => ({
    role: ROLE_LABELS.ja[account.role],
    username: account.username,
    password: account.password,
    url: `${options.publicBaseUrl}${account.appPath}`,
  }));
}
