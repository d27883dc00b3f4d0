import { SESSION_COOKIE_NAME } from "@sos/auth";
import type { Db } from "@sos/db";
import type pg from "pg";
import type { HttpCall } from "./load";
import type { BenchOptions } from "./options";
import type { Child, ProductSettings } from "./processes";
import type { Report } from "./report";
import type { SmtpCounter } from "./smtp-counter";
import type { BenchWorld } from "./world";

/** What every pair works with. */
export interface BenchContext {
  options: BenchOptions;
  report: Report;
  log: (line: string) => void;
  db: Db;
  /** Raw pg for the bare baselines and the CPU probes. */
  admin: pg.Pool;
  url: string;
  database: string;
  world: BenchWorld;
  product: Child & { label: string };
  productSettings: ProductSettings;
  sink: SmtpCounter;
}

export function cookie(token: string): string {
  return `${SESSION_COOKIE_NAME}=${token}`;
}

/** A tRPC mutation as the browser apps send it (JSON body, same-origin Origin header). */
export function mutation(baseUrl: string, path: string, input: unknown, token?: string): HttpCall {
  return {
    method: "POST",
    path: `/trpc/${path}`,
    headers: {
      "content-type": "application/json",
      origin: baseUrl,
      ...(token ? { cookie: cookie(token) } : {}),
    },
    body: JSON.stringify(input),
  };
}

export function query(path: string, input: unknown, token?: string): HttpCall {
  return {
    method: "GET",
    path: `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
    headers: token ? { cookie: cookie(token) } : {},
  };
}

/** Figures a real institution would send: varied, within the schema's limits. */
export function figures(i: number): { stock: number; consumption: number; purchases: number } {
  return { stock: 1000 + ((i * 37) % 5000), consumption: 800 + ((i * 13) % 700), purchases: 300 };
}
