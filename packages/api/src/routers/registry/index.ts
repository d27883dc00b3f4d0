import { auditIp } from "../../audit-ip";
import {
  RegistryApplyInput,
  RegistryApplyOutput,
  RegistryItemsInput,
  RegistryItemsOutput,
  RegistryUploadInput,
  RegistryUploadOutput,
} from "../../schemas/registry";
import {
  applyRegistryUpload,
  getRegistryUpload,
  registryUploadPage,
} from "../../services/registry";
import { ministryProcedure, router } from "../../trpc";

/**
 * The ministry's registry import in the review console. The file itself comes
 * over POST /api/registry-uploads (apps/server: 20-30 MB is no tRPC input);
 * these read its preview and apply it.
 */
export const registryRouter = router({
  upload: ministryProcedure
    .input(RegistryUploadInput)
    .output(RegistryUploadOutput)
    .query(({ ctx, input }) => getRegistryUpload(ctx.db, input.id)),

  items: ministryProcedure
    .input(RegistryItemsInput)
    .output(RegistryItemsOutput)
    .query(({ ctx, input }) => registryUploadPage(ctx.db, input)),

  applyUpload: ministryProcedure
    .input(RegistryApplyInput)
    .output(RegistryApplyOutput)
    .mutation(({ ctx, input }) =>
      applyRegistryUpload(ctx.db, {
        id: input.id,
        previewDigest: input.previewDigest,
        actor: { userId: ctx.user.id, role: ctx.user.role, ip: auditIp(ctx.ip) },
        now: ctx.now(),
        mailFrom: ctx.config.mailFrom,
      }),
    ),
});
