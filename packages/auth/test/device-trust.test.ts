import { describe, expect, it } from "vitest";
import { AUTH_AUDIT_ACTIONS } from "../src/audit-actions";
import {
  deviceCookieName,
  deviceCookieOptions,
  MAX_DEVICE_TOKENS,
  parseDeviceCookie,
  serializeDeviceCookie,
} from "../src/device-trust";
import { sessionCookieName } from "../src/session";
import { signIn } from "../src/sign-in";
import { generateSecureToken, hashToken } from "../src/tokens";
import {
  addressSequence,
  at,
  auditRows,
  GOOD_PASSWORD,
  HOUR,
  insertUser,
  MAIL_FROM,
  MINUTE,
  SECOND,
  useTestDatabase,
} from "./fixtures";

const testDb = useTestDatabase();
const T0 = new Date("2026-06-03T01:00:00.000Z");
const DAY = 24 * HOUR;
const freshIp = addressSequence("198.18.0");

interface Attempt {
  username: string;
  password?: string;
  ip?: string;
  now: Date;
  deviceTokens?: readonly string[];
}

function attempt(input: Attempt) {
  return signIn(testDb.db, {
    username: input.username,
    password: input.password ?? "Wrong-Passw0rd",
    ip: input.ip ?? freshIp(),
    userAgent: "vitest",
    now: input.now,
    mailFrom: MAIL_FROM,
    ...(input.deviceTokens ? { deviceTokens: input.deviceTokens } : {}),
  });
}

/** The right password, from a browser holding `deviceTokens` (none: a new browser). */
function rightPassword(username: string, now: Date, deviceTokens?: readonly string[]) {
  return attempt({
    username,
    password: GOOD_PASSWORD,
    now,
    ...(deviceTokens ? { deviceTokens } : {}),
  });
}

/** Signs the owner in from a new browser and returns the device cookie it is given. */
async function trustedBrowser(username: string, now: Date): Promise<string[]> {
  const result = await rightPassword(username, now);
  if (!result.ok) throw new Error(`sign-in failed: ${JSON.stringify(result.error)}`);
  return result.value.device.tokens;
}

/** Blocks the account for untrusted clients (5 failures from one address). */
async function lockOutUntrusted(username: string, now: Date) {
  const ip = freshIp();
  for (let i = 0; i < 5; i += 1) await attempt({ username, ip, now });
  expect(await rightPassword(username, now)).toMatchObject({
    ok: false,
    error: { code: "throttled" },
  });
}

describe("device cookie", () => {
  it("is named with the __Host- prefix over https only, and is Path=/ without Domain", () => {
    expect(deviceCookieName(true)).toBe("__Host-sos_device");
    expect(deviceCookieName(false)).toBe("sos_device");
    expect(sessionCookieName(true)).toBe("__Host-sos_session");
    expect(sessionCookieName(false)).toBe("sos_session");
    const options = deviceCookieOptions({ secure: true, expiresAt: at(T0, 180 * DAY), now: T0 });
    expect(options).toEqual({
      httpOnly: true,
      sameSite: "strict",
      secure: true,
      path: "/",
      maxAge: 180 * 24 * 60 * 60,
      expires: at(T0, 180 * DAY),
    });
    expect(options).not.toHaveProperty("domain");
  });

  it("reads only well-formed tokens, without repeats, at most five", () => {
    const tokens = Array.from({ length: 7 }, () => generateSecureToken());
    const [first = "", second = ""] = tokens;
    expect(parseDeviceCookie(undefined)).toEqual([]);
    expect(parseDeviceCookie("")).toEqual([]);
    expect(parseDeviceCookie(`${first}.junk.${first}.${second.toUpperCase()}.${second}`)).toEqual([
      first,
      second,
    ]);
    expect(parseDeviceCookie(serializeDeviceCookie(tokens))).toEqual(
      tokens.slice(0, MAX_DEVICE_TOKENS),
    );
  });
});

