// Random, unguessable ids (16 bytes, base64url): check and monitor ids never reveal or allow guessing others.
import { randomBytes } from "node:crypto";

export function newId(): string {
  return randomBytes(16).toString("base64url");
}
