// Removal of what crashed or killed test runs left behind. A namespace or link survives its creator when
// the process dies before teardown, and would hold its index N and addresses until someone deletes it.
import { LINK_PATTERN, NAME_PATTERN, NAMESPACE_PREFIX, OWNER_ALIAS } from "./names";
import { isAlive, killNamespaceProcesses, run } from "./shell";

/**
 * Deletes namespaces and links named by these helpers whose creating process is gone (a crashed or killed
 * test run). Namespaces of live processes, including parallel test files, are left alone.
 */
export async function cleanupStaleNamespaces(): Promise<void> {
  for (const name of await listNamespaces()) {
    const match = NAME_PATTERN.exec(name);
    if (!match || isAlive(Number(match[2]))) continue;
    await killNamespaceProcesses(name);
    await run("ip", ["netns", "del", name]).catch(() => {});
  }
  // A link outlives its namespace only if a run died between creating and moving it; its alias names the owner.
  const links = JSON.parse(await run("ip", ["-j", "link", "show"])) as { ifname: string; ifalias?: string }[];
  for (const link of links) {
    if (!LINK_PATTERN.test(link.ifname) || !link.ifalias?.startsWith(OWNER_ALIAS)) continue;
    if (isAlive(Number(link.ifalias.slice(OWNER_ALIAS.length)))) continue;
    await run("ip", ["link", "del", link.ifname]).catch(() => {});
  }
}

async function listNamespaces(): Promise<string[]> {
  const output = await run("ip", ["netns", "list"]);
  return output
    .split("\n")
    .map((line) => line.split(" ")[0]!)
    .filter((name) => name.startsWith(NAMESPACE_PREFIX));
}
