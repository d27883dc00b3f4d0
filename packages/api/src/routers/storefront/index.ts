import { PAYMENT_METHOD_LABELS } from "@sos/domain";
import {
  paymentMethodsOf,
  purchase,
  purchasePage,
  RegistrationInput,
  registerFacility,
} from "../../services/vendor";
import { publicProcedure, router } from "../../trpc";
import {
  PurchaseInput,
  PurchaseOutput,
  PurchasePageOutput,
  RegistrationOptionsOutput,
  RegistrationReceiptOutput,
  TokenInput,
} from "./schemas";

/**
 * The vendor's public pages (no sign-in): facility registration (①') and the
 * purchase through an emailed link (⑥), where the token is the credential.
 */
export const storefrontRouter = router({
  registrationOptions: publicProcedure.output(RegistrationOptionsOutput).query(({ ctx }) => ({
    paymentMethods: paymentMethodsOf(ctx.config).map((value) => ({
      value,
      label: PAYMENT_METHOD_LABELS.ja[value],
    })),
  })),

  register: publicProcedure
    .input(RegistrationInput)
    .output(RegistrationReceiptOutput)
    .mutation(async ({ ctx, input }) => {
      const registration = await registerFacility(ctx.db, {
        form: input,
        now: ctx.now(),
        ip: ctx.ip,
        config: ctx.config,
      });
      return {
        institutionCode: registration.institutionCode,
        facilityName: registration.facilityName,
        email: registration.email,
        paymentMethod: registration.paymentMethod,
        paymentMethodLabel: registration.paymentMethodLabel,
        registeredAt: registration.createdAt,
      };
    }),

  purchasePage: publicProcedure
    .input(TokenInput)
    .output(PurchasePageOutput)
    .query(({ ctx, input }) =>
      purchasePage(ctx.db, { token: input.token, now: ctx.now(), config: ctx.config }),
    ),

  purchase: publicProcedure
    .input(PurchaseInput)
    .output(PurchaseOutput)
    .mutation(async ({ ctx, input }) => {
      const order = await purchase(ctx.db, {
        input,
        now: ctx.now(),
        ip: ctx.ip,
        config: ctx.config,
      });
      return { orderNumber: order.orderNumber, order };
    }),
});
