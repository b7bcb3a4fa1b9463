// Process configuration: every environment variable Portcheck reads, parsed and validated once.
// Nothing else in the code base reads process.env.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { z } from "zod";
import { REGION_PATTERN } from "./regions/region-name";

/** "a, b,,c" -> ["a", "b", "c"] */
function commaItems(value: string): string[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

const cidrList = z
  .string()
  .default("")
  .transform((value, ctx) => {
    const items = commaItems(value);
    const parsed: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
    for (const item of items) {
      try {
        // A bare address means that one address.
        parsed.push(item.includes("/") ? ipaddr.parseCIDR(item) : toHostCidr(item));
      } catch {
        ctx.addIssue({ code: "custom", message: `"${item}" is not a CIDR such as 203.0.113.0/24 or 2001:db8::/32` });
        return z.NEVER;
      }
    }
    return parsed;
  });

/** "ip" or "ip:port" or "[v6]:port", comma-separated: the DNS servers to ask. Kept as strings for setServers. */
const dnsServerList = z
  .string()
  .default("")
  .transform((value, ctx) => {
    const items = commaItems(value);
    for (const item of items) {
      const match = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(item) ?? /^([^:]+)(?::(\d{1,5}))?$/.exec(item) ?? [item, item, undefined];
      const [, address, port] = match;
      if (!address || isIP(address) === 0 || (port !== undefined && (Number(port) < 1 || Number(port) > 65535))) {
        ctx.addIssue({ code: "custom", message: `"${item}" is not an IP address with an optional port, such as 9.9.9.9, 127.0.0.1:5353 or [2620:fe::fe]:53` });
        return z.NEVER;
      }
    }
    return items;
  });

function toHostCidr(item: string): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  const address = ipaddr.parse(item);
  return [address, address.kind() === "ipv4" ? 32 : 128];
}

const int = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const url = (protocols: string[], fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, `must be a ${protocols.join(" or ")}// URL`);

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: url(["postgresql:", "postgres:"], "postgresql://postgres@127.0.0.1:5432/portcheck"),
  REDIS_URL: z
    .string()
    .default("redis://127.0.0.1:6379")
    .refine((value) => commaItems(value).length > 0 && commaItems(value).every((item) => {
      try {
        return ["redis:", "rediss:"].includes(new URL(item).protocol);
      } catch {
        return false;
      }
    }), "must be a redis:// or rediss:// URL (several, comma-separated, for the seeds of a Redis Cluster)"),
  /** Prefix of every Redis key (queues, rate limits), so several deployments or test runs can share one Redis. */
  REDIS_PREFIX: z
    .string()
    .regex(/^(?:[a-z0-9_-]{1,32}|\{[a-z0-9_-]{1,32}\})$/i, "letters, digits, - and _ only, optionally in braces ({portcheck}) for Redis Cluster")
    .default("portcheck"),
  /** A PEM file of the CA that signed the Redis server's certificate (rediss:// with a private CA). */
  REDIS_TLS_CA: z
    .string()
    .optional()
    .refine((value) => value === undefined || existsSync(value), "no such file"),
  /** REDIS_URL names the seed nodes of a Redis Cluster (comma-separated URLs); REDIS_PREFIX must then be in braces. */
  REDIS_CLUSTER: z.stringbool({ error: "true or false" }).default(false),
  /** The vantage point this worker probes from, and its name for people ("Frankfurt, DE"). */
  REGION: z.string().regex(REGION_PATTERN, "lower-case letters, digits and - (at most 32), such as eu-west").default("local"),
  REGION_LABEL: z.string().trim().max(64).optional(),
  /** What this worker does: all (probe its region, and write results, schedule monitors, send alerts: needs PostgreSQL) or probe (Redis only). */
  WORKER_ROLE: z.enum(["all", "probe"]).optional(),
  /** The regions a check or monitor uses when it names none (comma-separated; empty: local). */
  DEFAULT_REGIONS: z
    .string()
    .default("local")
    .transform((value, ctx) => {
      const items = commaItems(value);
      const bad = items.find((item) => !REGION_PATTERN.test(item));
      if (bad !== undefined) {
        ctx.addIssue({ code: "custom", message: `"${bad}" is not a region name (lower-case letters, digits and -)` });
        return z.NEVER;
      }
      return items.length ? [...new Set(items)] : ["local"];
    }),
  /**
   * A check's ports are split into jobs of at most this many, which a region's workers share. The paced
   * second ask (hosts that rate-limit ICMP) sees one job's ports: smaller jobs spread a large check over
   * more workers, at the cost of exact verdicts for such hosts.
   */
  PORTS_PER_JOB: int(1, 1000, 100),
  HOST: z.string().min(1).default("0.0.0.0"),
  PORT: int(1, 65535, 3000),
  APP_URL: url(["http:", "https:"], "http://localhost:3000").transform((value) => value.replace(/\/+$/, "")),
  TARGET_ALLOWLIST: cidrList,
  /** Global addresses that are internal all the same: the server's own public IP, a NAT64 prefix... */
  TARGET_DENYLIST: cidrList,
  TRUSTED_PROXIES: cidrList,
  PROBE_TIMEOUT_MS: int(100, 10_000, 3000),
  /** Connections to PostgreSQL per process (web and worker each have a pool). */
  DATABASE_POOL_SIZE: int(1, 200, 10),
  WORKER_CONCURRENCY: int(1, 200, 8),
  /**
   * Monitor runs one worker process keeps in flight. Many: a run holds no database connection while it
   * probes, and a silent port holds its slot for the whole timeout (slots / timeout = runs a second).
   */
  MONITOR_CONCURRENCY: int(1, 2000, 256),
  /** How many ports of one address are probed at the same time in a check's first pass. */
  PROBE_PARALLELISM: int(1, 1000, 100),
  /** The DNS servers the worker asks (empty: the system's resolvers), and the deadline of one lookup. */
  DNS_SERVERS: dnsServerList,
  DNS_TIMEOUT_MS: int(100, 30_000, 2000),
  MAX_PORTS_PER_CHECK: int(1, 1000, 20),
  RATE_LIMIT_CHECKS_PER_MINUTE: int(1, 100_000, 10),
  RATE_LIMIT_TARGET_PER_MINUTE: int(1, 1_000_000, 120),
  /** Checks one API key (or signed-in account) may start per minute. */
  RATE_LIMIT_KEY_CHECKS_PER_MINUTE: int(1, 100_000, 60),
  /** Other API requests per caller (key, account or client address) per minute. */
  RATE_LIMIT_REQUESTS_PER_MINUTE: int(1, 1_000_000, 600),
  /** One exposure scan (the 100-port preset against the caller's own address) per client address this often. */
  EXPOSURE_SCAN_INTERVAL_SECONDS: int(10, 86_400, 300),
  /** Most ports in one check for callers with an API key or a session. */
  MAX_PORTS_PER_CHECK_AUTHENTICATED: int(1, 1000, 100),
  /** Accounts (confirmed e-mail addresses, comma-separated) that may open the queue view at /admin/queues. */
  ADMIN_EMAILS: z
    .string()
    .default("")
    .transform((value) => value.split(",").map((item) => item.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.email("each of ADMIN_EMAILS must be an e-mail address"))),
  /** Bearer token for GET /api/metrics (Prometheus); unset, the endpoint answers 404. */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** Signs session cookies and tokens; at least 32 characters. Required in production. */
  BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** SMTP server for alerts and password resets, e.g. smtp://user:pass@mail.example.com:587. */
  SMTP_URL: url(["smtp:", "smtps:"], "smtp://127.0.0.1:25"),
  MAIL_FROM: z.string().min(3).default("Portcheck <portcheck@localhost>"),
  /** Telegram's Bot API, where telegram channels post (operator-configured; tests point it at a local receiver). */
  TELEGRAM_API_URL: url(["http:", "https:"], "https://api.telegram.org").transform((value) => value.replace(/\/+$/, "")),
  MONITOR_MIN_INTERVAL_SECONDS: int(1, 86_400, 60),
  MAX_MONITORS_PER_USER: int(0, 10_000, 50),
  /** Monitors an account may hold before its e-mail address is confirmed. */
  MAX_MONITORS_UNVERIFIED: int(0, 10_000, 5),
  RESULT_RETENTION_DAYS: int(1, 3650, 30),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = Omit<z.infer<typeof envSchema>, "BETTER_AUTH_SECRET" | "WORKER_ROLE"> & { BETTER_AUTH_SECRET: string; WORKER_ROLE: "all" | "probe" };

