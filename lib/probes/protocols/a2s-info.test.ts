import { describe, expect, it } from "vitest";
import { a2sChallenge, a2sInfoRequest, parseA2sInfo } from "./a2s-info";

const cstring = (value: string) => Buffer.from(`${value}\0`, "utf8");

/** An A2S_INFO response as Valve documents it, up to the version string and an EDF with the game port. */
function infoResponse({ appId = 730, name = "My CS2 Server", tail = true } = {}): Buffer {
  const id = Buffer.alloc(2);
  id.writeUInt16LE(appId);
  return Buffer.concat([
    Buffer.from([0xff, 0xff, 0xff, 0xff, 0x49, 17]),
    cstring(name),
    cstring("de_dust2"),
    cstring("csgo"),
    cstring("Counter-Strike 2"),
    id,
    Buffer.from([5, 20, 1, 0x64, 0x6c, 0, 1]), // players, max, bots, 'd', 'l', public, VAC
    ...(appId === 2400 ? [Buffer.from([0, 3, 60])] : []),
    ...(tail ? [cstring("1.40.1.3"), Buffer.from([0x80, 0x87, 0x69])] : []),
  ]);
}

describe("a2sInfoRequest", () => {
  it("is the 25-byte query, or 29 with a challenge appended", () => {
    expect(a2sInfoRequest().toString("latin1")).toBe("\xff\xff\xff\xffTSource Engine Query\0");
    expect(a2sInfoRequest()).toHaveLength(25);
    const challenged = a2sInfoRequest(Buffer.from("0a0b0c0d", "hex"));
    expect(challenged).toHaveLength(29);
    expect(challenged.subarray(25).toString("hex")).toBe("0a0b0c0d");
  });

  it("takes the challenge out of S2C_CHALLENGE", () => {
    expect(a2sChallenge(Buffer.from("ffffffff410a0b0c0d", "hex"))?.toString("hex")).toBe("0a0b0c0d");
    expect(a2sChallenge(Buffer.from("ffffffff410a0b", "hex"))).toBeNull();
    expect(a2sChallenge(infoResponse())).toBeNull();
  });
});

describe("parseA2sInfo", () => {
  it("reads game, name, map, players and version", () => {
    const game = { version: "1.40.1.3", protocol: 17, playersOnline: 5, playersMax: 20, motd: "My CS2 Server", map: "de_dust2" };
    expect(parseA2sInfo(infoResponse())).toEqual({
      service: "source-engine",
      product: "Counter-Strike 2",
      version: "1.40.1.3",
      text: "My CS2 Server\nMap: de_dust2\nPlayers: 5/20",
      game,
    });
  });

  it("skips The Ship's extra fields", () => {
    expect(parseA2sInfo(infoResponse({ appId: 2400 }))?.version).toBe("1.40.1.3");
  });

  it("reads a reply cut after the player counts", () => {
    expect(parseA2sInfo(infoResponse({ tail: false }))).toMatchObject({ version: null, game: { playersOnline: 5 } });
  });

  it("escapes control characters in server-chosen names", () => {
    expect(parseA2sInfo(infoResponse({ name: "\x1b[5mBLINK\u202E" }))?.game?.motd).toBe("\\x1B[5mBLINK\\u{202E}");
  });

  it("returns null for challenges, truncations and garbage, never throws", () => {
    expect(parseA2sInfo(Buffer.from("ffffffff410a0b0c0d", "hex"))).toBeNull();
    const whole = infoResponse();
    const firstGood = whole.indexOf("Counter-Strike 2") + "Counter-Strike 2".length + 1 + 2 + 2;
    for (let end = 0; end < firstGood; end++) expect(parseA2sInfo(whole.subarray(0, end))).toBeNull();
    for (let end = firstGood; end <= whole.length; end++) expect(parseA2sInfo(whole.subarray(0, end))?.service).toBe("source-engine");
  });
});
