import { rm } from "node:fs/promises";
import { dirname } from "node:path";
import { createTestUser, type TestUser } from "@sos/api/testing";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mutate, query, signInOverHttp } from "./support/http";
import {
  PGBOUNCER_BINARY,
  type PgBouncer,
  pooledBackendPids,
  startPgBouncer,
} from "./support/pgbouncer";
import { type SmtpSink, startSmtpSink } from "./support/smtp-sink";
import {
  killHard,
  type StartedCli,
  spawnStartCli,
  startCliSettings,
  tempDataDir,
  waitUntilReady,
} from "./support/start-cli";
import { listAccepted } from "./support/target-list";

// `pnpm start` with DATABASE_URL through PgBouncer 1.18 in transaction mode (no
// session state survives a transaction, no protocol-level prepared statements),
// and DATABASE_WORKER_URL straight to PostgreSQL for the job worker's LISTEN.

const missing = PGBOUNCER_BINARY === null;
if (missing) {
  console.warn(
    "\n!!! pgbouncer がないため PgBouncer のテストを省略します / pgbouncer is not installed: " +
      "the PgBouncer tests are SKIPPED. apt-get install pgbouncer (CI installs it and never skips) !!!\n",
  );
}

// Only a developer's machine may skip: on CI the missing binary fails the run.
describe.skipIf(missing && process.env.CI !== "true")(
  "behind PgBouncer in transaction mode",
  () => {
    let tdb: TestDatabase;
    let bouncer: PgBouncer;
    let sink: SmtpSink;
    let cli: StartedCli;
    let institution: TestUser;
    let officer: TestUser;
    let ministry: TestUser;
    let dataDir: string | undefined;

    beforeAll(async () => {
      tdb = await createTestDatabase();
      institution = await createTestUser(tdb.db, "institution", {
        email: "pooled@hospital.example.jp",
      });
      officer = await createTestUser(tdb.db, "prefecture");
      ministry = await createTestUser(tdb.db, "ministry");
      // Two server connections for every client: the app's calls must share them.
      bouncer = await startPgBouncer(tdb.url, { poolSize: 2 });
      sink = await startSmtpSink();
      const settings = await startCliSettings(await tempDataDir("sos-pgbouncer-start-"));
      dataDir = settings.dataDir;
      cli = spawnStartCli({
        ...settings,
        databaseUrl: bouncer.url,
        smtpUrl: sink.url,
        env: { DATABASE_WORKER_URL: tdb.url, SERVER_PROCESSES: "1", DEMO_DATA: "0" },
      });
      await waitUntilReady(cli);
    });

    afterAll(async () => {
      if (cli) await killHard(cli, "group");
      await bouncer?.stop();
      await sink?.close();
      await tdb?.destroy();
      if (dataDir) await rm(dirname(dataDir), { recursive: true, force: true });
    });

    it("serves sign-in, reads and writes through the pooler's shared connections", async () => {
      const token = await signInOverHttp(cli.baseUrl, institution);
      const me = await Promise.all(
        Array.from({ length: 30 }, () => query(cli.baseUrl, "auth.me", undefined, { token })),
      );
      for (const answer of me) {
        expect(answer.status).toBe(200);
        expect(answer.body.result?.data).toMatchObject({ username: institution.username });
      }

      const officerToken = await signInOverHttp(cli.baseUrl, officer);
      const queue = await query<{ total: number }>(
        cli.baseUrl,
        "review.queue",
        { status: "all" },
        { token: officerToken },
      );
      expect(queue.status).toBe(200);
      expect(queue.body.result?.data.total).toBe(0);

      // A write that enqueues a job in its transaction; the worker sends it.
      const reset = await mutate(cli.baseUrl, "auth.requestPasswordReset", {
        username: institution.username,
      });
      expect(reset.status).toBe(200);
      const mail = await sink.waitFor((m) => m.to === "pooled@hospital.example.jp");
      expect(mail.subject).toMatch(/パスワード/);

      const signedOut = await mutate(cli.baseUrl, "auth.signOut", null, { token });
      expect(signedOut.status).toBe(200);
      expect((await query(cli.baseUrl, "auth.me", undefined, { token })).body.result?.data).toBe(
        null,
      );

      // All of it went through PgBouncer's two server connections.
      const pooled = await pooledBackendPids(bouncer.adminUrl);
      expect(pooled.length).toBeGreaterThan(0);
      expect(pooled.length).toBeLessThanOrEqual(2);
    });

    it("streams a target-list CSV download through the pooler", async () => {
      const { batchId } = await listAccepted(tdb.db, {
        filedBy: institution.user,
        issuedBy: ministry.user.id,
        number: 1,
        weekStart: "2026-11-25",
        issuedAt: new Date("2026-12-03T06:00:00Z"),
        limitSets: 10,
      });
      const token = await signInOverHttp(cli.baseUrl, ministry);
      const response = await fetch(`${cli.baseUrl}/api/target-lists/${batchId}.csv?encoding=sjis`, {
        headers: { cookie: `sos_session=${token}` },
      });
      expect(response.status).toBe(200);
      const { code } = await tdb.db
        .selectFrom("institutions")
        .select("code")
        .where("id", "=", institution.user.institutionId ?? "")
        .executeTakeFirstOrThrow();
      expect(Buffer.from(await response.arrayBuffer()).toString("latin1")).toContain(code);
    });

    it("keeps the job worker's LISTEN on a direct connection, not on a pooled one", async () => {
      const listening = await sql<{ pid: number }>`
      select pid from pg_stat_activity
      where datname = current_database() and query ilike 'listen%'
    `.execute(tdb.db);
      expect(listening.rows.length).toBeGreaterThan(0);
      const pooled = new Set(await pooledBackendPids(bouncer.adminUrl));
      for (const { pid } of listening.rows) expect(pooled.has(pid)).toBe(false);
    });
  },
);