/** Outside production a fixed secret keeps development and tests simple. */
const DEVELOPMENT_AUTH_SECRET = "portcheck-development-secret-do-not-use-in-production";

/** Parses a set of variables; throws an Error that names every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty string means "not set", as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = envSchema.safeParse(cleaned);
  if (result.success && result.data.REDIS_CLUSTER && !result.data.REDIS_PREFIX.startsWith("{")) {
    throw new Error("Invalid environment configuration:\n  REDIS_PREFIX: must be in braces, such as {portcheck}, with REDIS_CLUSTER=true (BullMQ keeps each queue in one hash slot)");
  }
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  // A worker of another region probes only, unless told otherwise: regions need Redis and nothing else.
  const role = result.data.WORKER_ROLE ?? (result.data.REGION === "local" ? "all" : "probe");
  return { ...result.data, WORKER_ROLE: role, BETTER_AUTH_SECRET: authSecret(result.data) };
}

/**
 * A public deployment (https APP_URL) must set BETTER_AUTH_SECRET. A local production run (the README's
 * quick start) gets a random secret for this process, so sign-ins last until the next restart.
 */
function authSecret(config: z.infer<typeof envSchema>): string {
  if (config.BETTER_AUTH_SECRET) return config.BETTER_AUTH_SECRET;
  if (config.NODE_ENV !== "production") return DEVELOPMENT_AUTH_SECRET;
  if (config.APP_URL.startsWith("https:")) {
    throw new Error("Invalid environment configuration:\n  BETTER_AUTH_SECRET: required when APP_URL is https (at least 32 random characters: openssl rand -base64 32)");
  }
  console.warn("BETTER_AUTH_SECRET is not set: using a random secret; sign-ins end when the server restarts.");
  return randomBytes(32).toString("base64url");
}

let cached: Env | undefined;

/** The process's configuration, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * Entry points call this first: loads ./.env when present (variables already set win),
 * then stops the process with a message naming the variable if a value is bad.
 */
export function loadEnvOrExit(): Env {
  try {
    if (existsSync(".env")) process.loadEnvFile(".env");
    return env();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
