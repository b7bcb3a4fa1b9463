// Inputs and the public shape of API keys, shared by the API, the settings page and the API reference.
import { z } from "zod";

export const createApiKeyBody = z
  .object({
    name: z.string({ error: "name is required: what the key is for" }).trim().min(1, "name is required: what the key is for").max(100, "name has at most 100 characters"),
    scope: z.enum(["read", "write"], { error: "scope is \"read\" or \"write\"" }),
  })
  .strict();
export type CreateApiKeyBody = z.infer<typeof createApiKeyBody>;

export const apiKeyViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  scope: z.enum(["read", "write"]),
  prefix: z.string().describe("The visible start of the key."),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type ApiKeyView = z.infer<typeof apiKeyViewSchema>;

/** The answer to POST /api/v1/api-keys: the only time the whole key is shown. */
export const createdApiKeySchema = apiKeyViewSchema.extend({ key: z.string().describe("The whole key. Shown once: store it now.") });

export const MAX_KEYS_PER_USER = 20;
