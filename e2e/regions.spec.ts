// Checking from several places, as a visitor does it: a second region's worker (Redis only, no database)
// joins the running site, the checker offers it, one check shows a column per region, and a region
// whose worker stopped is shown unavailable. Screenshots at 1280 and 390 px, light and dark.
import { TEST_INSTANCE } from "../tests/instance";
import { TEST_DENYLIST } from "../tests/test-env";
import { startWorker, type WorkerProcess } from "../tests/helpers/worker-process";
import { expect, test } from "./fixtures";

const REGION = "e2e-east";
let regional: WorkerProcess | undefined;

test.beforeAll(async () => {
  regional = await startWorker({
    REGION,
    REGION_LABEL: "East (e2e)",
    REDIS_PREFIX: TEST_INSTANCE.e2ePrefix,
    TARGET_ALLOWLIST: "127.0.0.2/32",
    TARGET_DENYLIST: TEST_DENYLIST,
    DNS_SERVERS: "127.0.0.1:9",
    // The per-target budget is counted in Redis across workers: this worker must allow what the site's does
    // (other browser tests, the exposure scan's 100 ports among them, probe 127.0.0.2 in the same minute).
    RATE_LIMIT_TARGET_PER_MINUTE: "100000",
    RATE_LIMIT_CHECKS_PER_MINUTE: "1000",
    // A regional worker never touches PostgreSQL: this one could not reach it if it tried.
    DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none",
  });
});
test.afterAll(async () => {
  await regional?.stop("SIGKILL");
});

test("checks one port from two regions, a column each, and shows a stopped region as unavailable", async ({ page, openListener }, testInfo) => {
  await page.goto("/");
  const picker = page.getByTestId("region-picker");
  await expect(picker).toBeVisible();
  await expect(picker.getByRole("checkbox", { name: /local/ })).toBeChecked();
  await picker.getByRole("checkbox", { name: /e2e-east/ }).check();
  await page.getByRole("switch", { name: "Use my IP" }).uncheck();
  await page.getByLabel("Host").fill("127.0.0.2");
  await page.getByLabel("Ports").fill(String(openListener.port));
  await page.getByRole("button", { name: "Check ports" }).click();
  await expect(page.getByTestId("check-results")).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  for (const region of ["local", REGION]) {
    await expect(page.getByTestId(`result-${openListener.port}-${region}-v4`)).toHaveAttribute("data-state", "open");
    await expect(page.getByTestId(`result-${openListener.port}-${region}-v4`)).toContainText(region);
  }
  for (const [width, height] of [[1280, 900], [390, 844]] as const) {
    for (const scheme of ["light", "dark"] as const) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: testInfo.outputPath(`regions-${width}-${scheme}.png`), fullPage: true });
    }
  }

  await regional!.stop("SIGTERM");
  regional = undefined;
  await page.reload();
  const stopped = page.getByTestId("region-picker").getByRole("checkbox", { name: /e2e-east/ });
  await expect(stopped).toBeDisabled();
  await expect(page.getByTestId("region-picker")).toContainText("(unavailable)");
});
