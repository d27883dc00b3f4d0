import {
  CARRIER_NAMES,
  CHECK_REASONS,
  GloveSize,
  Id,
  inputString,
  LINK_STATES,
  MATCH_FIELDS,
  MATCH_STATUSES,
  OrderStatus,
  PaymentMethod,
  PrefectureCode,
  RegistrationInput,
  RegistrationSource,
  requiredText,
} from "@sos/domain";
import { toHalfWidth } from "@sos/rules";
import { z } from "zod";
import { IMPORT_ENCODINGS } from "../csv-table";
import { IsoDateTime, Page, pageSizeUpTo, Search } from "./common";

export const IMPORT_OUTCOMES = ["created", "updated", "unchanged", "refused"] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

/*
 * The one declaration of each shape. Output types are the schemas' input side: what
 * the services return (instants as Dates), which the router's output schema then
 * turns into what the browser receives (ISO strings). Input types are the parsed side.
 */

// ---- shared pieces ----

/** Whole sets (1 set = 1,000 pieces). */
export const Sets = z
  .number({ error: "セット数を整数で入力してください" })
  .int({ error: "セット数は整数で入力してください（1セット＝1,000枚）" })
  .min(0, { error: "セット数は0以上で入力してください" })
  .max(1_000_000, { error: "セット数が大きすぎます" });

const PageSize = pageSizeUpTo(200);

export const OrderViewOutput = z.object({
  id: Id,
  orderNumber: z.string(),
  orderedAt: IsoDateTime,
  status: OrderStatus,
  statusLabel: z.string(),
  totalSets: z.number().int(),
  totalPieces: z.number().int(),
  lines: z.array(
    z.object({
      size: GloveSize,
      sizeLabel: z.string(),
      sets: z.number().int(),
      pieces: z.number().int(),
    }),
  ),
  delivery: z.object({
    name: z.string(),
    postcode: z.string(),
    address: z.string(),
    phone: z.string(),
  }),
  paymentMethod: PaymentMethod,
  paymentMethodLabel: z.string(),
  shipment: z
    .object({
      carrier: z.string(),
      trackingNumber: z.string(),
      shippedAt: IsoDateTime,
      deliveredAt: IsoDateTime.nullable(),
      /** The institution's 受領確認 (null: not confirmed yet). */
      receivedAt: IsoDateTime.nullable(),
    })
    .nullable(),
});
export type OrderViewOutput = z.input<typeof OrderViewOutput>;

// ---- registrations ----

/** mail: the link mailed to the registry address was opened; institution: registered signed in as it. */
const ConfirmedVia = z.enum(["mail", "institution"]);

