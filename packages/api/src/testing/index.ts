import { createSession, hashPassword, type SessionUser, toSessionUser } from "@sos/auth";
import type { Db } from "@sos/db";
import { PREFECTURES } from "@sos/domain";
import type { ApiConfig, Context } from "../context";
import { createTestCaller } from "./probe-router";

export const TEST_API_CONFIG: ApiConfig = {
  publicBaseUrl: "http://localhost:3000",
  mailFrom: "noreply@sos-supply.example",
  vendorMailFrom: "shop@vendor.sos-supply.example",
  secureCookies: false,
};

/** What the procedures did to the session and device cookies, for assertions. */
export interface CookieLog {
  set: Array<{ token: string; expiresAt: Date }>;
  cleared: number;
  device: Array<{ tokens: readonly string[]; expiresAt: Date }>;
}

export interface TestContextOptions {
  user?: SessionUser | null;
  session?: { id: string } | null;
  now?: () => Date;
  ip?: string;
  userAgent?: string;
  config?: Partial<ApiConfig>;
  /** The browser's device cookie, as parsed tokens. */
  deviceTokens?: readonly string[];
  /** 代理入力: the institution a delegate's user acts for (the x-sos-acting-for header). */
  actingForInstitutionId?: string;
}

/** A Context as the HTTP server would build it, with the cookie writes recorded. */
export function createTestContext(
  db: Db,
  options: TestContextOptions = {},
): Context & { cookies: CookieLog } {
  const cookies: CookieLog = { set: [], cleared: 0, device: [] };
  return {
    db,
    now: options.now ?? (() => new Date()),
    user: options.user ?? null,
    session: options.session ?? null,
    ip: options.ip ?? "127.0.0.1",
    userAgent: options.userAgent ?? "vitest",
    config: { ...TEST_API_CONFIG, ...options.config },
    requestId: "test-request",
    setSessionCookie: (token, expiresAt) => cookies.set.push({ token, expiresAt }),
    clearSessionCookie: () => {
      cookies.cleared += 1;
    },
    deviceTokens: options.deviceTokens ?? [],
    actingForInstitutionId: options.actingForInstitutionId,
    setDeviceCookie: (tokens, expiresAt) => cookies.device.push({ tokens, expiresAt }),
    cookies,
  };
}

let sequence = 0;

function nextNumber(): number {
  sequence += 1;
  return sequence;
}

/** Tokyo (13) and Osaka (27): enough for scoping tests; a test database starts with none. */
/** All 47 prefectures, as the registry's 都道府県 column names them; inserting again changes nothing. */
export async function insertAllPrefectures(db: Db): Promise<void> {
  await db
    .insertInto("prefectures")
    .values(PREFECTURES.map(({ code, name, nameEn }) => ({ code, name, nameEn })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function insertTestPrefectures(db: Db): Promise<void> {
  await db
    .insertInto("prefectures")
    .values([
      { code: 13, name: "東京都", nameEn: "Tokyo" },
      { code: 27, name: "大阪府", nameEn: "Osaka" },
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export interface TestUserOptions {
  username?: string;
  password?: string;
  email?: string;
  /** For prefecture users (default 13) and for the institution of an institution user. */
  prefectureCode?: number;
  /** A delegate user's organisation; by default a new medical association of its own. */
  delegateOrganisationId?: string;
}

export interface TestUser {
  user: SessionUser;
  username: string;
  password: string;
}

/** A real user row (with an institution for the institution role), ready to sign in. */
export async function createTestUser(
  db: Db,
  role: SessionUser["role"],
  options: TestUserOptions = {},
): Promise<TestUser> {
  await insertTestPrefectures(db);
  const n = nextNumber();
  const prefectureCode = options.prefectureCode ?? 13;
  const username = options.username ?? `${role}-user-${n}`;
  const password = options.password ?? "Tegukuro-Test-2026";
  let institutionId: string | null = null;
  if (role === "institution") {
    const code = String(1_390_000_000 + n);
    const institution = await db
      .insertInto("institutions")
      .values({
        code,
        name: `テスト病院${n}`,
        type: "hospital",
        prefectureCode,
        postcode: "1000001",
        address: "東京都千代田区千代田1-1",
        phone: "0312345678",
        email: `hospital${n}@example.jp`,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    institutionId = institution.id;
  }
  let delegateOrganisationId: string | null = null;
  if (role === "delegate") {
    delegateOrganisationId =
      options.delegateOrganisationId ??
      (await createTestDelegateOrganisation(db, { name: `テスト医師会${n}` })).id;
  }
  const row = await db
    .insertInto("users")
    .values({
      username,
      displayName: `テスト利用者${n}`,
      email: options.email ?? `${username}@example.jp`,
      role,
      institutionId,
      prefectureCode: role === "prefecture" ? prefectureCode : null,
      delegateOrganisationId,
      passwordHash: await hashPassword(password),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { user: toSessionUser(row), username, password };
}

/** A delegate organisation (医師会 by default) with a unique code. */
export async function createTestDelegateOrganisation(
  db: Db,
  {
    name,
    kind = "medical_association",
  }: { name: string; kind?: "medical_association" | "head_office" },
): Promise<{ id: string; code: string; name: string }> {
  const code = `D${String(100_000 + nextNumber())}`;
  return db
    .insertInto("delegateOrganisations")
    .values({ code, name, kind, prefectureCode: null })
    .returning(["id", "code", "name"])
    .executeTakeFirstOrThrow();
}

/** A context for a signed-in user, backed by a real session row. */
export async function signedInContext(
  db: Db,
  user: SessionUser,
  options: Omit<TestContextOptions, "user" | "session"> = {},
): Promise<Context & { cookies: CookieLog }> {
  const now = options.now ?? (() => new Date());
  const { session } = await createSession(db, user.id, { now: now() });
  return createTestContext(db, { ...options, now, user, session: { id: session.id } });
}

/** A caller acting as `user` (or anonymous when null). */
export async function callerFor(
  db: Db,
  user: SessionUser | null,
  options: TestContextOptions = {},
) {
  const ctx = user ? await signedInContext(db, user, options) : createTestContext(db, options);
  return { ctx, caller: createTestCaller(ctx) };
}

export { createTestCaller, probeRouter, testRouter } from "./probe-router";
