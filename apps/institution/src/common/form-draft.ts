import { readActingFor, useSignedInUser } from "@sos/web";
import { useCallback, useEffect, useRef, useState } from "react";
import type { FieldValues, Path, PathValue, UseFormWatch } from "react-hook-form";

// Input that is never lost (issue 16): what is typed into the survey and the SOS
// request forms is kept in this browser as it is typed, and offered back when the
// page opens again (after the session ended and the user signed in, or a crash).
// In the browser rather than on the server: it costs the server nothing in the
// deadline hour and keeps working while the session is gone. The key names the
// user and the institution (a delegate may act for several), so on a shared PC no
// account ever sees another's draft; a successful save removes it.

const PREFIX = "sos.draft.v1";
/** A draft nobody came back to for this long is dropped when next read. */
const DRAFT_TTL_MS = 7 * 24 * 60 * 60 * 1000;

interface StoredDraft<T> {
  savedAt: number;
  values: T;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

/** Where one user's draft of one form for one institution is kept. */
export function draftStorageKey(
  userId: string,
  institutionId: string,
  kind: "survey" | "request",
  id: string,
): string {
  return `${PREFIX}:${userId}:${institutionId}:${kind}:${id}`;
}

/** The draft key of a form, e.g. ("survey", surveyId), for the signed-in user. */
export function useDraftKey(kind: "survey" | "request", id: string): string {
  const user = useSignedInUser();
  const institutionId = readActingFor()?.institutionId ?? user.institutionId ?? "none";
  return draftStorageKey(user.id, institutionId, kind, id);
}

export function readDraft<T>(key: string, now = Date.now()): T | null {
  const store = storage();
  const raw = store?.getItem(key);
  if (!raw) return null;
  try {
    const draft = JSON.parse(raw) as Partial<StoredDraft<T>>;
    if (typeof draft.savedAt === "number" && now - draft.savedAt < DRAFT_TTL_MS && draft.values) {
      return draft.values;
    }
  } catch {
    // Unreadable: dropped below, like an old one.
  }
  store?.removeItem(key);
  return null;
}

export function writeDraft<T>(key: string, values: T): void {
  try {
    storage()?.setItem(key, JSON.stringify({ savedAt: Date.now(), values }));
  } catch {
    // Storage full or refused (private mode): the form still works, only without a draft.
  }
}

export function removeDraft(key: string): void {
  storage()?.removeItem(key);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface FormDraft {
  /** A draft was put back into the form when it opened (say so, offer to discard). */
  restored: boolean;
  /** The user discarded the restored draft (say the form is back at the saved values). */
  discarded: boolean;
  /** Back to the saved values; the draft is gone. */
  discard: () => void;
  /** After a successful save: the draft is gone, the form stays as it is. */
  clear: () => void;
}

/**
 * Keeps a react-hook-form form's values as a draft under `key` (null: no draft),
 * and restores one when the form opens. `baseline` is what the server has; a form
 * back at its baseline leaves no draft.
 */
export function useFormDraft<T extends FieldValues>({
  key,
  baseline,
  watch,
  setValue,
}: {
  key: string | null;
  baseline: T;
  watch: UseFormWatch<T>;
  setValue: (name: Path<T>, value: PathValue<T, Path<T>>, options: { shouldDirty: true }) => void;
}): FormDraft {
  const [restored, setRestored] = useState(false);
  const [discarded, setDiscarded] = useState(false);
  const baselineRef = useRef(baseline);
  baselineRef.current = baseline;

  // Field by field and dirty, so a refetch of the saved values does not undo a draft.
  const putBack = useCallback(
    (values: T) => {
      for (const name of Object.keys(baselineRef.current) as Path<T>[]) {
        if (name in values) {
          setValue(name, values[name] as PathValue<T, Path<T>>, { shouldDirty: true });
        }
      }
    },
    [setValue],
  );

  useEffect(() => {
    if (key === null) return;
    const draft = readDraft<T>(key);
    if (draft !== null && !same(draft, baselineRef.current)) {
      putBack(draft);
      setRestored(true);
    } else if (draft !== null) {
      removeDraft(key);
    }
    // Only what the user types: a save's reset or a refetch of the saved values is no draft.
    const subscription = watch((values, { type }) => {
      if (type !== "change") return;
      if (same(values, baselineRef.current)) removeDraft(key);
      else writeDraft(key, values);
    });
    return () => subscription.unsubscribe();
  }, [key, watch, putBack]);

  const clear = useCallback(() => {
    if (key !== null) removeDraft(key);
    setRestored(false);
    setDiscarded(false);
  }, [key]);

  const discard = useCallback(() => {
    if (key !== null) removeDraft(key);
    setRestored(false);
    setDiscarded(true);
    // Each box back at its saved value, which makes it no longer dirty.
    putBack(baselineRef.current);
  }, [key, putBack]);

  return { restored, discarded, discard, clear };
}
