// The public shape of a check and its results, as zod schemas: POST and GET /api/v1/checks, the pages,
// the browser and the API reference all use these. Pure: no server-only imports.
import { z } from "zod";
import { REASONS, VERDICT_STATES } from "../probes/verdict-states";

export const gameInfoSchema = z.object({
  version: z.string().nullable(),
  protocol: z.number().nullable(),
  playersOnline: z.number().nullable(),
  playersMax: z.number().nullable(),
  motd: z.string().describe("Message of the day or server name, formatting codes removed."),
  map: z.string().optional(),
});

export const bannerSchema = z.object({
  service: z.string().describe("What answered: ssh, smtp, http, mysql, minecraft, dns, unknown..."),
  product: z.string().nullable(),
  version: z.string().nullable(),
  text: z.string().describe("What the server said, as plain text with control characters escaped. Never HTML."),
  game: gameInfoSchema.optional().describe("Game servers (Minecraft Java and Bedrock, Source): version, players and message of the day."),
  http: z.object({ status: z.number(), statusLine: z.string(), server: z.string().nullable() }).optional(),
  dns: z.object({ rcode: z.string(), authoritative: z.boolean(), recursionAvailable: z.boolean(), answers: z.number() }).optional(),
  stun: z.object({ mappedAddress: z.string().nullable() }).optional(),
});

export const tlsSchema = z.object({
  version: z.string().nullable().describe("TLSv1.3, TLSv1.2..."),
  cipher: z.string().nullable(),
  subject: z.string().nullable(),
  issuer: z.string().nullable(),
  san: z.array(z.string()),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  daysLeft: z.number().nullable().describe("Whole days until the certificate expires; negative once expired."),
  trusted: z.boolean().describe("The chain verifies against the trusted roots."),
  trustError: z.string().nullable().describe("Why the chain does not verify: DEPTH_ZERO_SELF_SIGNED_CERT, CERT_HAS_EXPIRED..."),
  hostnameMatches: z.boolean().nullable(),
  starttls: z.boolean(),
  fingerprint: z.string().nullable(),
  error: z.string().nullable().describe("Why there was no handshake (no STARTTLS offered, not TLS...); null after a handshake."),
});

export const resultStateSchema = z.enum([...VERDICT_STATES, "pending"]);

export const checkResultViewSchema = z.object({
  port: z.number().int(),
  region: z.string().describe("The region (vantage point) this verdict is from; GET /api/v1/regions lists them."),
  protocol: z.enum(["tcp", "udp"]),
  family: z.union([z.literal(4), z.literal(6)]).nullable().describe("The address family probed; null while the name is being resolved."),
  address: z.string().nullable(),
  state: resultStateSchema,
  reason: z.enum(REASONS).nullable().describe("The evidence behind the verdict, in nmap's vocabulary."),
  latencyMs: z.number().nullable(),
  errorCode: z.string().nullable(),
  checkedAt: z.string().nullable(),
  service: z.object({ name: z.string(), description: z.string() }).nullable().describe("The IANA-registered service of this port and protocol."),
  tls: tlsSchema.nullable(),
  banner: bannerSchema.nullable(),
  ownership: z.object({ verified: z.boolean() }).nullable().describe("Whether the ownership token was read back from this port; null when none was asked for."),
  exposure: z
    .object({ name: z.string(), risk: z.enum(["critical", "high", "medium", "low"]), why: z.string() })
    .optional()
    .describe("Exposure scans only: what usually listens on this port, how bad an open one is, and what it means."),
});

export const addressSchema = z.object({ address: z.string(), family: z.union([z.literal(4), z.literal(6)]) });

export const checkViewSchema = z.object({
  id: z.string(),
  status: z.enum(["queued", "running", "done", "failed"]),
  host: z.string(),
  protocol: z.enum(["tcp", "udp"]),
  family: z.enum(["4", "6", "both"]),
  tls: z.union([z.literal("auto"), z.boolean()]),
  ports: z.array(z.number().int()),
  timeoutMs: z.number().int(),
  addresses: z.array(addressSchema).nullable().describe("The addresses probed (by any region), once the host has been resolved."),
  regions: z
    .array(
      z.object({
        region: z.string(),
        status: z.enum(["queued", "running", "done", "failed"]),
        addresses: z.array(addressSchema).nullable().describe("What this region resolved the host to; regions resolve on their own."),
        error: z.object({ code: z.string(), message: z.string() }).nullable().describe("Why this region's part failed: region_unavailable, dns_failed, target_forbidden, rate_limited..."),
        startedAt: z.string().nullable(),
        finishedAt: z.string().nullable(),
      }),
    )
    .describe("The check's part in each region asked. The check is done when every region has answered or failed."),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  ownership: z.object({ verified: z.boolean() }).nullable(),
  preset: z.enum(["exposure"]).nullable().describe("\"exposure\" for an exposure scan of the caller's own address (POST /api/v1/exposure-scans); null for a plain check."),
  results: z.array(checkResultViewSchema),
  links: z.object({ self: z.string(), html: z.string() }),
});

export type CheckView = z.infer<typeof checkViewSchema>;
export type CheckResultView = z.infer<typeof checkResultViewSchema>;
export type CheckStatus = CheckView["status"];
