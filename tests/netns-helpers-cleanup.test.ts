// Clearing what a crashed or killed test run left behind, without touching a live run's namespaces:
// parallel runs on one host depend on it. Needs root.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cleanupStaleNamespaces, createNamespace } from "./helpers/netns";
import { ourLinks } from "./helpers/netns-checks";

describe("cleanupStaleNamespaces", () => {
  it("deletes namespaces and links left by a dead process, and nothing of a live one", async () => {
    // Above pid_max, so certainly dead; the index is above the range createNamespace() hands out, and
    // differs per process so parallel runs of this file do not collide.
    const deadPid = Number(readFileSync("/proc/sys/kernel/pid_max", "utf8")) + 1;
    const index = 251 + (process.pid % 700);
    const live = await createNamespace();
    try {
      execFileSync("ip", ["netns", "add", `pctest-${index}-${deadPid}`]);
      execFileSync("ip", ["link", "add", `pct${index}-h`, "type", "veth", "peer", "name", `pct${index}-n`]);
      execFileSync("ip", ["link", "set", "dev", `pct${index}-h`, "alias", `pctest-pid-${deadPid}`]);
      await cleanupStaleNamespaces();
      const namespaces = execFileSync("ip", ["netns", "list"]).toString();
      expect(namespaces).not.toContain(`pctest-${index}-${deadPid}`);
      expect(namespaces).toContain(live.name);
      expect(ourLinks()).not.toContain(`pct${index}-h`);
      expect(ourLinks()).toContain(live.hostInterface);
    } finally {
      await live.destroy();
    }
  });
});
