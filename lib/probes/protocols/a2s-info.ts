// Source engine game servers (Valve's A2S_INFO query): what game, which map, how many players.
// Since 2020 servers may first answer with a challenge, which the request is then sent again with.
import { type Banner, type GameInfo, gameText } from "./banner";
import { sanitizeText } from "./sanitize-text";

const HEADER = 0xffffffff;
const A2S_INFO = 0x54;
const S2C_CHALLENGE = 0x41;
const INFO_RESPONSE = 0x49;
/** The Ship adds three bytes of game mode before the version; it is the only game that does. */
const THE_SHIP_APP_ID = 2400;

/** 25 bytes, or 29 with the 4-byte challenge from a previous S2C_CHALLENGE reply. */
export function a2sInfoRequest(challenge?: Buffer): Buffer {
  const request = Buffer.concat([Buffer.from([0xff, 0xff, 0xff, 0xff, A2S_INFO]), Buffer.from("Source Engine Query\0", "latin1")]);
  if (!challenge) return request;
  if (challenge.length !== 4) throw new RangeError("A2S challenge must be 4 bytes");
  return Buffer.concat([request, challenge]);
}

/** The challenge to resend a2sInfoRequest with, when the reply is S2C_CHALLENGE; null otherwise. */
export function a2sChallenge(reply: Buffer): Buffer | null {
  if (reply.length < 9 || reply.readUInt32BE(0) !== HEADER || reply[4] !== S2C_CHALLENGE) return null;
  return Buffer.from(reply.subarray(5, 9));
}

export function parseA2sInfo(reply: Buffer): Banner | null {
  if (reply.length < 6 || reply.readUInt32BE(0) !== HEADER || reply[4] !== INFO_RESPONSE) return null;
  const reader = new Reader(reply, 5);
  const protocol = reader.byte();
  const name = reader.string();
  const map = reader.string();
  reader.string(); // folder
  const game = reader.string();
  const appId = reader.uint16();
  const players = reader.byte();
  const maxPlayers = reader.byte();
  if (game === null || players === null || maxPlayers === null) return null;
  // What follows is optional for our purposes: a reply cut short still says what the server is.
  reader.skip(5); // bots, server type, environment, visibility, VAC
  if (appId === THE_SHIP_APP_ID) reader.skip(3);
  const version = reader.string();

  const info: GameInfo = {
    version: version ? sanitizeText(version, 64) || null : null,
    protocol,
    playersOnline: players,
    playersMax: maxPlayers,
    motd: sanitizeText(name ?? "", 256),
  };
  const mapName = sanitizeText(map ?? "", 128);
  if (mapName) info.map = mapName;
  return {
    service: "source-engine",
    product: sanitizeText(game, 128) || null,
    version: info.version,
    text: gameText(info),
    game: info,
  };
}

/** Reads fields in order; each returns null once the reply has run out, and so does every read after. */
class Reader {
  constructor(
    private readonly bytes: Buffer,
    private offset: number,
  ) {}

  byte(): number | null {
    if (this.offset >= this.bytes.length) return this.exhaust();
    return this.bytes[this.offset++]!;
  }

  uint16(): number | null {
    if (this.offset + 2 > this.bytes.length) return this.exhaust();
    const value = this.bytes.readUInt16LE(this.offset);
    this.offset += 2;
    return value;
  }

  string(): string | null {
    const end = this.bytes.indexOf(0, this.offset);
    if (this.offset >= this.bytes.length || end < 0) return this.exhaust();
    const value = this.bytes.toString("utf8", this.offset, end);
    this.offset = end + 1;
    return value;
  }

  skip(count: number): void {
    this.offset += count;
  }

  private exhaust(): null {
    this.offset = this.bytes.length;
    return null;
  }
}
