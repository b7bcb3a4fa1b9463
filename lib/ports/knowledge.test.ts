import { describe, expect, it } from "vitest";
import { TROJAN_CAVEAT, verdictAdvice } from "./advice";
import { portKnowledge } from "./knowledge";
import { notablePorts, PORT_NOTES } from "./notes";
import { parsePortParam, portRange } from "./ranges";
import { searchPorts } from "./search";

describe("portKnowledge", () => {
  it("knows port 22: well-known, SSH on TCP and UDP, and no note", () => {
    expect(portKnowledge(22)).toEqual({
      port: 22,
      range: expect.objectContaining({ name: "well-known", from: 0, to: 1023 }),
      services: { tcp: { name: "ssh", description: "The Secure Shell (SSH) Protocol" }, udp: { name: "ssh", description: "The Secure Shell (SSH) Protocol" } },
      notes: [],
      checkProtocol: "tcp",
    });
  });

  it("offers the UDP check for services that speak UDP, the TCP check elsewhere", () => {
    for (const port of [123, 19132, 51820, 3478]) expect(portKnowledge(port).checkProtocol, `port ${port}`).toBe("udp");
    for (const port of [22, 80, 443, 25565, 3389]) expect(portKnowledge(port).checkProtocol, `port ${port}`).toBe("tcp");
  });

  it("gives advice that fits UDP and the reason behind a verdict", () => {
    expect(verdictAdvice("open|filtered", 51820, { protocol: "udp", reason: "no-response" })).toContain("WireGuard never does");
    expect(verdictAdvice("closed", 53, { protocol: "udp", reason: "port-unreach" })).toContain("ICMP port unreachable");
    expect(verdictAdvice("filtered", 22, { reason: "admin-prohibited" })).toContain("rejected the connection (admin-prohibited)");
    expect(verdictAdvice("filtered", 22, { reason: "no-response" })).toContain("No answer came back");
    expect(verdictAdvice("error", 22, { reason: "no-route" })).toContain("no route to this address family");
  });

  it("knows port 80 carries the web, and that home providers may block it", () => {
    const knowledge = portKnowledge(80);
    expect(knowledge.services.tcp).toEqual({ name: "www-http", description: "World Wide Web HTTP" });
    expect(knowledge.notes.map((note) => note.kind)).toEqual(["isp-block"]);
  });

  it("knows port 31337 from Back Orifice, with a source", () => {
    const [note] = portKnowledge(31337).notes;
    expect(note).toMatchObject({ kind: "trojan", title: "Back Orifice", protocol: "udp" });
    expect(note!.source.length).toBeGreaterThan(5);
    expect(portKnowledge(31337).range.name).toBe("registered");
  });

  it("knows 49152 and 65535 are dynamic and unassigned", () => {
    for (const port of [49152, 65535]) {
      expect(portKnowledge(port)).toMatchObject({ port, range: { name: "dynamic", from: 49152, to: 65535 }, services: { tcp: null, udp: null }, notes: [] });
    }
  });

  it("says an unassigned port has no service", () => {
    expect(portKnowledge(4).services).toEqual({ tcp: null, udp: null });
    expect(portKnowledge(4).range.name).toBe("well-known");
  });

  it("lists both trojan and exposure notes where both apply, trojans first", () => {
    expect(portKnowledge(4444).notes.map((note) => note.kind)).toEqual(["trojan"]);
    expect(portKnowledge(445).notes.map((note) => note.kind)).toEqual(["exposure", "isp-block"]);
  });
});

describe("port ranges", () => {
  it.each([
    [0, "well-known"],
    [1023, "well-known"],
    [1024, "registered"],
    [49151, "registered"],
    [49152, "dynamic"],
    [65535, "dynamic"],
  ])("port %i is %s", (port, name) => {
    expect(portRange(port).name).toBe(name);
  });

  it.each([-1, 65536, 1.5, Number.NaN])("%s is not a port", (value) => {
    expect(() => portRange(value)).toThrow(RangeError);
  });

  it.each([
    ["0", 0],
    ["22", 22],
    ["0443", 443],
    ["65535", 65535],
    ["65536", null],
    ["-1", null],
    ["22.5", null],
    ["abc", null],
    ["", null],
    ["123456", null],
    [" 22", null],
  ])("the URL segment %j is %s", (text, expected) => {
    expect(parsePortParam(text)).toBe(expected);
  });
});

describe("curated notes", () => {
  it("are well formed: valid ports, a title, a text and a source each", () => {
    for (const note of PORT_NOTES) {
      expect(note.ports.length, note.title).toBeGreaterThan(0);
      for (const port of note.ports) expect(parsePortParam(String(port)), note.title).toBe(port);
      expect(note.text.length, note.title).toBeGreaterThan(20);
      expect(note.source.length, note.title).toBeGreaterThan(5);
    }
  });

  it("cover the trojans and risky services people ask about", () => {
    const notable = notablePorts();
    for (const port of [31337, 12345, 12346, 27374, 54320, 54321, 1243, 6711, 6712, 6713, 20034, 4444, 23, 135, 139, 445, 3389, 5900, 6379, 9200, 27017, 2375, 11211, 3306, 5432]) {
      expect(notable, String(port)).toContain(port);
    }
  });
});

describe("verdictAdvice", () => {
  it("tells how to restrict an open risky service", () => {
    const advice = verdictAdvice("open", 3389);
    expect(advice).toContain("Remote Desktop");
    expect(advice).toContain("VPN");
  });

  it("calls a trojan port a hint, not proof, and says how to find the listener", () => {
    const advice = verdictAdvice("open", 31337);
    expect(advice).toContain("Back Orifice");
    expect(advice).toContain(TROJAN_CAVEAT);
    expect(advice).toContain("ss -ltnp");
  });

  it("explains a closed port: is the service running, on all interfaces", () => {
    expect(verdictAdvice("closed", 8080)).toMatch(/running.*all interfaces/);
  });

  it("explains a filtered port: forward it, allow it, providers block 25 and 445", () => {
    expect(verdictAdvice("filtered", 8080)).toMatch(/forward it on your router.*25 and 445/);
    expect(verdictAdvice("filtered", 25)).toContain("587");
    expect(verdictAdvice("filtered", 445)).toContain("WannaCry");
  });

  it("recognises popular unregistered uses", () => {
    expect(verdictAdvice("open", 25565)).toContain("Minecraft");
  });
});

describe("searchPorts", () => {
  it("finds a port by number", () => {
    expect(searchPorts("22")).toEqual([{ port: 22, name: "ssh", description: "The Secure Shell (SSH) Protocol" }]);
    expect(searchPorts("65536")).toEqual([]);
  });

  it("finds ports by service name, exact names first", () => {
    expect(searchPorts("ssh")[0]?.port).toBe(22);
    expect(searchPorts("HTTPS")[0]?.port).toBe(443);
    expect(searchPorts("minecraft").map((match) => match.port)).toEqual(expect.arrayContaining([25565, 19132]));
    expect(searchPorts("redis").map((match) => match.port)).toContain(6379);
  });

  it("is bounded", () => {
    expect(searchPorts("a", 50).length).toBeLessThanOrEqual(50);
    expect(searchPorts("   ")).toEqual([]);
    expect(searchPorts("x".repeat(10_000))).toEqual([]);
  });
});
