import { Id, inputString } from "@sos/domain";
import { z } from "zod";

/*
 * The pieces every router's schemas share, declared once: how an instant
 * leaves the server, who did something, the optimistic lock's version,
 * paging and the search box.
 */

/** Instants leave the server as ISO 8601 strings (UTC, "…Z"). */
export const IsoDateTime = z.date().transform((date) => date.toISOString());

/** Who did something, as the screens name them. */
export const Person = z.object({ id: Id, displayName: z.string() });

/**
 * A SHA-256 a screen sends back (a preview's digest): checked as every string is,
 * then as 64 hex digits. The commit it guards refuses any other value.
 */
export const Sha256Input = inputString().regex(/^[0-9a-f]{64}$/, {
  error: "確認用の値が正しくありません。画面を読み込み直してください",
});

/** The version a screen read and edits from: a save at another version is STALE_VERSION. */
export const Version = z.number().int().min(1);

/** How many items a cursor-paged list returns at once (the service's default when absent). */
export const PageLimit = z.number().int().min(1).max(100).optional();

/** A numbered page of an offset-paged table, from 1; bounded so OFFSET stays sane. */
export const Page = z.number().int().min(1).max(100_000).default(1);

/** Rows per page of an offset-paged table: 50 unless asked, at most `max`. */
export function pageSizeUpTo(max: number) {
  return z.number().int().min(1).max(max).default(50);
}

const blankToNull = (value: string | null | undefined) =>
  value === undefined || value === null || value === "" ? null : value;

/** The search box: trimmed, at most 100 characters; blank means no search. */
export const Search = inputString().trim().max(100).nullish().transform(blankToNull);
