import { describe, expect, it } from "vitest";
import { localAddressHint } from "./local-address-hint";

describe("localAddressHint", () => {
  it("explains private, loopback and link-local addresses and names the public IP", () => {
    expect(localAddressHint("192.168.1.20", "203.0.113.7")).toMatch(/^192\.168\.1\.20 is a private \(home or office network\) address: .* Your public IP is 203\.0\.113\.7/);
    expect(localAddressHint("127.0.0.1", null)).toContain("loopback");
    expect(localAddressHint("fe80::1", null)).toContain("link-local");
    expect(localAddressHint("[fd00::5]", null)).toContain("unique local");
    expect(localAddressHint("::ffff:10.0.0.1", null)).toContain("private");
    expect(localAddressHint("localhost", "198.51.100.4")).toMatch(/^That is this device itself/);
  });

  it("says nothing for public addresses and names", () => {
    expect(localAddressHint("203.0.113.7", null)).toBeNull();
    expect(localAddressHint("example.com", null)).toBeNull();
  });
});
