import { z } from "#zod";

export const REGISTRATION_SOURCES = ["web", "import"] as const;
/** How a facility reached the vendor's purchase site; "import": an existing vendor customer loaded from the vendor's records. */
export const RegistrationSource = z.enum(REGISTRATION_SOURCES);
export type RegistrationSource = z.infer<typeof RegistrationSource>;