describe("sign-in with a device cookie", () => {
  it("trusts a browser after a successful sign-in and renews its token at each one", async () => {
    const owner = await insertUser(testDb.db);
    const first = await trustedBrowser(owner.username, T0);
    expect(first).toHaveLength(1);
    const stored = await testDb.db
      .selectFrom("trustedDevices")
      .selectAll()
      .where("userId", "=", owner.id)
      .execute();
    // Only the hash is stored, bound to the user, trusted for 180 days.
    expect(stored).toEqual([
      {
        id: hashToken(first[0] ?? ""),
        userId: owner.id,
        createdAt: T0,
        expiresAt: at(T0, 180 * DAY),
      },
    ]);

    const again = await rightPassword(owner.username, at(T0, HOUR), first);
    if (!again.ok) throw new Error("sign-in failed");
    expect(again.value.device.tokens).toHaveLength(1);
    expect(again.value.device.tokens[0]).not.toBe(first[0]);
    const audit = (await auditRows(testDb.db, AUTH_AUDIT_ACTIONS.signInSuccess)).filter(
      (row) => row.targetId === owner.id,
    );
    expect(audit.map((row) => (row.details as { trustedDevice: boolean }).trustedDevice)).toEqual([
      false,
      true,
    ]);
    // The presented token was retired: a copy of the old cookie is an untrusted client now.
    await lockOutUntrusted(owner.username, at(T0, 2 * HOUR));
    expect(await rightPassword(owner.username, at(T0, 2 * HOUR), first)).toMatchObject({
      ok: false,
      error: { code: "throttled", retryAfterSeconds: 60 },
    });
    expect(
      (await rightPassword(owner.username, at(T0, 2 * HOUR), again.value.device.tokens)).ok,
    ).toBe(true);
  });

  it("lets the owner's browser in while others' failures hold back every untrusted client", async () => {
    const owner = await insertUser(testDb.db);
    const device = await trustedBrowser(owner.username, T0);
    await lockOutUntrusted(owner.username, at(T0, MINUTE));
    const result = await rightPassword(owner.username, at(T0, MINUTE), device);
    expect(result.ok).toBe(true);
    // Its success does not lift the block for the others.
    expect(await rightPassword(owner.username, at(T0, MINUTE))).toMatchObject({
      ok: false,
      error: { code: "throttled", retryAfterSeconds: 60 },
    });
  });

  it("lets the owner's browser in from an address that is blocked for spraying", async () => {
    const owner = await insertUser(testDb.db);
    const device = await trustedBrowser(owner.username, T0);
    const natIp = freshIp();
    for (let i = 0; i < 50; i += 1) {
      await attempt({ username: `spray-${i}-${owner.username}`, ip: natIp, now: T0 });
    }
    expect(
      await attempt({ username: owner.username, password: GOOD_PASSWORD, ip: natIp, now: T0 }),
    ).toMatchObject({ ok: false, error: { code: "throttled" } });
    const result = await attempt({
      username: owner.username,
      password: GOOD_PASSWORD,
      ip: natIp,
      now: T0,
      deviceTokens: device,
    });
    expect(result.ok).toBe(true);
  });

  it("still limits a trusted browser by its own failures, apart from the account's", async () => {
    const owner = await insertUser(testDb.db);
    let device = await trustedBrowser(owner.username, T0);
    for (let i = 0; i < 5; i += 1) {
      expect(
        await attempt({ username: owner.username, now: at(T0, i * SECOND), deviceTokens: device }),
      ).toEqual({ ok: false, error: { code: "invalid_credentials" } });
    }
    const blocked = await rightPassword(owner.username, at(T0, 10 * SECOND), device);
    expect(blocked).toEqual({ ok: false, error: { code: "throttled", retryAfterSeconds: 54 } });
    const audit = (await auditRows(testDb.db, AUTH_AUDIT_ACTIONS.signInFailure)).filter(
      (row) => row.targetId === owner.id,
    );
    expect(audit.at(-1)?.details).toMatchObject({ scope: "device", trustedDevice: true });
    // The account's untrusted clients were not charged for those failures.
    const accountRow = await testDb.db
      .selectFrom("signInThrottle")
      .selectAll()
      .where("key", "=", `user:${owner.username}`)
      .executeTakeFirst();
    expect(accountRow).toMatchObject({ failures: 0, blockedUntil: null });
    expect((await rightPassword(owner.username, at(T0, 10 * SECOND))).ok).toBe(true);
    // Once its block ends, the trusted browser signs in and its count starts again.
    const later = await rightPassword(owner.username, at(T0, 64 * SECOND), device);
    if (!later.ok) throw new Error("sign-in failed");
    device = later.value.device.tokens;
    expect(
      await attempt({ username: owner.username, now: at(T0, 65 * SECOND), deviceTokens: device }),
    ).toEqual({ ok: false, error: { code: "invalid_credentials" } });
  });

  it("trusts a browser only for the account it signed in to, and only until the trust expires", async () => {
    const owner = await insertUser(testDb.db);
    const colleague = await insertUser(testDb.db);
    const device = await trustedBrowser(colleague.username, T0);
    await lockOutUntrusted(owner.username, at(T0, MINUTE));
    expect(await rightPassword(owner.username, at(T0, MINUTE), device)).toMatchObject({
      ok: false,
      error: { code: "throttled" },
    });

    const ownDevice = await trustedBrowser(owner.username, at(T0, HOUR));
    const expired = at(T0, HOUR + 180 * DAY);
    await lockOutUntrusted(owner.username, expired);
    expect(await rightPassword(owner.username, expired, ownDevice)).toMatchObject({
      ok: false,
      error: { code: "throttled" },
    });
  });

  it("keeps the tokens a shared browser holds for other accounts, newest first", async () => {
    const a = await insertUser(testDb.db);
    const b = await insertUser(testDb.db);
    const forA = await trustedBrowser(a.username, T0);
    const both = await rightPassword(b.username, T0, forA);
    if (!both.ok) throw new Error("sign-in failed");
    expect(both.value.device.tokens).toHaveLength(2);
    expect(both.value.device.tokens[1]).toBe(forA[0]);
    await lockOutUntrusted(a.username, at(T0, MINUTE));
    expect((await rightPassword(a.username, at(T0, MINUTE), both.value.device.tokens)).ok).toBe(
      true,
    );
  });
});
