import {
  GloveSize,
  inputString,
  PaymentMethod,
  phoneField,
  postcodeField,
  requiredText,
} from "@sos/domain";
import { normalizeDigitsText } from "@sos/rules";
import { z } from "zod";
import { IsoDateTime } from "../survey/schemas";
import { OrderViewOutput, Sets } from "../vendor/schemas";

export const RegistrationOptionsOutput = z.object({
  paymentMethods: z.array(z.object({ value: PaymentMethod, label: z.string() })),
});

export const RegistrationReceiptOutput = z.object({
  institutionCode: z.string(),
  facilityName: z.string(),
  email: z.string(),
  paymentMethod: PaymentMethod,
  paymentMethodLabel: z.string(),
  registeredAt: IsoDateTime,
});

/** The token from the emailed URL; anything malformed is treated like an unknown link. */
export const Token = inputString().max(200);

export const TokenInput = z.object({ token: Token });

const PurchaseInstitution = z.object({ name: z.string(), institutionCode: z.string() });

export const PurchasePageOutput = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("form"),
    institution: PurchaseInstitution,
    limitSets: z.number().int(),
    limitPieces: z.number().int(),
    piecesPerSet: z.number().int(),
    expiresAt: IsoDateTime,
    product: z
      .object({
        name: z.string(),
        sizes: z.array(
          z.object({ size: GloveSize, label: z.string(), stockSets: z.number().int() }),
        ),
      })
      .nullable(),
    delivery: z.object({
      name: z.string(),
      postcode: z.string(),
      address: z.string(),
      phone: z.string(),
    }),
    paymentMethods: z.array(z.object({ value: PaymentMethod, label: z.string() })),
    defaultPaymentMethod: PaymentMethod,
  }),
  z.object({
    kind: z.literal("ordered"),
    institution: PurchaseInstitution,
    order: OrderViewOutput,
  }),
]);

export const PurchaseInput = z.object({
  token: Token,
  /** Sets per size; sizes left at 0 may be sent or omitted. */
  lines: z
    .array(z.object({ size: GloveSize, sets: Sets }), {
      error: "サイズとセット数を指定してください",
    })
    .min(1, { error: "購入するセット数を1セット以上指定してください" })
    .max(10),
  delivery: z.object({
    name: requiredText("お届け先名", 200),
    postcode: postcodeField,
    address: requiredText("お届け先住所", 300).transform(normalizeDigitsText),
    phone: phoneField,
  }),
  paymentMethod: PaymentMethod,
});

export const PurchaseOutput = z.object({ orderNumber: z.string(), order: OrderViewOutput });
