// Shapes that several API answers share: problem details, and small answers without a feature folder.
import { z } from "zod";
import { PROBLEM_CODES } from "./problems";

export const problemSchema = z.object({
  type: z.string().describe("A URL of the API reference naming the problem."),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().describe("What went wrong, in words for people."),
  code: z.enum(PROBLEM_CODES as [string, ...string[]]).describe("Stable: branch on this."),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional().describe("One entry per invalid field."),
});

export const clientIpSchema = z.object({ ip: z.string(), version: z.union([z.literal(4), z.literal(6)]) });

export const regionSchema = z.object({
  id: z.string().describe("The region's name, as checks and monitors name it: local, eu-west..."),
  label: z.string().nullable().describe("Where it is, for people (\"Frankfurt, DE\"), when its workers say."),
  available: z.boolean().describe("Whether at least one of its workers is live now."),
  workers: z.number().int().describe("Live workers."),
  version: z.string().nullable().describe("The Portcheck version its workers run."),
  lastSeenAt: z.string().nullable().describe("When a worker of it last announced itself."),
});

export const regionListSchema = z.object({
  regions: z.array(regionSchema),
  default: z.array(z.string()).describe("The regions a check or monitor uses when it names none."),
});

export const verifyTokenSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  commands: z.array(z.object({ os: z.string(), command: z.string() })),
});

export const portKnowledgeSchema = z.object({
  port: z.number().int(),
  range: z.object({ name: z.string(), from: z.number().int(), to: z.number().int(), meaning: z.string() }),
  services: z.object({
    tcp: z.object({ name: z.string(), description: z.string() }).nullable(),
    udp: z.object({ name: z.string(), description: z.string() }).nullable(),
  }),
  notes: z.array(z.object({ kind: z.string(), protocol: z.string(), title: z.string(), text: z.string(), source: z.string() })),
  checkProtocol: z.enum(["tcp", "udp"]),
});
