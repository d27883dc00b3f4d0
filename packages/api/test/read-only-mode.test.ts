import { type Db, switchReadOnly } from "@sos/db";
import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatError } from "../src/error-shape";
import { DOMAIN_ERRORS } from "../src/errors";
import { appRouter } from "../src/root";
import {
  CALLER_KINDS,
  type CallerWorld,
  callerOf,
  createCallerWorld,
} from "./fixtures/caller-world";
import { outcomeOf, REFUSALS, rows } from "./fixtures/procedure-calls";
import { listProcedures } from "./support/procedures";

// Read-only mode replays the authorization matrix's calls (one per procedure of
// the router) as every caller allowed to make them: each mutation but the
// exempt ones must be refused with READ_ONLY_MODE and leave every table as it
// was; each query must still answer.

const EXEMPT = ["auth.signIn", "auth.signOut", "auth.extendSession", "operations.setReadOnly"];
const REASON = "データベースのバックアップ取得のため";

const procedures = listProcedures(appRouter);
const typeOf = new Map(procedures.map((p) => [p.path, p.type]));
const allowedKinds = (row: (typeof rows)[number]) =>
  CALLER_KINDS.filter((kind) => !REFUSALS.has(row.cells[kind]));
const refusedRows = rows.filter(
  (r) => typeOf.get(r.path) === "mutation" && !EXEMPT.includes(r.path),
);
const queryRows = rows.filter((r) => typeOf.get(r.path) === "query");

let tdb: TestDatabase;
let db: Db;
let world: CallerWorld;

/** Every table but sessions (each test caller signs in anew): one digest per table. */
async function everyTable(db: Db): Promise<Record<string, string>> {
  const { rows: tables } = await sql<{ name: string }>`
    select tablename as name from pg_tables
    where schemaname = 'public' and tablename not in ('sessions', 'kysely_migration', 'kysely_migration_lock')
    order by 1`.execute(db);
  const digests: Record<string, string> = {};
  for (const { name } of tables) {
    const { rows: found } = await sql<{ digest: string }>`
      select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest
      from ${sql.table(name)} t`.execute(db);
    digests[name] = found[0]?.digest ?? "";
  }
  return digests;
}

async function turnOn(): Promise<void> {
  const ministry = await callerOf(db, world, "ministry");
  await ministry.operations.setReadOnly({ readOnly: true, reason: REASON });
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.db;
  world = await createCallerWorld(db);
});

afterAll(async () => {
  await tdb.destroy();
});

describe("read-only mode", () => {
  it("exempts exactly sign-in, sign-out, 延長 and the switch, as the procedures declare", () => {
    const exempt = procedures
      .filter((p) => p.meta?.allowedWhileReadOnly === true)
      .map((p) => p.path);
    expect(exempt.sort()).toEqual([...EXEMPT].sort());
    expect(refusedRows.length).toBe(
      procedures.filter((p) => p.type === "mutation").length - EXEMPT.length,
    );
  });

  it("is off until the ministry turns it on: a mutation goes through", async () => {
    const vendor = await callerOf(db, world, "vendor");
    await expect(
      vendor.vendorPortal.updateStock({ sizeId: world.sizeId, stockSets: 321 }),
    ).resolves.toBeTruthy();
    expect(
      (await (await callerOf(db, world, "anonymous")).operations.readOnlyStatus()).readOnly,
    ).toBe(false);
  });

  it("is switched by the ministry with a reason, in the audit log, once per change", async () => {
    const ministry = await callerOf(db, world, "ministry");
    await expect(
      ministry.operations.setReadOnly({ readOnly: true, reason: " " }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const on = await ministry.operations.setReadOnly({ readOnly: true, reason: REASON });
    expect(on).toMatchObject({
      readOnly: true,
      reason: REASON,
      changed: true,
      changedVia: "console",
    });
    expect(on.changedBy?.displayName).toBe(world.users.ministry.user.displayName);
    const again = await ministry.operations.setReadOnly({ readOnly: true, reason: "二度目" });
    expect(again).toMatchObject({ readOnly: true, reason: REASON, changed: false });

    const audit = await db
      .selectFrom("auditLog")
      .select(["action", "actorUserId", "actorRole", "details"])
      .where("targetType", "=", "maintenance")
      .execute();
    expect(audit).toEqual([
      {
        action: "maintenance.read_only_on",
        actorUserId: world.users.ministry.user.id,
        actorRole: "ministry",
        details: { reason: REASON, via: "console" },
      },
    ]);
    const status = await (await callerOf(db, world, "anonymous")).operations.readOnlyStatus();
    expect(status).toEqual({ readOnly: true, since: world.clock.now.toISOString() });
  });

  it.each(refusedRows)(
    "refuses $path with the maintenance notice, changing nothing",
    async (row) => {
      await turnOn();
      for (const kind of allowedKinds(row)) {
        const caller = await callerOf(db, world, kind);
        const before = await everyTable(db);
        const outcome = await outcomeOf(row.call(caller, world));
        expect(outcome.ok, `${row.path} as ${kind} was let through`).toBe(false);
        if (outcome.ok) continue;
        const shape = formatError(outcome.error);
        expect(shape.data).toMatchObject({ domainCode: "READ_ONLY_MODE", httpStatus: 503 });
        expect(shape.message).toBe(DOMAIN_ERRORS.READ_ONLY_MODE.messageJa);
        expect(await everyTable(db), `${row.path} as ${kind} changed nothing`).toEqual(before);
      }
    },
  );

  it.each(queryRows)("still answers $path", async (row) => {
    await turnOn();
    for (const kind of allowedKinds(row)) {
      const outcome = await outcomeOf(row.call(await callerOf(db, world, kind), world));
      expect(outcome.ok ? "ok" : outcome.error.code, `${row.path} as ${kind}`).toBe("ok");
    }
  });

  it("still signs in and out", async () => {
    await turnOn();
    const anonymous = await callerOf(db, world, "anonymous");
    const user = await anonymous.auth.signIn({
      username: world.spare.username,
      password: world.spare.password,
    });
    expect(user.username).toBe(world.spare.username);
    await expect((await callerOf(db, world, "vendor")).auth.signOut()).resolves.toEqual({
      ok: true,
    });
  });

  it("is refused to everyone but the ministry, with nothing switched", async () => {
    for (const kind of CALLER_KINDS.filter((k) => k !== "ministry")) {
      const caller = await callerOf(db, world, kind);
      const outcome = await outcomeOf(
        caller.operations.setReadOnly({ readOnly: false, reason: "解除" }),
      );
      expect(outcome.ok ? "ok" : outcome.error.code, kind).toBe(
        kind === "anonymous" ? "UNAUTHORIZED" : "FORBIDDEN",
      );
    }
    expect((await (await callerOf(db, world, "ministry")).operations.maintenance()).readOnly).toBe(
      true,
    );
  });

  it("is turned off by the ministry or an operator's command, each audited", async () => {
    await turnOn();
    expect(
      await switchReadOnly(db, {
        readOnly: false,
        reason: "作業完了",
        at: world.clock.now,
        actor: null,
        via: "cli",
      }),
    ).toBe(true);
    const state = await (await callerOf(db, world, "ministry")).operations.maintenance();
    expect(state).toMatchObject({
      readOnly: false,
      reason: "作業完了",
      changedVia: "cli",
      changedBy: null,
    });
    const last = await db
      .selectFrom("auditLog")
      .select(["action", "actorRole", "details"])
      .where("targetType", "=", "maintenance")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(last).toEqual({
      action: "maintenance.read_only_off",
      actorRole: "operator",
      details: { reason: "作業完了", via: "cli" },
    });
  });
});
