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
import { IsoDateTime } from "./common";
import { OrderViewOutput, Sets } from "./vendor-portal";

/*
 * The one declaration of each shape. Output types are the schemas' input side: what
 * the services return (instants as Dates), which the router's output schema then
 * turns into what the browser receives (ISO strings). Input types are the parsed side.
 */

/** A facility as the storefront form knows it (what the registry holds, or what was registered). */
const FacilityDetailsOutput = z.object({
  institutionCode: z.string(),
  facilityName: z.string(),
  postcode: z.string(),
  address: z.string(),
  phone: z.string(),
  email: z.string(),
});

export const RegistrationOptionsOutput = z.object({
  paymentMethods: z.array(z.object({ value: PaymentMethod, label: z.string() })),
  /**
   * The institution of a user signed in to the institution app (the session
   * cookie is shared by the apps), to prefill the form: registering its own code
   * needs no confirmation mail. null for everyone else.
   */
  signedInInstitution: FacilityDetailsOutput.nullable(),
});
export type RegistrationOptionsOutput = z.input<typeof RegistrationOptionsOutput>;

export const RegistrationReceiptOutput = z.object({
  /**
   * registered: settled now (registered by the signed-in institution);
   * confirmation_sent: waits for the link mailed to the address the ministry's
   * registry holds for the code (which is not shown).
   */
  status: z.enum(["registered", "confirmation_sent"]),
  institutionCode: z.string(),
  facilityName: z.string(),
  email: z.string(),
  paymentMethod: PaymentMethod,
  paymentMethodLabel: z.string(),
  registeredAt: IsoDateTime,
  /** Until when the mailed link works (confirmation_sent only). */
  confirmBy: IsoDateTime.nullable(),
});
export type RegistrationReceiptOutput = z.input<typeof RegistrationReceiptOutput>;

const RegistrationDetailsOutput = FacilityDetailsOutput.extend({
  paymentMethod: PaymentMethod,
  paymentMethodLabel: z.string(),
});

/** The page of a confirmation link: what will be registered, before 「登録を確定する」. */
export const RegistrationConfirmationOutput = RegistrationDetailsOutput.extend({
  /** confirmed: this link was already used (opening it again shows that, not an error). */
  state: z.enum(["pending", "confirmed"]),
  expiresAt: IsoDateTime,
  /** The registered address is the registry's one the link was mailed to. */
  sameAddress: z.boolean(),
});
export type RegistrationConfirmationOutput = z.input<typeof RegistrationConfirmationOutput>;

export const ConfirmRegistrationOutput = RegistrationDetailsOutput.extend({
  confirmedAt: IsoDateTime,
  sameAddress: z.boolean(),
});
export type ConfirmRegistrationOutput = z.input<typeof ConfirmRegistrationOutput>;

/** The token from the emailed URL; anything malformed is treated like an unknown link. */
export const Token = inputString().max(200);

export const TokenInput = z.object({ token: Token });
export type TokenInput = z.infer<typeof TokenInput>;

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
export type PurchasePageOutput = z.input<typeof PurchasePageOutput>;

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
export type PurchaseInput = z.infer<typeof PurchaseInput>;

export const PurchaseOutput = z.object({ orderNumber: z.string(), order: OrderViewOutput });
export type PurchaseOutput = z.input<typeof PurchaseOutput>;
