// Create an instant check: validate, refuse forbidden literal targets, apply the abuse limits, claim the
// ownership token, choose the regions, store the check with a run per region (results are rows once they
// have a verdict), and enqueue each live region's chunks. A region with no live worker fails at once.
import { env } from "../env";
import { newId } from "../ids";
import { ProblemError, rateLimited } from "../problem-error";
import type { ClientIp } from "../http/client-ip";
import { clientKey } from "../http/client-ip";
import { consume, peek } from "../limits/rate-limits";
import { type ClaimOutcome, claimToken, releaseToken } from "../ownership/tokens";
import { chooseRegions, REGION_UNAVAILABLE_MESSAGE } from "../regions/choose-regions";
import { readyRedis } from "../redis";
import { normaliseHostOrThrow } from "../targets/check-literal";
import type { WebContext } from "../web-context";
import { storedFamily, storedTls } from "./check-options";
import { chunkCount, enqueueCheckRuns } from "./dispatch-check";
import { type CheckView } from "./check-view";
import { checkView } from "./get-check";
import { insertCheck } from "./insert-check";
import { parsePorts } from "./ports";
import type { CreateCheckBody } from "./schemas";

export async function createCheck(
  body: CreateCheckBody,
  caller: { client: ClientIp | null; maxPorts?: number; preset?: "exposure"; requestId?: string | null },
  context: WebContext,
): Promise<CheckView> {
  const config = env();
  const maxPorts = caller.maxPorts ?? config.MAX_PORTS_PER_CHECK;
  const ports = parsePorts(body.ports, maxPorts);
  if (!ports.ok) {
    throw new ProblemError("invalid_request", ports.issues.map((issue) => issue.message).join(" "), {
      errors: ports.issues.map((issue) => ({ path: issue.index >= 0 ? `ports/${issue.index}` : "ports", message: issue.message })),
    });
  }
  // Without the caller's address there is no rate limit to apply, so there is no check either.
  const client = caller.client;
  if (!client) throw new ProblemError("invalid_request", "Portcheck could not determine your IP address. Please try again.");
  const host = normaliseHostOrThrow(body.host.toLowerCase() === "me" ? client.ip : body.host, context.rules);
  const family = body.family ?? "both";
  if (host.literal && family !== "both" && host.value.includes(":") !== (family === "6")) {
    const message = `${host.value} is an IPv${host.value.includes(":") ? 6 : 4} address, so family cannot be "${family}".`;
    throw new ProblemError("invalid_request", message, { errors: [{ path: "family", message }] });
  }
  const probes = ports.ports.length * (family === "both" && !host.literal ? 2 : 1);
  // The caller's budget of checks was spent by the route; the target's budget is looked at here.
  await readyRedis(context.redis);
  // Two independent looks at Redis in one round trip's time: the target's budget and the live regions.
  const [targetBudget, { regions, unavailable }] = await Promise.all([
    host.literal ? peek(context.limiters.target, host.value, probes) : null,
    chooseRegions(context.redis, config.REDIS_PREFIX, config.DEFAULT_REGIONS, body.regions),
  ]);
  if (targetBudget && !targetBudget.allowed) {
    throw rateLimited(`${host.value} has been probed too often in the last minute. Try again in ${targetBudget.retryAfterSeconds} s.`, targetBudget.retryAfterSeconds);
  }
  const live = regions.filter((region) => !unavailable.has(region));
  // The one-time token is spent only by a check that will run: not by one whose regions are all down (it is
  // stored failed at once), and it is given back when the check cannot be stored or queued.
  let claim: ClaimOutcome | null = null;
  if (body.verifyToken && live.length) {
    claim = await claimToken(context.redis, body.verifyToken, clientKey(client));
    if (claim.outcome !== "claimed") {
      const message = "This ownership token has expired, was already used, or was issued to someone else. Get a new one and start the listener again.";
      throw new ProblemError("invalid_token", message, { errors: [{ path: "verifyToken", message }] });
    }
  }
  const giveTokenBack = async () => {
    if (claim?.outcome === "claimed") await releaseToken(context.redis, body.verifyToken!, clientKey(client), claim.leftMs).catch(() => {});
  };
  const now = new Date();
  const id = newId();
  const plan = {
    id,
    host: host.value,
    ports: ports.ports,
    timeoutMs: body.timeoutMs ?? config.PROBE_TIMEOUT_MS,
    protocol: body.protocol ?? "tcp",
    family: storedFamily(family),
    tls: storedTls(body.tls ?? "auto"),
    verifyToken: live.length ? (body.verifyToken ?? null) : null,
    literal: host.literal,
    requestId: caller.requestId ?? null,
  } as const;
  const chunks = chunkCount(plan.ports.length, config.PORTS_PER_JOB);
  const failure = { code: "region_unavailable", message: REGION_UNAVAILABLE_MESSAGE };
  let check: Awaited<ReturnType<typeof insertCheck>>;
  try {
    check = await insertCheck(context.db, {
      id,
      host: plan.host,
      ports: plan.ports,
      timeoutMs: plan.timeoutMs,
      clientKey: clientKey(client),
      protocol: plan.protocol,
      family: plan.family,
      tls: plan.tls,
      verifyToken: plan.verifyToken,
      regions,
      preset: caller.preset ?? null,
      createdAt: now,
      failure: live.length === 0 ? failure : null,
      runs: regions.map((region) => ({ region, chunks, failure: unavailable.has(region) ? failure : null })),
    });
  } catch (error) {
    await giveTokenBack();
    throw error;
  }
  try {
    if (live.length) await enqueueCheckRuns(context.probeQueue, plan, live, config.PORTS_PER_JOB);
  } catch (error) {
    // Nothing was promised to the caller yet: remove the check rather than leave it queued forever.
    await context.db.check.delete({ where: { id } }).catch(() => {});
    await giveTokenBack();
    throw error;
  }
  return checkView(check);
}