export const RegistrationOutput = z.object({
  id: Id,
  institutionCode: z.string(),
  facilityName: z.string(),
  postcode: z.string(),
  address: z.string(),
  phone: z.string(),
  email: z.string(),
  paymentMethod: PaymentMethod,
  paymentMethodLabel: z.string(),
  source: RegistrationSource,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** When the institution confirmed it was its own (null: not yet, or the vendor's import). */
  confirmedAt: IsoDateTime.nullable(),
  confirmedVia: ConfirmedVia.nullable(),
});
export type RegistrationOutput = z.input<typeof RegistrationOutput>;

export const RegistrationsInput = z
  .object({
    /** Start of the code, or part of the facility name or email. */
    search: Search,
    source: RegistrationSource.nullish().transform((v) => v ?? null),
    page: Page,
    pageSize: PageSize,
  })
  .default({ search: null, source: null, page: 1, pageSize: 50 });
export type RegistrationsInput = z.infer<typeof RegistrationsInput>;

export const RegistrationsOutput = z.object({
  items: z.array(RegistrationOutput),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type RegistrationsOutput = z.input<typeof RegistrationsOutput>;

export const UpdateRegistrationInput = RegistrationInput.extend({ id: Id });
export type UpdateRegistrationInput = z.infer<typeof UpdateRegistrationInput>;

/** Base64 of the file as read by the browser (FileReader / arrayBuffer). */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const ImportRegistrationsInput = z.object({
  csv: inputString({ error: "CSVファイルを選択してください" })
    .min(1, { error: "CSVファイルを選択してください" })
    // ~1 MB of CSV; the HTTP body limit stops larger uploads anyway.
    .max(1_400_000, { error: "ファイルが大きすぎます。ファイルを分けて取り込んでください" })
    .transform((value) => value.replace(/\s+/g, ""))
    .refine((value) => BASE64.test(value), { error: "ファイルの読み込みに失敗しました" }),
  encoding: z.enum(IMPORT_ENCODINGS).default("auto"),
  /** Also update registrations the facilities made themselves on the storefront. */
  overwriteWeb: z.boolean().default(false),
});
export type ImportRegistrationsInput = z.infer<typeof ImportRegistrationsInput>;

export const ImportRegistrationsOutput = z.object({
  encoding: z.enum(["utf8", "cp932"]),
  totalRows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  refused: z.number().int(),
  rows: z.array(
    z.object({
      line: z.number().int(),
      /** Normalised when valid, else as written (null when the cell is empty). */
      institutionCode: z.string().nullable(),
      facilityName: z.string().nullable(),
      outcome: z.enum(IMPORT_OUTCOMES),
      /** Why a row was refused, in Japanese; empty otherwise. */
      reasons: z.array(z.string()),
      /** Fields an update changed. */
      changedFields: z.array(z.string()),
    }),
  ),
});
export type ImportRegistrationsOutput = z.input<typeof ImportRegistrationsOutput>;

// ---- target lists ----

export const BatchIdInput = z.object({ batchId: Id });
export type BatchIdInput = z.infer<typeof BatchIdInput>;

export const BatchSummaryOutput = z.object({
  id: Id,
  number: z.number().int(),
  issuedAt: IsoDateTime,
  itemCount: z.number().int(),
  totalSets: z.number().int(),
  totalPieces: z.number().int(),
  matched: z.number().int(),
  notRegistered: z.number().int(),
  mismatched: z.number().int(),
  /** 要確認: registered, but unconfirmed or under another address than the list's. */
  needsCheck: z.number().int(),
  /** Registered but not (yet) confirmed by the institution: asked to register again by a reminder. */
  unconfirmed: z.number().int(),
  /** Items that were sent a purchase link at least once. */
  linksSent: z.number().int(),
  ordered: z.number().int(),
  /** Items without a confirmed registration (未登録, unconfirmed) reminded at least once. */
  reminded: z.number().int(),
});
export type BatchSummaryOutput = z.input<typeof BatchSummaryOutput>;

export const BatchInput = z.object({
  batchId: Id,
  status: z
    .enum(MATCH_STATUSES)
    .nullish()
    .transform((v) => v ?? null),
  linkState: z
    .enum(LINK_STATES)
    .nullish()
    .transform((v) => v ?? null),
  search: Search,
});
export type BatchInput = z.infer<typeof BatchInput>;

export const VendorItemOutput = z.object({
  id: Id,
  batchId: Id,
  batchNumber: z.number().int(),
  institutionCode: z.string(),
  prefectureCode: PrefectureCode,
  prefectureName: z.string(),
  limitSets: z.number().int(),
  limitPieces: z.number().int(),
  match: z.object({
    status: z.enum(MATCH_STATUSES),
    label: z.string(),
    differences: z.array(z.enum(MATCH_FIELDS)),
    /** Why it is 要確認, each with its Japanese reason; empty otherwise. */
    reasons: z.array(z.object({ reason: z.enum(CHECK_REASONS), label: z.string() })),
  }),
  /** What the ministry's list says (the left column of a side-by-side view). */
  ministry: z.object({
    name: z.string(),
    postcode: z.string(),
    address: z.string(),
    phone: z.string(),
    contactName: z.string(),
    /** The list's address; the registry's now when it changed and revoked the link (address_changed). */
    email: z.string(),
  }),
  /** What the facility registered with the vendor (the right column), if anything. */
  registration: z
    .object({
      id: Id,
      facilityName: z.string(),
      postcode: z.string(),
      address: z.string(),
      phone: z.string(),
      email: z.string(),
      paymentMethod: PaymentMethod,
      paymentMethodLabel: z.string(),
      source: RegistrationSource,
      registeredAt: IsoDateTime,
      updatedAt: IsoDateTime,
      /** When the institution confirmed it (null: unconfirmed, or the vendor's own customer file). */
      confirmedAt: IsoDateTime.nullable(),
      confirmedVia: ConfirmedVia.nullable(),
    })
    .nullable(),
  link: z.object({
    state: z.enum(LINK_STATES),
    label: z.string(),
    sendCount: z.number().int(),
    lastSentAt: IsoDateTime.nullable(),
    expiresAt: IsoDateTime.nullable(),
    /** Revoked by a change of the registry's address: that address now, where a resend goes. */
    resendTo: z.string().nullable(),
  }),
  reminders: z.object({ count: z.number().int(), lastAt: IsoDateTime.nullable() }),
  order: z
    .object({
      id: Id,
      orderNumber: z.string(),
      status: OrderStatus,
      statusLabel: z.string(),
      totalSets: z.number().int(),
      orderedAt: IsoDateTime,
    })
    .nullable(),
});
export type VendorItemOutput = z.input<typeof VendorItemOutput>;

export const ItemIds = z.array(Id).min(1).max(20_000);

export const RemindInput = z.object({
  batchId: Id,
  itemIds: ItemIds.nullish().transform((v) => v ?? null),
});
export type RemindInput = z.infer<typeof RemindInput>;

export const RemindOutput = z.object({
  /** Reminders queued now. */
  sent: z.number().int(),
  /** Not registered, but reminded moments ago. */
  skippedRecent: z.number().int(),
  /** Items of the batch (or of the selection) without a confirmed registration or an order. */
  notRegistered: z.number().int(),
});
export type RemindOutput = z.input<typeof RemindOutput>;

// ---- purchase links ----

export const SendPurchaseLinksInput = z.object({
  batchId: Id,
  /** Only these items (e.g. the ticked rows); every item of the batch when omitted. */
  itemIds: ItemIds.nullish().transform((v) => v ?? null),
  /** Chosen by the client (crypto.randomUUID()) to poll progress at once; resubmitting resumes. */
  runId: Id.nullish().transform((v) => v ?? null),
  /** Revoke live links and mail new ones. */
  resend: z.boolean().default(false),
  /** Also mail items whose registration differs from the list (after the vendor checked them). */
  allowMismatched: z.boolean().default(false),
});
export type SendPurchaseLinksInput = z.infer<typeof SendPurchaseLinksInput>;

export const RunProgressOutput = z.object({
  runId: Id,
  batchId: Id,
  resend: z.boolean(),
  allowMismatched: z.boolean(),
  total: z.number().int(),
  done: z.number().int(),
  sent: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  finished: z.boolean(),
  startedAt: IsoDateTime,
  finishedAt: IsoDateTime.nullable(),
  /** Why items were not sent, most frequent first. */
  skippedByReason: z.array(
    z.object({
      reason: z.enum([
        "not_registered",
        "mismatched",
        "needs_check",
        "already_sent",
        "ordered",
        "error",
      ]),
      label: z.string(),
      count: z.number().int(),
    }),
  ),
});
export type RunProgressOutput = z.input<typeof RunProgressOutput>;

export const RunIdInput = z.object({ runId: Id });
export type RunIdInput = z.infer<typeof RunIdInput>;

export const BatchDetailOutput = BatchSummaryOutput.extend({
  items: z.array(VendorItemOutput),
  /** The last send run of this batch (null before any), e.g. to resume showing progress after a reload. */
  latestRun: RunProgressOutput.nullable(),
});
export type BatchDetailOutput = z.input<typeof BatchDetailOutput>;

export const ItemIdInput = z.object({ itemId: Id });
export type ItemIdInput = z.infer<typeof ItemIdInput>;

export const ReissueInput = z.object({
  itemId: Id,
  allowMismatched: z.boolean().default(false),
  /**
   * Send to a confirmed registration whose address is not the ministry's list's,
   * after the vendor checked it with the institution (要確認). Unconfirmed
   * registrations are never sent to.
   */
  allowEmailDiffers: z.boolean().default(false),
  /**
   * Send to the address the ministry's registry holds now instead of the
   * registration's (after the registry changed it); the registration must be vouched.
   */
  toRegistryAddress: z.boolean().default(false),
});
export type ReissueInput = z.infer<typeof ReissueInput>;

// ---- orders ----

export const OrdersInput = z
  .object({
    status: OrderStatus.nullish().transform((v) => v ?? null),
    prefectureCode: PrefectureCode.nullish().transform((v) => v ?? null),
    /** Order number, part of the name, or the start of the code. */
    search: Search,
    page: Page,
    pageSize: PageSize,
  })
  .default({ status: null, prefectureCode: null, search: null, page: 1, pageSize: 50 });
export type OrdersInput = z.infer<typeof OrdersInput>;

export const VendorOrderOutput = OrderViewOutput.extend({
  institution: z.object({
    targetItemId: Id,
    name: z.string(),
    institutionCode: z.string(),
    prefectureCode: PrefectureCode,
    prefectureName: z.string(),
    batchNumber: z.number().int(),
  }),
  /** Where the confirmation and the shipping notice go. */
  notifyEmail: z.string().nullable(),
});
export type VendorOrderOutput = z.input<typeof VendorOrderOutput>;

export const OrdersOutput = z.object({
  items: z.array(VendorOrderOutput),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type OrdersOutput = z.input<typeof OrdersOutput>;

const SizeTotalOutput = z.object({
  size: GloveSize,
  label: z.string(),
  sets: z.number().int(),
  pieces: z.number().int(),
});

export const PickingTotalsOutput = z.object({
  /** Orders not shipped yet (status ordered). */
  orders: z.number().int(),
  sets: z.number().int(),
  pieces: z.number().int(),
  bySize: z.array(SizeTotalOutput),
  byPrefecture: z.array(
    z.object({
      prefectureCode: PrefectureCode,
      prefectureName: z.string(),
      orders: z.number().int(),
      sets: z.number().int(),
      pieces: z.number().int(),
      bySize: z.array(SizeTotalOutput),
    }),
  ),
});
export type PickingTotalsOutput = z.input<typeof PickingTotalsOutput>;

export const OrderIdInput = z.object({ orderId: Id });
export type OrderIdInput = z.infer<typeof OrderIdInput>;

export const MarkShippedInput = z.object({
  orderId: Id,
  carrier: requiredText("配送業者", 100),
  trackingNumber: requiredText("お問い合わせ伝票番号", 50).transform((value) =>
    toHalfWidth(value).replace(/\s+/g, ""),
  ),
});
export type MarkShippedInput = z.infer<typeof MarkShippedInput>;

/** One parcel of a bulk shipment: a carrier of the list (its tracking page is linked). */
const ShipOrderItemInput = z.object({
  orderId: Id,
  carrier: z.enum(CARRIER_NAMES as [string, ...string[]], {
    error: "配送業者を一覧から選択してください",
  }),
  trackingNumber: requiredText("お問い合わせ伝票番号", 50).transform((value) =>
    toHalfWidth(value).replace(/\s+/g, ""),
  ),
});

export const ShipOrdersInput = z.object({
  items: z
    .array(ShipOrderItemInput)
    .min(1, { error: "出荷する注文を選択してください" })
    .max(100, { error: "一度に出荷を登録できるのは100件までです" })
    .refine((items) => new Set(items.map((item) => item.orderId)).size === items.length, {
      error: "同じ注文が複数回選択されています",
    }),
});

/** Each order's outcome, in the order given; a refused one says why. */
export const ShipOrdersOutput = z.object({
  shipped: z.number().int().min(0),
  refused: z.number().int().min(0),
  results: z.array(
    z.object({
      orderId: Id,
      outcome: z.enum(["shipped", "refused"]),
      message: z.string().nullable(),
      order: OrderViewOutput.nullable(),
    }),
  ),
});
export type ShipOrdersOutput = z.input<typeof ShipOrdersOutput>;

// ---- products ----

export const ProductOutput = z.object({
  id: Id,
  name: z.string(),
  active: z.boolean(),
  piecesPerSet: z.number().int(),
  sizes: z.array(
    z.object({
      id: Id,
      size: GloveSize,
      label: z.string(),
      stockSets: z.number().int(),
      stockPieces: z.number().int(),
      sortOrder: z.number().int(),
      /** Sets ordered and not shipped yet: what the stock still has to cover. */
      unshippedSets: z.number().int(),
    }),
  ),
});
export type ProductOutput = z.input<typeof ProductOutput>;

export const CreateProductInput = z.object({ name: requiredText("商品名", 200) });
export type CreateProductInput = z.infer<typeof CreateProductInput>;

export const UpdateStockInput = z.object({
  sizeId: Id,
  stockSets: Sets,
  /** The stock the screen showed; when given, a change in between is refused instead of overwritten. */
  expectedStockSets: z
    .number()
    .int()
    .min(0)
    .nullish()
    .transform((v) => v ?? null),
});
export type UpdateStockInput = z.infer<typeof UpdateStockInput>;

export const AddSizeInput = z.object({
  productId: Id,
  size: GloveSize,
  stockSets: Sets,
  sortOrder: z
    .number()
    .int()
    .min(0)
    .max(100)
    .nullish()
    .transform((v) => v ?? null),
});
export type AddSizeInput = z.infer<typeof AddSizeInput>;
