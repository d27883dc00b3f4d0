import { Id } from "@sos/domain";
import { z } from "zod";
import { IsoDateTime, Sha256Input } from "./common";

/** The registry router's shapes: an uploaded registry file, its preview pages, the apply. */

export const REGISTRY_ITEM_KINDS = ["error", "new", "changed", "gone"] as const;
export type RegistryItemKind = (typeof REGISTRY_ITEM_KINDS)[number];

/** Preview lines a page shows. */
export const REGISTRY_PAGE_SIZE = 50;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

// ---- inputs ----

export const RegistryUploadInput = z.object({ id: Id });

export const RegistryItemsInput = z.object({
  id: Id,
  kind: z.enum(REGISTRY_ITEM_KINDS),
  // 300,000 rows at 50 a page; bounded so OFFSET stays sane.
  page: z.number().int().min(1).max(6000),
});

export const RegistryApplyInput = z.object({
  id: Id,
  /** The preview the ministry saw: the apply refuses if the difference is no longer this one. */
  previewDigest: Sha256Input,
});

// ---- outputs ----

export const RegistryCounts = z.object({
  new: z.number().int(),
  changed: z.number().int(),
  returning: z.number().int(),
  gone: z.number().int(),
  unchanged: z.number().int(),
});

export const RegistryUploadOutput = z.object({
  id: Id,
  fileName: z.string(),
  encoding: z.enum(["utf8", "cp932"]),
  rowCount: z.number().int(),
  errorCount: z.number().int(),
  counts: RegistryCounts,
  /**
   * Purchase links usable, when the file was read, at the e-mail addresses it
   * changes: the apply revokes them (counted beside the preview, not in its digest).
   */
  purchaseLinksAtRisk: z.number().int(),
  /** Once applied: the purchase links the apply revoked; null before. */
  purchaseLinksRevoked: z.number().int().nullable(),
  previewDigest: Sha256,
  uploadedAt: IsoDateTime,
  uploadedBy: z.string(),
  appliedAt: IsoDateTime.nullable(),
  appliedBy: z.string().nullable(),
});
/** An upload as the services return it (Dates; the router sends ISO strings). */
export type RegistryUpload = z.input<typeof RegistryUploadOutput>;

export const RegistryRowErrorOutput = z.object({
  line: z.number().int(),
  column: z.string().nullable(),
  messageJa: z.string(),
});

export const RegistryInstitutionOutput = z.object({ code: z.string(), name: z.string() });

export const RegistryChangedOutput = z.object({
  code: z.string(),
  name: z.string(),
  returning: z.boolean(),
  changes: z.array(
    z.object({ field: z.string(), label: z.string(), before: z.string(), after: z.string() }),
  ),
});

export const RegistryItemsOutput = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("error"),
    total: z.number().int(),
    items: z.array(RegistryRowErrorOutput),
  }),
  z.object({
    kind: z.literal("new"),
    total: z.number().int(),
    items: z.array(RegistryInstitutionOutput),
  }),
  z.object({
    kind: z.literal("changed"),
    total: z.number().int(),
    items: z.array(RegistryChangedOutput),
  }),
  z.object({
    kind: z.literal("gone"),
    total: z.number().int(),
    items: z.array(RegistryInstitutionOutput),
  }),
]);
export type RegistryItems = z.input<typeof RegistryItemsOutput>;

export const RegistryApplyOutput = z.object({
  upload: RegistryUploadOutput,
  /** True when this upload had been applied already: nothing was written this time. */
  alreadyApplied: z.boolean(),
  mailsQueued: z.number().int(),
  /** Purchase links revoked because the institution's e-mail address changed (0 when already applied). */
  purchaseLinksRevoked: z.number().int(),
});
export type RegistryApplied = z.input<typeof RegistryApplyOutput>;
