import { z } from "zod";

// Domain schemas carry their own Japanese messages; this covers the rest (API-only
// schemas, unexpected shapes such as a form post), so no English zod text reaches a user.
z.config(z.locales.ja());
