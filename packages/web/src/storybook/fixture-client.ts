import type { AppRouter } from "@sos/api";
import { createTRPCClient, TRPCClientError, type TRPCLink } from "@trpc/client";
import type {
  AnyProcedure,
  inferRouterInputs,
  inferRouterOutputs,
  TRPC_ERROR_CODE_KEY,
} from "@trpc/server";
import { observable } from "@trpc/server/observable";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import type { ApiClient } from "../trpc";

type Handlers<TRecord, TInputs, TOutputs> = {
  [K in keyof TRecord & keyof TInputs & keyof TOutputs]?: TRecord[K] extends AnyProcedure
    ? (input: TInputs[K]) => TOutputs[K] | Promise<TOutputs[K]>
    : Handlers<TRecord[K], TInputs[K], TOutputs[K]>;
};

/**
 * What a story's server answers, procedure by procedure, in the shape of the router
 * (`{ survey: { list: () => [...] } }`). Typed by AppRouter's own inputs and outputs,
 * so a fixture that drifts from the API fails the typecheck.
 */
export type ApiFixtures = Handlers<
  AppRouter["_def"]["record"],
  inferRouterInputs<AppRouter>,
  inferRouterOutputs<AppRouter>
>;

/** One call the screen made, in order; play functions assert on the mutations. */
export interface FixtureCall {
  path: string;
  type: "query" | "mutation" | "subscription";
  input: unknown;
}

export interface FixtureErrorOptions {
  domainCode?: string;
  fieldErrors?: Record<string, string[]>;
}

/** An error as packages/api's error formatter sends it, for handlers to throw. */
export class FixtureError extends Error {
  constructor(
    readonly code: TRPC_ERROR_CODE_KEY,
    message: string,
    readonly options: FixtureErrorOptions = {},
  ) {
    super(message);
  }
}

const HTTP_STATUS: Partial<Record<TRPC_ERROR_CODE_KEY, number>> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  UNPROCESSABLE_CONTENT: 422,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
};

function toClientError(error: unknown) {
  const fixture =
    error instanceof FixtureError
      ? error
      : new FixtureError(
          "INTERNAL_SERVER_ERROR",
          "サーバーでエラーが発生しました。時間をおいて再度お試しください。",
        );
  return TRPCClientError.from({
    error: {
      code: TRPC_ERROR_CODES_BY_KEY[fixture.code],
      message: fixture.message,
      data: {
        code: fixture.code,
        httpStatus: HTTP_STATUS[fixture.code] ?? 500,
        ...fixture.options,
      },
    },
  });
}

function handlerAt(fixtures: ApiFixtures, path: string): unknown {
  let node: unknown = fixtures;
  for (const key of path.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * A tRPC client whose terminating link answers from fixtures instead of the network.
 * A procedure the story did not describe fails loudly, like a server error would.
 */
export function createFixtureClient(fixtures: ApiFixtures, calls: FixtureCall[] = []): ApiClient {
  const fixtureLink: TRPCLink<AppRouter> =
    () =>
    ({ op }) =>
      observable((observer) => {
        calls.push({ path: op.path, type: op.type, input: op.input });
        const handler = handlerAt(fixtures, op.path);
        if (typeof handler !== "function") {
          console.error(`ストーリーに ${op.path} の応答がありません。`);
          observer.error(toClientError(undefined));
          return;
        }
        Promise.resolve()
          .then(() => handler(op.input))
          .then(
            (data: unknown) => {
              // Through JSON, as over HTTP: a Date in a fixture arrives as a string.
              observer.next({ result: { type: "data", data: structuredJson(data) } });
              observer.complete();
            },
            (error: unknown) => observer.error(toClientError(error)),
          );
      });
  return createTRPCClient<AppRouter>({ links: [fixtureLink] });
}

function structuredJson(data: unknown): unknown {
  return data === undefined ? undefined : JSON.parse(JSON.stringify(data));
}
