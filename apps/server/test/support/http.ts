import { SESSION_COOKIE_NAME } from "@sos/auth";

export interface TrpcResult<T = unknown> {
  status: number;
  headers: Headers;
  body: {
    result?: { data: T };
    error?: { message: string; code: number; data: Record<string, unknown> };
  };
  /** The session cookie as Set-Cookie left it: a token, "" when cleared, undefined when untouched. */
  sessionCookie: string | undefined;
  setCookie: string | undefined;
}

function sessionFromSetCookie(headers: Headers): {
  value: string | undefined;
  raw: string | undefined;
} {
  const raw = headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE_NAME}=`));
  if (raw === undefined) return { value: undefined, raw };
  const value = raw.slice(SESSION_COOKIE_NAME.length + 1).split(";")[0] ?? "";
  return { value: decodeURIComponent(value), raw };
}

async function toResult<T>(response: Response): Promise<TrpcResult<T>> {
  const { value, raw } = sessionFromSetCookie(response.headers);
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as TrpcResult<T>["body"],
    sessionCookie: value,
    setCookie: raw,
  };
}

function cookieHeader(token: string | undefined): Record<string, string> {
  return token ? { cookie: `${SESSION_COOKIE_NAME}=${token}` } : {};
}

/** A tRPC mutation as the browser app sends it (JSON, same-origin Origin header). */
export async function mutate<T = unknown>(
  base: string,
  path: string,
  input: unknown,
  options: { token?: string | undefined; origin?: string | null } = {},
): Promise<TrpcResult<T>> {
  const origin = options.origin === undefined ? base : options.origin;
  const response = await fetch(`${base}/trpc/${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(origin === null ? {} : { origin }),
      ...cookieHeader(options.token),
    },
    body: JSON.stringify(input ?? null),
  });
  return toResult<T>(response);
}

export async function query<T = unknown>(
  base: string,
  path: string,
  input?: unknown,
  options: { token?: string | undefined } = {},
): Promise<TrpcResult<T>> {
  const url = new URL(`${base}/trpc/${path}`);
  if (input !== undefined) url.searchParams.set("input", JSON.stringify(input));
  const response = await fetch(url, { headers: cookieHeader(options.token) });
  return toResult<T>(response);
}

/** Signs a user in over HTTP; the session cookie's token. */
export async function signInOverHttp(
  base: string,
  user: { username: string; password: string },
): Promise<string> {
  const result = await mutate(base, "auth.signIn", {
    username: user.username,
    password: user.password,
  });
  if (result.status !== 200) throw new Error(`sign-in failed with ${result.status}`);
  return result.sessionCookie ?? "";
}
