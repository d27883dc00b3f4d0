import { migrateToLatest } from "@sos/db";
import { ConfigError, loadConfig } from "../config";
import { openDatabase } from "../database";
import { parseSeedArgs, SEED_USAGE, SeedUsageError } from "../seed/cli-args";
import { seedDemo } from "../seed/demo";
import { seedNational } from "../seed/national";
import { demoAccountsIn } from "./demo-sign-ins";

/** `pnpm seed`: demo data (default) or a national-scale data set, into DATABASE_URL or the embedded PostgreSQL. */
async function main(): Promise<void> {
  const command = parseSeedArgs(process.argv.slice(2));
  if (command === "help") {
    console.log(SEED_USAGE);
    return;
  }
  const config = loadConfig();
  const log = (line: string) => console.log(line);
  const database = await openDatabase(config, log, { poolSize: 4, applicationName: "sos-seed" });
  try {
    const applied = await migrateToLatest(database.db, database.url);
    if (applied.length > 0) log(`マイグレーションを適用しました / migrated: ${applied.join(", ")}`);

    if (command.demo) {
      await seedDemo(database.db, { log });
      // Printed whenever the accounts exist, also on a re-run that changed nothing.
      const accounts = await demoAccountsIn(database.db);
      if (accounts.length > 0) {
        log("");
        log("デモ用ログイン / demo sign-ins:");
        for (const account of accounts) {
          log(`  ${config.publicBaseUrl}${account.appPath}`);
          log(`    ユーザー名 ${account.username}  パスワード ${account.password}`);
          log(`    ${account.descriptionJa}`);
        }
        log("");
      }
    }
    if (command.national) {
      await seedNational(database.db, { ...command.national, log });
    }
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof SeedUsageError) console.error(`${error.message}\n\n${SEED_USAGE}`);
  else if (error instanceof ConfigError) console.error(error.message);
  else console.error("データの投入に失敗しました / seeding failed:", error);
  process.exitCode = 1;
});
