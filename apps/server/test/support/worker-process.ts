// A server's job worker in a process of its own, for tests that kill it:
// `node --import tsx test/support/worker-process.ts` with WORKER_DATABASE_URL and
// SMTP_URL set. Prints "ready <process id>" once its workers may take jobs.
import { createDb } from "@sos/db";
import { createMailTransport } from "../../src/mail/transport";
import { startWorker } from "../../src/worker/runner";

const url = process.env.WORKER_DATABASE_URL;
const smtpUrl = process.env.SMTP_URL;
if (!url || !smtpUrl) throw new Error("WORKER_DATABASE_URL and SMTP_URL are required");

const db = createDb(url, { max: 2 });
const transport = createMailTransport(smtpUrl);
const runner = await startWorker({
  db,
  connectionString: url,
  transport,
  concurrency: 2,
  pollInterval: 200,
  registryTiming: { heartbeatMs: 200 },
  log: (level, message) => {
    if (level === "error") console.error(message);
  },
});
console.log(`ready ${runner.registry.processId}`);

process.on("SIGTERM", () => {
  void runner
    .stop()
    .then(() => db.destroy())
    .then(() => process.exit(0));
});
