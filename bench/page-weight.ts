// Benchmark (issue "Fast and proven", speed 4): the JavaScript the home page, a result page (/checks/{id})
// and the dashboard load, measured in Chromium against the production build (run `npm run build` first):
// the web server (server.ts, NODE_ENV=production) on a port of its own with the benchmark database, a
// worker so the check has its verdict, and every script response counted until the network is idle:
// bytes transferred (compressed as served) and decoded. Each page in a fresh browser context (empty cache).
// Run: npm run bench -- page-weight   (no scale: three page loads)
import { requireBuild, startBuiltWeb } from "./built-web";
import { BENCH_ENV, markdownTable, reportResult } from "./support";

Object.assign(process.env, BENCH_ENV);
const { TEST_DENYLIST } = await import("../tests/helpers/check-client");
const { migrate } = await import("../prisma/migrator");
const { startTargetHost, DEFAULT_TARGET_HOST } = await import("../tests/helpers/target-host");
const { startWorker } = await import("../tests/helpers/worker-process");
const { chromium } = await import("playwright-core");

requireBuild("page-weight");
await migrate(process.env.DATABASE_URL!);

const { base, stop: stopWeb } = await startBuiltWeb(TEST_DENYLIST);
const worker = await startWorker({ TARGET_DENYLIST: TEST_DENYLIST });
const greeter = await startTargetHost({ host: DEFAULT_TARGET_HOST, servers: [{ kind: "ssh" }] });
const created = await fetch(`${base}/api/v1/checks`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ host: DEFAULT_TARGET_HOST, ports: [greeter.ports.ssh] }) });
if (created.status !== 202) throw new Error(`POST /api/v1/checks answered ${created.status}: ${await created.text()}`);
const { id } = (await created.json()) as { id: string };
await fetch(`${base}/api/v1/checks/${id}?wait=10`);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
// An account for the dashboard, signed up through the form as a visitor would.
const signUp = await browser.newContext({ baseURL: base });
const signUpPage = await signUp.newPage();
await signUpPage.goto("/sign-up");
await signUpPage.getByLabel("Name").fill("Bench");
const benchEmail = `bench-${Date.now()}@example.com`;
await signUpPage.getByLabel("E-mail").fill(benchEmail);
await signUpPage.getByLabel(/^Password/).fill("a long enough passphrase");
await signUpPage.getByRole("button", { name: "Create account" }).click();
await signUpPage.getByText("Check your inbox").waitFor();
// No mail server here: confirm the address in the database, as the mailed link would, then sign in.
const { default: pg } = await import("pg");
const sql = new pg.Client({ connectionString: process.env.DATABASE_URL });
await sql.connect();
await sql.query("UPDATE users SET email_verified = true WHERE email = $1", [benchEmail]);
await sql.end();
await signUpPage.goto("/sign-in");
await signUpPage.getByLabel("E-mail").fill(benchEmail);
await signUpPage.getByLabel("Password").fill("a long enough passphrase");
await signUpPage.getByRole("button", { name: "Sign in" }).click();
await signUpPage.getByRole("heading", { name: "Your monitors" }).waitFor();
const signedIn = await signUp.storageState();
await signUp.close();

interface Weight {
  page: string;
  path: string;
  scripts: number;
  transferredKiB: number;
  decodedKiB: number;
  encoding: string;
  largest: { url: string; transferredKiB: number }[];
}
const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
async function weigh(name: string, path: string, storageState?: Awaited<ReturnType<typeof signUp.storageState>>): Promise<Weight> {
  const context = await browser.newContext({ baseURL: base, storageState });
  const page = await context.newPage();
  const scripts: Promise<{ url: string; transferred: number; decoded: number; encoding: string }>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    scripts.push(
      (async () => {
        const [sizes, body] = await Promise.all([response.request().sizes(), response.body()]);
        return { url: new URL(response.url()).pathname, transferred: sizes.responseBodySize, decoded: body.length, encoding: (await response.allHeaders())["content-encoding"] ?? "identity" };
      })(),
    );
  });
  await page.goto(path, { waitUntil: "networkidle" });
  const all = await Promise.all(scripts);
  await context.close();
  const weight: Weight = {
    page: name,
    path: path.replace(id, "{id}"),
    scripts: all.length,
    transferredKiB: kib(all.reduce((sum, s) => sum + s.transferred, 0)),
    decodedKiB: kib(all.reduce((sum, s) => sum + s.decoded, 0)),
    encoding: [...new Set(all.map((s) => s.encoding))].join(", "),
    largest: all.sort((a, b) => b.transferred - a.transferred).slice(0, 5).map((s) => ({ url: s.url, transferredKiB: kib(s.transferred) })),
  };
  console.log(`${name} (${weight.path}): ${weight.scripts} scripts, ${weight.transferredKiB} KiB transferred (${weight.encoding}), ${weight.decodedKiB} KiB decoded`);
  for (const s of weight.largest) console.log(`  ${s.transferredKiB} KiB  ${s.url}`);
  return weight;
}

const weights = [await weigh("home", "/"), await weigh("result page", `/checks/${id}`), await weigh("dashboard", "/dashboard", signedIn)];
const bar = (value: number, max: number) => "█".repeat(Math.max(1, Math.round((value / max) * 30)));
const max = Math.max(...weights.map((w) => w.decodedKiB));
const markdown = [
  "Script responses of a first load (empty cache) until the network is idle, production build, Chromium.",
  "",
  markdownTable(["page", "path", "scripts", "KiB transferred", "KiB decoded", "encoding"], weights.map((w) => [w.page, w.path, w.scripts, w.transferredKiB, w.decodedKiB, w.encoding])),
  "",
  "```",
  ...weights.map((w) => `${w.page.padEnd(12)} ${bar(w.decodedKiB, max)} ${w.decodedKiB} KiB decoded, ${w.transferredKiB} KiB transferred`),
  "```",
].join("\n");
reportResult({ weights }, markdown);

await browser.close();
await worker.stop();
await greeter.close();
await stopWeb();
process.exit(0);
