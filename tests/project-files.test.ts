// What cannot run here (Docker) or is easy to let rot (README, .env.example) is checked against the code.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { envSchema } from "../lib/env";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");
const VARIABLES = Object.keys(envSchema.shape).filter((name) => name !== "NODE_ENV");

interface ComposeService {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
}

describe("docker-compose.yml", () => {
  const compose = parse(read("docker-compose.yml"), { merge: true }) as { services: Record<string, ComposeService> };
  const { services } = compose;

  it("has postgres, redis, a one-shot migrate service, web, a worker and a second region's worker", () => {
    expect(Object.keys(services).sort()).toEqual(["migrate", "postgres", "redis", "web", "worker", "worker-eu"]);
    expect(services.postgres!.image).toMatch(/^postgres:/);
    expect(services.redis!.image).toMatch(/^redis:/);
    for (const name of ["migrate", "web", "worker", "worker-eu"]) expect(services[name]!.build).toBe(".");
  });

  it("gives the second region Redis and nothing else: no database, role probe, its own name", () => {
    const region = services["worker-eu"]!;
    expect(region.command).toEqual(["npm", "run", "start:worker"]);
    expect(region.environment).toMatchObject({ REGION: "eu-west", WORKER_ROLE: "probe", REDIS_URL: services.worker!.environment!.REDIS_URL });
    expect(region.environment!.DATABASE_URL).toBeUndefined();
    expect(Object.keys(region.depends_on!)).toEqual(["redis"]);
    for (const variable of Object.keys(region.environment!)) expect(VARIABLES).toContain(variable);
  });

  it("runs Redis with noeviction and append-only persistence", () => {
    const command = services.redis!.command!.join(" ");
    expect(command).toContain("--maxmemory-policy noeviction");
    expect(command).toContain("--appendonly yes");
    expect(command).toContain("--requirepass");
  });

  it("migrates once before web and worker start, with the npm scripts the README names", () => {
    expect(services.migrate!.command).toEqual(["npm", "run", "db:migrate"]);
    expect(services.web!.command).toEqual(["npm", "run", "start:web"]);
    expect(services.worker!.command).toEqual(["npm", "run", "start:worker"]);
    expect(services.migrate!.depends_on!.postgres!.condition).toBe("service_healthy");
    for (const name of ["web", "worker"]) {
      expect(services[name]!.depends_on!.migrate!.condition).toBe("service_completed_successfully");
      expect(services[name]!.depends_on!.redis!.condition).toBe("service_healthy");
    }
    expect(services.web!.ports).toContain("3000:3000");
  });

  it("points the app at the compose services, using only variables the app knows", () => {
    for (const name of ["migrate", "web", "worker"]) {
      const environment = services[name]!.environment!;
      expect(environment.DATABASE_URL).toBe("postgresql://postgres:postgres@postgres:5432/portcheck");
      expect(environment.REDIS_URL).toMatch(/^redis:\/\/:[^@]+@redis:6379$/);
      expect(environment.TARGET_ALLOWLIST).toBe("");
      for (const variable of Object.keys(environment)) expect(VARIABLES).toContain(variable);
    }
  });

  it("has a Dockerfile that builds and starts the web by default", () => {
    const dockerfile = read("Dockerfile");
    expect(dockerfile).toMatch(/RUN npm run build/);
    expect(dockerfile).toMatch(/CMD \["npm", "run", "start:web"\]/);
  });
});

describe("documentation of the configuration", () => {
  it(".env.example lists every variable, with its default", () => {
    const example = read(".env.example");
    const keys = [...example.matchAll(/^([A-Z_]+)=(.*)$/gm)].map((match) => match[1]);
    expect(keys.sort()).toEqual([...VARIABLES].sort());
    const defaults = envSchema.parse({});
    for (const [, name, value] of example.matchAll(/^([A-Z_]+)=(.+)$/gm)) {
      const expected = defaults[name as keyof typeof defaults];
      if (typeof expected === "string" || typeof expected === "number") expect(String(expected), name).toBe(value);
    }
  });

  it("the README's table names every variable, and its quick start is two command lines", () => {
    const readme = read("README.md");
    for (const name of VARIABLES) expect(readme, name).toContain(`| \`${name}\``);
    const quickStart = readme.slice(readme.indexOf("## Quick start"), readme.indexOf("\n## ", readme.indexOf("## Quick start") + 5));
    const commands = [...quickStart.matchAll(/```(?:sh|bash)\n([\s\S]*?)```/g)].flatMap((block) => block[1]!.trim().split("\n"));
    expect(commands).toEqual(["npm install && npm run build && npm start", "npm test"]);
  });

  it("package.json has the scripts operators rely on", () => {
    const { scripts } = JSON.parse(read("package.json")) as { scripts: Record<string, string> };
    for (const name of ["build", "start", "start:web", "start:worker", "db:migrate", "test", "bench"]) expect(scripts[name], name).toBeTruthy();
    expect(scripts.build).toContain("next build");
    expect(scripts.build).toContain("generate");
    expect(scripts.start).toContain("db:migrate");
    // npm test runs every phase with a time budget (tests/run-all.ts): the fault suite after the unit tests
    // and before the browser tests.
    expect(scripts.test).toBe("node --import tsx tests/run-all.ts");
    expect(read("tests/run-all.ts")).toMatch(/"generate"[\s\S]*"typecheck"[\s\S]*"test:unit"[\s\S]*"test:faults"[\s\S]*"test:e2e"/);
  });
});
