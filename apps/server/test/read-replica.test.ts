import { createDb, type Db, migrateToLatest } from "@sos/db";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createReviewWorld,
  type FiledRequest,
  fileRequest,
  type ReviewWorld,
} from "../../../packages/api/test/fixtures/review-world";
import { buildServer } from "../src/app";
import { LSN_COOKIE } from "../src/http/read-your-writes";
import { PG_BIN, type ReplicaCluster, startReplicaCluster } from "./support/replica-cluster";
import { listAccepted } from "./support/target-list";
import { freePort, testSettings } from "./support/test-server";

// Heavy console reads from a streaming replica (DATABASE_READ_URL), with
// read-your-writes by WAL LSN: the replica's replay is paused to make it lag.

const missing = PG_BIN === null;
if (missing) {
  console.warn(
    "\n!!! PostgreSQL 15 のツールがないため読み取りレプリカのテストを省略します / " +
      "/usr/lib/postgresql/15/bin is missing: the read replica tests are SKIPPED (CI never skips) !!!\n",
  );
}

/** A browser: keeps every cookie the server sets, sends them back. */
class Browser {
  readonly cookies = new Map<string, string>();
  constructor(private readonly base: string) {}

  private keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const [name = "", value = ""] = pair.split("=");
      const expired = attributes.some((a) => /expires=thu, 01 jan 1970/i.test(a.trim()));
      if (value === "" || expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
  }

  private header(): Record<string, string> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    return cookie ? { cookie } : {};
  }

  async mutate<T>(path: string, input: unknown): Promise<T> {
    const response = await fetch(`${this.base}/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: this.base, ...this.header() },
      body: JSON.stringify(input),
    });
    this.keep(response);
    const body = (await response.json()) as { result?: { data: T } };
    if (response.status !== 200) throw new Error(`${path}: ${JSON.stringify(body)}`);
    return body.result?.data as T;
  }

  async query<T>(path: string, input: unknown): Promise<T> {
    const url = new URL(`${this.base}/trpc/${path}`);
    url.searchParams.set("input", JSON.stringify(input));
    const response = await fetch(url, { headers: this.header() });
    this.keep(response);
    const body = (await response.json()) as { result?: { data: T } };
    if (response.status !== 200) throw new Error(`${path}: ${JSON.stringify(body)}`);
    return body.result?.data as T;
  }

  async get(path: string): Promise<Response> {
    const response = await fetch(`${this.base}${path}`, { headers: this.header() });
    this.keep(response);
    return response;
  }
}

interface QueueRow {
  id: string;
  version: number;
  institution: { name: string };
  prefectureReview: { state: string };
}

describe.skipIf(missing && process.env.CI !== "true")(
  "reads from a replica (DATABASE_READ_URL)",
  () => {
    let cluster: ReplicaCluster;
    let primary: Db;
    let replica: Db;
    let app: FastifyInstance;
    let base: string;
    let world: ReviewWorld;
    let request: FiledRequest;
    let writer: Browser;
    let other: Browser;

    async function queueRow(browser: Browser): Promise<QueueRow | undefined> {
      const queue = await browser.query<{ items: QueueRow[] }>("review.queue", { status: "all" });
      return queue.items.find((item) => item.id === request.id);
    }

    beforeAll(async () => {
      cluster = await startReplicaCluster("sos");
      primary = createDb(cluster.primaryUrl, { max: 4 });
      replica = createDb(cluster.replicaUrl, { max: 4 });
      await migrateToLatest(primary, cluster.primaryUrl);
      world = await createReviewWorld(primary);
      request = await fileRequest(primary, world.clock, world.a);
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      app = await buildServer({
        db: primary,
        readDb: replica,
        config: testSettings(base),
        now: () => world.clock.now,
        logger: false,
      });
      await app.listen({ port, host: "127.0.0.1" });
      const [first, second] = world.tokyoOfficers;
      writer = new Browser(base);
      other = new Browser(base);
      await writer.mutate("auth.signIn", { username: first?.username, password: first?.password });
      await other.mutate("auth.signIn", { username: second?.username, password: second?.password });
      // Signing in is a write: each browser now holds the LSN of its session.
      expect(writer.cookies.get(LSN_COOKIE)).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
      await cluster.replayedUpTo(await cluster.primaryLsn());
      // initdb, a base backup and two servers: past a minute on a shared machine.
    }, 240_000);

    afterAll(async () => {
      await app?.close();
      await primary?.destroy();
      await replica?.destroy();
      await cluster?.stop();
    });

    it("shows a user's own write at once while the replica lags; others read the replica", async () => {
      await cluster.pauseReplay();
      const before = await queueRow(other);
      expect(before?.prefectureReview.state).toBe("none");

      await writer.mutate("review.savePrefectureReview", {
        id: request.id,
        expectedVersion: request.version,
        supplyNeeded: true,
        notes: "",
        complete: true,
      });
      const written = writer.cookies.get(LSN_COOKIE) ?? "";
      // The writer's heavy read goes to the primary: the replica has not replayed it.
      expect((await queueRow(writer))?.prefectureReview.state).toBe("completed");
      expect(writer.cookies.get(LSN_COOKIE)).toBe(written);
      // Another officer, with nothing of theirs pending, reads the lagging replica.
      expect((await queueRow(other))?.prefectureReview.state).toBe("none");

      await cluster.resumeReplay();
      await cluster.replayedUpTo(written);
      expect((await queueRow(other))?.prefectureReview.state).toBe("completed");
    });

    it("sends the writer back to the replica once it has caught up, and forgets the LSN", async () => {
      expect(writer.cookies.has(LSN_COOKIE)).toBe(true);
      await cluster.pauseReplay();
      // Someone else's change, on the primary only.
      await primary
        .updateTable("institutions")
        .set({ name: "レプリカ未反映病院" })
        .where("id", "=", request.institutionId)
        .execute();
      const row = await queueRow(writer);
      expect(row?.prefectureReview.state).toBe("completed");
      expect(row?.institution.name).not.toBe("レプリカ未反映病院");
      expect(writer.cookies.has(LSN_COOKIE)).toBe(false);
      await cluster.resumeReplay();
    });

    it("downloads a target list the replica does not have yet from the primary", async () => {
      const vendor = new Browser(base);
      await vendor.mutate("auth.signIn", {
        username: world.vendor.username,
        password: world.vendor.password,
      });
      await cluster.replayedUpTo(await cluster.primaryLsn());
      vendor.cookies.delete(LSN_COOKIE);
      await cluster.pauseReplay();
      const { batchId } = await listAccepted(primary, {
        filedBy: world.b.user,
        issuedBy: world.ministry.user.id,
        number: 1,
        weekStart: "2026-11-25",
        issuedAt: new Date("2026-12-03T06:00:00Z"),
        limitSets: 10,
      });
      const response = await vendor.get(`/api/target-lists/${batchId}.csv?encoding=utf8`);
      expect(response.status).toBe(200);
      const institution = await primary
        .selectFrom("institutions")
        .select("code")
        .where("id", "=", world.b.user.institutionId ?? "")
        .executeTakeFirstOrThrow();
      expect(await response.text()).toContain(institution.code);
      await cluster.resumeReplay();
    });

    it("reads from the primary when the replica is down", async () => {
      await cluster.stopReplica();
      expect((await queueRow(other))?.institution.name).toBe("レプリカ未反映病院");
    });
  },
);
