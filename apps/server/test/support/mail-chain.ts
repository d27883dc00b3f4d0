import type { TestDatabase } from "@sos/db/testing";
import type { Runner } from "graphile-worker";
import { sql } from "kysely";
import { createMailTransport } from "../../src/mail/transport";
import { startWorker } from "../../src/worker/runner";
import { type SmtpSink, startSmtpSink } from "./smtp-sink";

/** A real SMTP server and the job worker delivering the outbox to it. */
export interface MailChain {
  sink: SmtpSink;
  worker: Runner;
  close(): Promise<void>;
}

/**
 * What every test that reads a mail starts, on its test database. The worker's
 * connections carry a name of their own so close() can wait for them:
 * graphile-worker's stop() ends its pool without waiting, and dropping the test
 * database under a connection still closing fails the run with an unhandled 57P01.
 */
export async function startMailChain(
  tdb: TestDatabase,
  options: { name: string; concurrency?: number; pollInterval?: number },
): Promise<MailChain> {
  const sink = await startSmtpSink();
  const transport = createMailTransport(sink.url);
  const named = new URL(tdb.url);
  named.searchParams.set("application_name", options.name);
  const worker = await startWorker({
    db: tdb.db,
    connectionString: named.toString(),
    transport,
    concurrency: options.concurrency ?? 2,
    pollInterval: options.pollInterval ?? 200,
  });

  async function disconnected(): Promise<void> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const open = await sql<{ n: number }>`
        select count(*)::int as n from pg_stat_activity
        where application_name = ${options.name}`.execute(tdb.db);
      if ((open.rows[0]?.n ?? 0) === 0 || Date.now() > deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  return {
    sink,
    worker,
    async close() {
      await worker.stop();
      await disconnected();
      transport.close();
      await sink.close();
    },
  };
}
