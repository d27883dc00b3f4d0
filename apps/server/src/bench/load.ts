import { Pool } from "undici";

/**
 * The load generator: undici's connection pool, in this process. Chosen over
 * autocannon because every request here carries its own session cookie and
 * survey id (and the deadline hour chains a sign-in to an answer per
 * institution), because the deadline hour needs an open-loop schedule whose
 * latency counts from the planned start (autocannon's rate limit is closed-loop
 * and hides queueing), and because product and baselines are then driven by
 * the very same client code. undici's pool costs a few tens of microseconds of
 * CPU per request, far less than fetch.
 */

export interface HttpCall {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export class LoadClient {
  readonly pool: Pool;

  constructor(
    readonly baseUrl: string,
    connections: number,
  ) {
    this.pool = new Pool(baseUrl, {
      connections,
      pipelining: 1,
      keepAliveTimeout: 60_000,
      headersTimeout: 120_000,
      bodyTimeout: 300_000,
    });
  }

  async call(call: HttpCall): Promise<HttpAnswer> {
    const response = await this.pool.request({
      method: call.method,
      path: call.path,
      headers: call.headers ?? {},
      body: call.body ?? null,
    });
    const body = await response.body.text();
    return { status: response.statusCode, headers: response.headers, body };
  }

  /** Reads the body as it arrives without keeping it: the byte count and the headers. */
  async download(
    call: HttpCall,
  ): Promise<{ status: number; bytes: number; headers: HttpAnswer["headers"] }> {
    const response = await this.pool.request({
      method: call.method,
      path: call.path,
      headers: call.headers ?? {},
    });
    let bytes = 0;
    for await (const chunk of response.body) bytes += (chunk as Buffer).length;
    return { status: response.statusCode, bytes, headers: response.headers };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

export interface LoadResult {
  /** Answers with a 2xx status that passed `accept`. */
  ok: number;
  /** Anything else, 5xx included. */
  failed: number;
  status5xx: number;
  /**
   * "Busy, retry after …" answers (429 or 503 with Retry-After): the overload
   * answer the issue asks for, counted apart from failures and 5xx.
   */
  busy: number;
  /** Transport errors (refused, reset, timed out). */
  errors: number;
  /** Per request, in ms. */
  latencies: number[];
  elapsedMs: number;
  /** ok answers per second. */
  rate: number;
  /** A few of the failures, to print. */
  samples: string[];
}

function emptyResult(): LoadResult {
  return {
    ok: 0,
    failed: 0,
    status5xx: 0,
    busy: 0,
    errors: 0,
    latencies: [],
    elapsedMs: 0,
    rate: 0,
    samples: [],
  };
}

function record(
  result: LoadResult,
  answer: HttpAnswer | Error,
  ms: number,
  accept: (a: HttpAnswer) => boolean,
): void {
  result.latencies.push(ms);
  if (answer instanceof Error) {
    result.errors += 1;
    result.failed += 1;
    if (result.samples.length < 3) result.samples.push(answer.message);
    return;
  }
  if (isBusy(answer)) {
    result.busy += 1;
    return;
  }
  if (answer.status >= 500) result.status5xx += 1;
  if (answer.status >= 200 && answer.status < 300 && accept(answer)) {
    result.ok += 1;
  } else {
    result.failed += 1;
    if (result.samples.length < 3)
      result.samples.push(`${answer.status} ${answer.body.slice(0, 200)}`);
  }
}

/**
 * `connections` requests in flight at all times for `durationMs`: the most the
 * target serves. `next(i)` builds the i-th request.
 */
export async function closedLoop(
  client: LoadClient,
  options: {
    connections: number;
    durationMs: number;
    next: (i: number) => HttpCall;
    accept?: (answer: HttpAnswer) => boolean;
  },
): Promise<LoadResult> {
  const result = emptyResult();
  const accept = options.accept ?? (() => true);
  let issued = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const lane = async () => {
    while (performance.now() < deadline) {
      const call = options.next(issued++);
      const t0 = performance.now();
      const answer = await client.call(call).catch((error: unknown) => toError(error));
      record(result, answer, performance.now() - t0, accept);
    }
  };
  await Promise.all(Array.from({ length: options.connections }, lane));
  result.elapsedMs = performance.now() - started;
  result.rate = (result.ok * 1000) / result.elapsedMs;
  return result;
}

/**
 * Open loop: flow i is due at i / rate seconds whatever the earlier ones are
 * doing, as independent institutions would, and `flow` gets that planned start
 * so latency counts from it: time spent waiting behind a slow server is not
 * hidden. At most `maxInFlight` flows run at once (browsers waiting on a busy
 * site); past `stopAfterMs` no new flow starts, and the caller counts the rest
 * as not served in time.
 */
export async function openLoop(options: {
  rate: number;
  total: number;
  maxInFlight: number;
  stopAfterMs: number;
  flow: (i: number, plannedAt: number) => Promise<void>;
}): Promise<{ started: number; elapsedMs: number; maxLagMs: number }> {
  const t0 = performance.now();
  const running = new Set<Promise<void>>();
  let maxLagMs = 0;
  let started = 0;
  for (let i = 0; i < options.total; i++) {
    const due = t0 + (i * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    while (running.size >= options.maxInFlight) await Promise.race(running);
    if (performance.now() - t0 > options.stopAfterMs) break;
    maxLagMs = Math.max(maxLagMs, performance.now() - due);
    const flow = options.flow(i, due).finally(() => running.delete(flow));
    running.add(flow);
    started += 1;
  }
  await Promise.all(running);
  return { started, elapsedMs: performance.now() - t0, maxLagMs };
}

export function isBusy(answer: HttpAnswer): boolean {
  return (
    (answer.status === 503 || answer.status === 429) && answer.headers["retry-after"] !== undefined
  );
}

/** Retry-After in ms (seconds or an HTTP date), at least 100 ms. */
export function retryAfterMs(answer: HttpAnswer): number {
  const value = String(answer.headers["retry-after"] ?? "1");
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
  return Math.max(100, Number.isFinite(ms) ? ms : 1000);
}

export function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** Records one request of an open-loop flow in `result`. */
export async function timedCall(
  client: LoadClient,
  call: HttpCall,
  result: LoadResult,
  since: number,
  accept: (answer: HttpAnswer) => boolean = () => true,
): Promise<HttpAnswer | null> {
  const answer = await client.call(call).catch((error: unknown) => toError(error));
  record(result, answer, performance.now() - since, accept);
  return answer instanceof Error ? null : answer;
}

export { emptyResult };
