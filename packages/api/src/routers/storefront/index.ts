import { PAYMENT_METHOD_LABELS, RegistrationInput } from "@sos/domain";
import {
  ConfirmRegistrationOutput,
  PurchaseInput,
  PurchaseOutput,
  PurchasePageOutput,
  RegistrationConfirmationOutput,
  RegistrationOptionsOutput,
  RegistrationReceiptOutput,
  TokenInput,
} from "../../schemas/storefront";
import { purchase, purchasePage } from "../../services/storefront";
import {
  confirmationPage,
  confirmRegistration,
  paymentMethodsOf,
  registerFacility,
  signedInInstitutionOf,
} from "../../services/vendor-portal";
import { publicProcedure, router } from "../../trpc";

/**
 * The vendor's public pages (no sign-in): facility registration (①') with its
 * confirmation link, and the purchase through an emailed link (⑥); a token is
 * the credential. A signed-in institution user registering its own code is
 * recognised by its session.
 */
export const storefrontRouter = router({
  registrationOptions: publicProcedure.output(RegistrationOptionsOutput).query(async ({ ctx }) => ({
    paymentMethods: paymentMethodsOf(ctx.config).map((value) => ({
      value,
      label: PAYMENT_METHOD_LABELS.ja[value],
    })),
    signedInInstitution: await signedInInstitutionOf(ctx.db, ctx.user),
  })),

  register: publicProcedure
    .input(RegistrationInput)
    .output(RegistrationReceiptOutput)
    .mutation(async ({ ctx, input }) => {
      const outcome = await registerFacility(ctx.db, {
        form: input,
        now: ctx.now(),
        ip: ctx.ip,
        config: ctx.config,
        user: ctx.user,
      });
      const details = outcome.status === "registered" ? outcome.registration : outcome.form;
      return {
        status: outcome.status,
        institutionCode: details.institutionCode,
        facilityName: details.facilityName,
        email: details.email,
        paymentMethod: details.paymentMethod,
        paymentMethodLabel: PAYMENT_METHOD_LABELS.ja[details.paymentMethod],
        registeredAt:
          outcome.status === "registered" ? outcome.registration.createdAt : outcome.submittedAt,
        confirmBy: outcome.status === "registered" ? null : outcome.confirmBy,
      };
    }),

  registrationConfirmation: publicProcedure
    .input(TokenInput)
    .output(RegistrationConfirmationOutput)
    .query(({ ctx, input }) => confirmationPage(ctx.db, { token: input.token, now: ctx.now() })),

  confirmRegistration: publicProcedure
    .input(TokenInput)
    .output(ConfirmRegistrationOutput)
    .mutation(async ({ ctx, input }) => {
      const { registration, sameAddress } = await confirmRegistration(ctx.db, {
        token: input.token,
        now: ctx.now(),
        ip: ctx.ip,
        config: ctx.config,
      });
      return {
        institutionCode: registration.institutionCode,
        facilityName: registration.facilityName,
        postcode: registration.postcode,
        address: registration.address,
        phone: registration.phone,
        email: registration.email,
        paymentMethod: registration.paymentMethod,
        paymentMethodLabel: registration.paymentMethodLabel,
        confirmedAt: registration.confirmedAt ?? ctx.now(),
        sameAddress,
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
