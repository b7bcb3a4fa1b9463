// Create, list and revoke an account's API keys. Ownership is in every where: another account's key is not found.
import type { Db } from "../db";
import { newId } from "../ids";
import { ProblemError } from "../problem-error";
import { newApiKey } from "./key-format";
import { type ApiKeyView, type CreateApiKeyBody, MAX_KEYS_PER_USER } from "./schemas";

const SELECT = { id: true, name: true, scope: true, prefix: true, createdAt: true, lastUsedAt: true } as const;

function view(row: { id: string; name: string; scope: "read" | "write"; prefix: string; createdAt: Date; lastUsedAt: Date | null }): ApiKeyView {
  return { ...row, createdAt: row.createdAt.toISOString(), lastUsedAt: row.lastUsedAt?.toISOString() ?? null };
}

export async function createApiKey(db: Db, userId: string, input: CreateApiKeyBody): Promise<ApiKeyView & { key: string }> {
  const { key, prefix, hash } = newApiKey();
  const row = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`api-keys:${userId}`}))`;
    if ((await tx.apiKey.count({ where: { userId } })) >= MAX_KEYS_PER_USER) {
      throw new ProblemError("quota_exceeded", `An account can have at most ${MAX_KEYS_PER_USER} API keys. Revoke one to create another.`);
    }
    return tx.apiKey.create({ data: { id: newId(), userId, name: input.name, scope: input.scope, prefix, hash }, select: SELECT });
  });
  return { ...view(row), key };
}

export async function listApiKeys(db: Db, userId: string, page: { cursor?: string; limit: number }): Promise<{ items: ApiKeyView[]; nextCursor: string | null }> {
  const rows = await db.apiKey.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page.limit + 1,
    ...(page.cursor ? { cursor: { id: page.cursor }, skip: 1 } : {}),
    select: SELECT,
  });
  const items = rows.slice(0, page.limit).map(view);
  return { items, nextCursor: rows.length > page.limit ? items.at(-1)!.id : null };
}

/** Revoked at once: the row is deleted, so the next request with the key finds nothing. */
export async function revokeApiKey(db: Db, userId: string, id: string): Promise<void> {
  const deleted = await db.apiKey.deleteMany({ where: { id, userId } });
  if (deleted.count === 0) throw new ProblemError("not_found", "There is no API key with this id in your account.");
}
