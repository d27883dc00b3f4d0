import {
  ImportRegistrationsInput,
  ImportRegistrationsOutput,
  RegistrationOutput,
  RegistrationsInput,
  RegistrationsOutput,
  UpdateRegistrationInput,
} from "../../schemas/vendor-portal";
import {
  importRegistrations,
  listRegistrations,
  updateRegistration,
  vendorActor,
} from "../../services/vendor-portal";
import { vendorProcedure } from "../../trpc";

/** ①' the vendor's customers: list, correct, import from its own records. */
export const registrationProcedures = {
  registrations: vendorProcedure
    .input(RegistrationsInput)
    .output(RegistrationsOutput)
    .query(({ ctx, input }) => listRegistrations(ctx.db, input)),

  updateRegistration: vendorProcedure
    .input(UpdateRegistrationInput)
    .output(RegistrationOutput)
    .mutation(({ ctx, input }) => {
      const { id, ...form } = input;
      return updateRegistration(ctx.db, {
        id,
        form,
        actor: vendorActor(ctx),
        now: ctx.now(),
        config: ctx.config,
      });
    }),

  importRegistrations: vendorProcedure
    .input(ImportRegistrationsInput)
    .output(ImportRegistrationsOutput)
    .mutation(({ ctx, input }) =>
      importRegistrations(ctx.db, {
        bytes: Buffer.from(input.csv, "base64"),
        encoding: input.encoding,
        overwriteWeb: input.overwriteWeb,
        actor: vendorActor(ctx),
        now: ctx.now(),
        config: ctx.config,
      }),
    ),
};
