import { createHash } from "node:crypto";
import type { Db } from "@sos/db";
import {
  type RegistryComparedField,
  type RegistryDifference,
  type RegistryEntry,
  type RegistryValues,
  registryBlockedMoves,
  registryDifferences,
  registryGone,
  stageRegistry,
} from "@sos/db/repositories/institution";
import { INSTITUTION_TYPE_LABELS, prefectureName, REGISTRY_FIELD_LABELS } from "@sos/domain";
import { formatPhone, formatPostcode } from "@sos/rules";
import type { RegistryFile, RegistryRowError } from "./registry-file";

/**
 * A registry file against the registry, inside the caller's transaction: the
 * file's rows staged, the difference worked out, and the rows the registry
 * itself refuses (a move that its SOS requests forbid) added to the file's errors.
 * The preview, the operators' command and the console's apply all read it.
 */

export interface RegistryImportCounts {
  new: number;
  changed: number;
  /** Of `changed`: inactive institutions the file lists again. */
  returning: number;
  gone: number;
  unchanged: number;
}

/** One changed field, as people read it (type and prefecture by name, codes formatted). */
export interface RegistryFieldChange {
  field: RegistryComparedField;
  label: string;
  before: string;
  after: string;
}

export interface RegistryChanged {
  code: string;
  name: string;
  fields: RegistryComparedField[];
  changes: RegistryFieldChange[];
  returning: boolean;
}

/** An institution whose e-mail or postal address the file changes: who is told what. */
export interface RegistryContactChange {
  code: string;
  name: string;
  before: RegistryValues;
  after: RegistryEntry;
}

export interface RegistryComparison {
  errors: RegistryRowError[];
  counts: RegistryImportCounts;
  added: Array<{ code: string; name: string }>;
  changed: RegistryChanged[];
  gone: Array<{ code: string; name: string }>;
  contactChanges: RegistryContactChange[];
  /** SHA-256 of what the preview shows: the apply refuses if it finds another. */
  digest: string;
}

function shown(field: RegistryComparedField, value: string | number): string {
  switch (field) {
    case "type":
      return INSTITUTION_TYPE_LABELS.ja[value as RegistryEntry["type"]] ?? String(value);
    case "prefectureCode":
      return prefectureName(Number(value)) ?? String(value);
    case "postcode":
      return formatPostcode(String(value));
    case "phone":
      return formatPhone(String(value));
    default:
      return String(value);
  }
}

function blockedMoveMessage(move: {
  fromPrefecture: number;
  toPrefecture: number;
  requests: number;
}) {
  const from = prefectureName(move.fromPrefecture) ?? String(move.fromPrefecture);
  const to = prefectureName(move.toPrefecture) ?? String(move.toPrefecture);
  return `都道府県を${from}から${to}に変えることはできません。この医療機関には${from}が確認した緊急配布要請（${move.requests}件）の記録があり、要請はその都道府県のものとして残すためです。${to}へ移転した場合は、移転先の医療機関コードの行を新しく載せ、この行は${from}のままにするか名簿から外してください`;
}

function changedOf(difference: RegistryDifference, entry: RegistryEntry): RegistryChanged {
  const before = difference.before;
  return {
    code: difference.code,
    name: difference.name,
    fields: difference.changedFields,
    changes: difference.changedFields.map((field) => ({
      field,
      label: REGISTRY_FIELD_LABELS[field],
      before: before === null ? "" : shown(field, before[field]),
      after: shown(field, entry[field]),
    })),
    returning: difference.returning,
  };
}

export async function compareRegistry(trx: Db, file: RegistryFile): Promise<RegistryComparison> {
  await stageRegistry(trx, file.entries);
  const differences = await registryDifferences(trx);
  const gone = await registryGone(trx);
  const moves = await registryBlockedMoves(trx);
  const blocked = new Set(moves.map((move) => move.code));
  const entryOf = new Map(file.entries.map((entry) => [entry.code, entry]));
  const errors = [
    ...file.errors,
    ...moves.map((move) => ({
      line: file.lineOf.get(move.code) ?? 0,
      column: REGISTRY_FIELD_LABELS.prefectureCode,
      messageJa: blockedMoveMessage(move),
    })),
  ].sort((a, b) => a.line - b.line);

  const added: RegistryComparison["added"] = [];
  const changed: RegistryChanged[] = [];
  const contactChanges: RegistryContactChange[] = [];
  for (const difference of differences) {
    const entry = entryOf.get(difference.code);
    if (entry === undefined || blocked.has(difference.code)) continue;
    if (difference.isNew || difference.before === null) {
      added.push({ code: difference.code, name: difference.name });
      continue;
    }
    changed.push(changedOf(difference, entry));
    const fields = new Set(difference.changedFields);
    if (fields.has("email") || fields.has("postcode") || fields.has("address")) {
      contactChanges.push({
        code: difference.code,
        name: difference.name,
        before: difference.before,
        after: entry,
      });
    }
  }
  const counts: RegistryImportCounts = {
    new: added.length,
    changed: changed.length,
    returning: changed.filter((c) => c.returning).length,
    gone: gone.length,
    unchanged: file.entries.length - differences.length,
  };
  const digest = createHash("sha256")
    .update(JSON.stringify({ errors, added, changed, gone }))
    .digest("hex");
  return { errors, counts, added, changed, gone, contactChanges, digest };
}
