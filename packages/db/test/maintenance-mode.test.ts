import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isReadOnly, readMaintenanceState, switchReadOnly } from "../src/maintenance";
import { createTestDatabase, type TestDatabase } from "../src/testing/test-database";

const AT = new Date("2026-12-07T01:00:00Z");

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.destroy();
});

describe("maintenance_mode", () => {
  it("is off until switched, and never switched says so", async () => {
    expect(await isReadOnly(t.db)).toBe(false);
    expect(await readMaintenanceState(t.db)).toEqual({
      readOnly: false,
      reason: null,
      changedAt: null,
      changedBy: null,
      changedVia: null,
    });
  });

  it("holds one row at most and a reason of 1 to 200 characters", async () => {
    const row = (id: boolean, reason: string) =>
      sql`insert into maintenance_mode (id, read_only, reason, changed_at, changed_via)
          values (${id}, true, ${reason}, ${AT}, 'cli')`.execute(t.db);
    await expect(row(false, "二つ目")).rejects.toThrow(/maintenance_mode_id_check/);
    await expect(row(true, "")).rejects.toThrow(/maintenance_mode_reason_check/);
    await expect(row(true, "あ".repeat(201))).rejects.toThrow(/maintenance_mode_reason_check/);
    expect(await isReadOnly(t.db)).toBe(false);
  });

  it("switches with one audit entry per real change, even when two switch at once", async () => {
    const on = () =>
      switchReadOnly(t.db, { readOnly: true, reason: "点検", at: AT, actor: null, via: "cli" });
    const results = await Promise.all([on(), on(), on()]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await isReadOnly(t.db)).toBe(true);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from audit_log where action = 'maintenance.read_only_on'`.execute(
      t.db,
    );
    expect(rows[0]?.n).toBe(1);
  });
});
