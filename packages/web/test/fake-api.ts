import type { Role } from "@sos/domain";
import { initTRPC, TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { z } from "zod";
import type { SignedInUser } from "../src/session/signed-in-user";

/**
 * An in-process stand-in for packages/api's auth router, speaking real tRPC over a
 * fetch function: the client code under test runs unchanged, links and all.
 * Errors are shaped like packages/api's error formatter (Japanese message, codes).
 */
export const FAKE_PASSWORD = "Tebukuro2026";
export const FAKE_RESET_TOKEN = "valid-reset-token-1234567890";

class FakeDomainError extends Error {
  constructor(
    readonly trpcCode: "UNAUTHORIZED" | "BAD_REQUEST" | "TOO_MANY_REQUESTS",
    readonly domainCode: string,
    message: string,
  ) {
    super(message);
  }
}

export function fakeUser(role: Role, overrides: Partial<SignedInUser> = {}): SignedInUser {
  return {
    id: `00000000-0000-4000-8000-00000000000${["institution", "prefecture", "ministry", "vendor", "delegate"].indexOf(role)}`,
    username: `${role}-user`,
    displayName: {
      institution: "山田 花子",
      prefecture: "佐藤 健一",
      ministry: "鈴木 一郎",
      vendor: "高橋 美咲",
      delegate: "田中 一郎",
    }[role],
    role,
    institutionId: role === "institution" ? "10000000-0000-4000-8000-000000000001" : null,
    prefectureCode: role === "prefecture" ? 13 : null,
    leadOfficer: false,
    ...overrides,
  };
}

export interface FakeApi {
  fetch: typeof globalThis.fetch;
  /** Who the "session cookie" belongs to; tests end it to simulate expiry. */
  session: SignedInUser | null;
  users: SignedInUser[];
  calls: string[];
  /** Makes every request fail as if the network were down. */
  offline: boolean;
  resetRequests: string[];
  newPasswords: string[];
}

export function createFakeApi(
  users: SignedInUser[],
  signedInAs: SignedInUser | null = null,
): FakeApi {
  const api: FakeApi = {
    fetch: async () => new Response(),
    session: signedInAs,
    users,
    calls: [],
    offline: false,
    resetRequests: [],
    newPasswords: [],
  };

  const t = initTRPC.create({
    errorFormatter: ({ shape, error }) => {
      const cause = error.cause;
      const domain = cause instanceof FakeDomainError ? cause : undefined;
      return {
        ...shape,
        message: domain?.message ?? shape.message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          ...(domain ? { domainCode: domain.domainCode } : {}),
        },
      };
    },
  });
  const fail = (error: FakeDomainError) =>
    new TRPCError({ code: error.trpcCode, message: error.message, cause: error });

  const router = t.router({
    auth: t.router({
      me: t.procedure.query(() => api.session),
      session: t.procedure.query(() =>
        api.session === null ? null : { idleExpiresInMs: null, expiresInMs: 43_200_000 },
      ),
      signIn: t.procedure
        .input(z.object({ username: z.string(), password: z.string() }))
        .mutation(({ input }) => {
          const user = api.users.find((candidate) => candidate.username === input.username);
          if (!user || input.password !== FAKE_PASSWORD) {
            throw fail(
              new FakeDomainError(
                "UNAUTHORIZED",
                "INVALID_CREDENTIALS",
                "ユーザー名またはパスワードが正しくありません。",
              ),
            );
          }
          api.session = user;
          return user;
        }),
      signOut: t.procedure.mutation(() => {
        api.session = null;
        return { ok: true as const };
      }),
      requestPasswordReset: t.procedure
        .input(z.object({ username: z.string() }))
        .mutation(({ input }) => {
          api.resetRequests.push(input.username);
          return { ok: true as const };
        }),
      resetPassword: t.procedure
        .input(z.object({ token: z.string(), password: z.string() }))
        .mutation(({ input }) => {
          if (input.token !== FAKE_RESET_TOKEN) {
            throw fail(
              new FakeDomainError(
                "BAD_REQUEST",
                "RESET_TOKEN_INVALID",
                "パスワード再設定用のリンクが無効か、有効期限が切れています。もう一度パスワード再設定を申請してください。",
              ),
            );
          }
          api.newPasswords.push(input.password);
          api.session = null;
          return { ok: true as const };
        }),
    }),
  });

  api.fetch = async (input, init) => {
    const url = new URL(String(input), "http://localhost");
    api.calls.push(url.pathname.replace("/trpc/", ""));
    if (api.offline) throw new TypeError("Failed to fetch");
    // jsdom's AbortSignal is not the one Node's Request accepts; nothing here aborts.
    const { signal: _signal, ...rest } = init ?? {};
    return fetchRequestHandler({
      endpoint: "/trpc",
      req: new Request(url, rest),
      router,
      createContext: () => ({}),
    });
  };
  return api;
}
