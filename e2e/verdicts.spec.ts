// What a visitor sees beyond open and closed: what answered and its certificate, a UDP check from a
// port page, and the ownership token read back from their own listener. Screenshots at 1280 and 390 px,
// light and dark, are kept as test artifacts.
import { createSocket } from "node:dgram";
import type { Page } from "@playwright/test";
import { startTargetHost, type TargetHost } from "../tests/helpers/target-host";
import { expect, test } from "./fixtures";

let servers: TargetHost;

test.beforeAll(async () => {
  // HTTPS and Minecraft on their usual ports, where Portcheck starts TLS and asks for the server list by itself.
  servers = await startTargetHost({ host: "127.0.0.2", servers: [{ kind: "ssh" }, { kind: "tls", cert: "self-signed", port: 8443 }, { kind: "minecraft", port: 25565 }] });
});
test.afterAll(async () => {
  await servers?.close();
});

async function checkHost(page: Page, ports: string, options: { tls?: "on" } = {}) {
  await page.getByRole("switch", { name: "Use my IP" }).uncheck();
  await page.getByLabel("Host").fill("127.0.0.2");
  await page.getByLabel("Ports").fill(ports);
  if (options.tls) {
    await page.getByText("More options").click();
    await page.getByLabel("TLS (TCP)").selectOption(options.tls);
  }
  await page.getByRole("button", { name: "Check ports" }).click();
  await expect(page.getByTestId("check-results")).toHaveAttribute("data-status", "done", { timeout: 30_000 });
}

test("shows what answered, its TLS certificate and a game server's players", async ({ page }, testInfo) => {
  await page.goto("/");
  await checkHost(page, `${servers.ports.ssh}, ${servers.ports.tls}, ${servers.ports.minecraft}`);
  const ssh = page.getByTestId(`result-${servers.ports.ssh}`);
  await expect(ssh.getByTestId("banner")).toContainText("OpenSSH 9.6p1");
  const tls = page.getByTestId(`result-${servers.ports.tls}`);
  await expect(tls.getByTestId("tls")).toContainText("TLSv1.3");
  await expect(tls.getByTestId("tls")).toContainText("not trusted (DEPTH_ZERO_SELF_SIGNED_CERT)");
  await expect(tls.getByTestId("banner")).toContainText("nginx 1.24.0");
  // The server's words are shown as text: the summary opens a <pre>, never HTML.
  await tls.getByText("What it said").click();
  await expect(tls.locator("pre")).toContainText("Server: nginx/1.24.0");
  await expect(page.getByTestId(`result-${servers.ports.minecraft}`).getByTestId("game-info")).toContainText("3 of 20 players online");
  await page.screenshot({ path: testInfo.outputPath("what-answered.png"), fullPage: true });
});

test("a UDP-only service's port page offers the UDP check, and the result says which protocol ran", async ({ page }) => {
  const echo = createSocket("udp4");
  echo.on("message", (message, peer) => echo.send(message.length ? message : Buffer.from("pong"), peer.port, peer.address));
  await new Promise<void>((resolve) => echo.bind(0, "127.0.0.2", resolve));
  try {
    await page.goto("/ports/51820");
    await expect(page.getByText("WireGuard speaks UDP")).toBeVisible();
    await page.getByTestId("check-port").click();
    await expect(page).toHaveURL(/protocol=udp/);
    await expect(page.getByRole("radio", { name: "UDP" })).toBeChecked();
    await checkHost(page, `${echo.address().port}`);
    await expect(page.getByRole("heading", { name: /^UDP results for/ })).toBeVisible();
    await expect(page.getByTestId(`result-${echo.address().port}`)).toHaveAttribute("data-state", "open");
    await expect(page.getByTestId(`result-${echo.address().port}`)).toContainText("udp-response");
  } finally {
    echo.close();
  }
});

test("a visitor proves the port reaches their own machine with a one-time token", async ({ page }) => {
  await page.goto("/");
  await page.getByText("Is it really my machine?").click();
  await page.getByRole("button", { name: "Get a one-time token" }).click();
  const token = (await page.getByTestId("verify-token").textContent())!;
  expect(token).toMatch(/^pc-[a-z2-7]{24}$/);
  await expect(page.getByTestId("ownership-panel")).toContainText(`printf '${token}\\n' | nc -l`);
  const listener = await startTargetHost({ host: "127.0.0.2", servers: [{ kind: "banner", text: `${token}\n` }] });
  try {
    await checkHost(page, `${listener.ports.banner}`);
    await expect(page.getByTestId("ownership")).toHaveAttribute("data-verified", "true");
    await expect(page.getByTestId("ownership")).toContainText("Verified");
    await expect(page.getByTestId(`result-${listener.ports.banner}`)).toContainText("your machine");
  } finally {
    await listener.close();
  }
});

for (const width of [1280, 390]) {
  for (const scheme of ["light", "dark"] as const) {
    test(`the result page reads well at ${width} px in ${scheme} mode`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto("/");
      await checkHost(page, `${servers.ports.ssh}, ${servers.ports.tls}, 1`, { tls: "on" });
      // Nothing wider than the screen.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: testInfo.outputPath(`result-${width}-${scheme}.png`), fullPage: true });
    });
  }
}
