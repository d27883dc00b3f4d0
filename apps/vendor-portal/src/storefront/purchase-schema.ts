import {
  type GloveSize,
  PaymentMethod,
  phoneField,
  postcodeField,
  requiredText,
} from "@sos/domain";
import { normalizeDigitsText, PURCHASE_ERROR_MESSAGES } from "@sos/rules";
import { formatNumber, parseSets } from "@sos/ui";
import { z } from "zod/mini";
import type { PurchaseSizeOption } from "../api-types";

type SetsError = Extract<ReturnType<typeof parseSets>, { ok: false }>["error"];

/** Sets as the buyer types them ("2", "２", "2セット"); a blank box is 0. */
export function readSets(
  input: string | undefined,
): { ok: true; sets: number } | { ok: false; error: Exclude<SetsError, "required"> } {
  const text = input ?? "";
  if (normalizeDigitsText(text) === "") return { ok: true, sets: 0 };
  const parsed = parseSets(text);
  if (!parsed.ok)
    return { ok: false, error: parsed.error === "required" ? "not_a_number" : parsed.error };
  return { ok: true, sets: parsed.value };
}

/** The sets a box holds for the running total: anything unreadable counts as none. */
export function setsOrZero(input: string | undefined): number {
  const reading = readSets(input);
  return reading.ok ? reading.sets : 0;
}

function setsMessage(error: Exclude<SetsError, "required">, label: string): string {
  switch (error) {
    case "not_a_number":
      return `${label}のセット数は数字で入力してください（例：2）`;
    case "not_integer":
    case "pieces":
      return `${label}：購入はセット単位です（1セット＝1,000枚・10箱）。小数や枚数・箱数では指定できません`;
    case "negative":
      return `${label}のセット数は0以上で入力してください`;
    case "too_large":
      return `${label}のセット数が大きすぎます`;
  }
}

export function overStockMessage(size: PurchaseSizeOption): string {
  return size.stockSets === 0
    ? `${size.label}は在庫がありません`
    : `${size.label}の在庫は${formatNumber(size.stockSets)}セットです。${formatNumber(size.stockSets)}セット以下で入力してください`;
}

export function overLimitMessage(limitSets: number): string {
  return `購入上限数（${formatNumber(limitSets)}セット）を超えています。合計を${formatNumber(limitSets)}セット以下にしてください`;
}

function setsField(size: PurchaseSizeOption) {
  return z.pipe(
    z.optional(z.string()),
    z.transform((input: string | undefined, ctx) => {
      const reading = readSets(input);
      if (!reading.ok) {
        ctx.issues.push({ code: "custom", message: setsMessage(reading.error, size.label), input });
        return z.NEVER;
      }
      if (reading.sets > size.stockSets) {
        ctx.issues.push({ code: "custom", message: overStockMessage(size), input });
        return z.NEVER;
      }
      return reading.sets;
    }),
  );
}

/**
 * The purchase form's check, built for the sizes on sale and the institution's limit:
 * whole sets per size within its stock, 1..limit in total, and the delivery details
 * with the same field rules as the API.
 */
export function purchaseFormSchema(sizes: ReadonlyArray<PurchaseSizeOption>, limitSets: number) {
  const sets = z
    .object(Object.fromEntries(sizes.map((size) => [size.size, setsField(size)])))
    .check(
      z.superRefine((value: Record<string, number>, ctx) => {
        const total = Object.values(value).reduce<number>((sum, n) => sum + n, 0);
        if (total === 0) {
          ctx.addIssue({ code: "custom", path: ["total"], message: PURCHASE_ERROR_MESSAGES.empty });
        } else if (total > limitSets) {
          ctx.addIssue({ code: "custom", path: ["total"], message: overLimitMessage(limitSets) });
        }
      }),
    );
  const fields = z.object({
    sets,
    deliveryName: requiredText("お届け先名", 200),
    deliveryPostcode: postcodeField,
    deliveryAddress: z.pipe(requiredText("お届け先住所", 300), z.transform(normalizeDigitsText)),
    deliveryPhone: phoneField,
    paymentMethod: z.pipe(z.string(), PaymentMethod),
  });
  return z.pipe(
    fields,
    z.transform((form: z.output<typeof fields>) => ({
      lines: sizes
        .map((size) => ({ size: size.size, sets: form.sets[size.size] ?? 0 }))
        .filter((line) => line.sets > 0),
      delivery: {
        name: form.deliveryName,
        postcode: form.deliveryPostcode,
        address: form.deliveryAddress,
        phone: form.deliveryPhone,
      },
      paymentMethod: form.paymentMethod,
    })),
  );
}

/** What the form hands over: the sizes bought (sets > 0) and the delivery, normalised. */
export interface PurchaseValues {
  lines: { size: GloveSize; sets: number }[];
  delivery: { name: string; postcode: string; address: string; phone: string };
  paymentMethod: PaymentMethod;
}
