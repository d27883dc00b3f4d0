import { createTestDatabase, type TestDatabase } from "@sos/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deny } from "../src/deny";
import { domainErrorShape, formatError } from "../src/error-shape";
import { DomainError } from "../src/errors";
import { callerFor, createTestUser, type TestUser } from "../src/testing";

let tdb: TestDatabase;
let institution: TestUser;

beforeAll(async () => {
  tdb = await createTestDatabase();
  institution = await createTestUser(tdb.db, "institution");
});

afterAll(async () => {
  await tdb.destroy();
});

function deniedAudits(userId: string, targetId: string) {
  return tdb.db
    .selectFrom("auditLog")
    .selectAll()
    .where("action", "=", "access.denied")
    .where("actorUserId", "=", userId)
    .where("targetId", "=", targetId)
    .execute();
}

describe("deny", () => {
  it("writes one access.denied row and answers FORBIDDEN by default", async () => {
    const refusal = await deny(
      tdb.db,
      { user: institution.user, ip: "192.0.2.7" },
      { targetType: "route", targetId: "/deny-test/forbidden", details: { required: "ministry" } },
    );
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal.code).toBe("FORBIDDEN");
    const rows = await deniedAudits(institution.user.id, "/deny-test/forbidden");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorRole: "institution",
      targetType: "route",
      ip: "192.0.2.7",
      details: { required: "ministry" },
    });
  });

  it("answers NOT_FOUND when asked to, still audited", async () => {
    const refusal = await deny(
      tdb.db,
      { user: institution.user, ip: "127.0.0.1" },
      { targetType: "sos_request", targetId: "deny-test-object", details: {} },
      "NOT_FOUND",
    );
    expect(refusal.code).toBe("NOT_FOUND");
    expect(await deniedAudits(institution.user.id, "deny-test-object")).toHaveLength(1);
  });

  it("gives an HTTP route the very shape a refused tRPC procedure gets", async () => {
    const { caller } = await callerFor(tdb.db, institution.user);
    const fromProcedure = await caller.probe.ministry().then(
      () => null,
      (e: unknown) => e,
    );
    expect(fromProcedure).toBeInstanceOf(TRPCError);
    const refusal = await deny(
      tdb.db,
      { user: institution.user, ip: "127.0.0.1" },
      { targetType: "route", targetId: "/deny-test/shape", details: {} },
    );
    const procedureShape = formatError(fromProcedure as TRPCError);
    expect(domainErrorShape(refusal.code)).toEqual(procedureShape);
    expect(procedureShape).toMatchObject({
      message: "この操作を行う権限がありません。",
      data: { code: "FORBIDDEN", httpStatus: 403, domainCode: "FORBIDDEN" },
    });
  });
});
