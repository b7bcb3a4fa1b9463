// A monitor's `send` text: at most 256 bytes, one line, written with \r \n \t \\ escapes. It is for
// health questions ("PING", "HEAD / HTTP/1.0"), so it must never become a way to push data at third
// parties: one line, once per interval, after a completed handshake, and never a command that changes
// something on a server that does not check who asks (Redis, memcached, SMTP, HTTP, FTP...).
// Pure: the form and the API share it.

import { MAX_PAYLOAD_BYTES } from "../probes/option-limits";

export { MAX_PAYLOAD_BYTES };

/** Turns the escapes \r \n \t \\ into their characters; other backslashes stay as they are. */
export function unescapePayload(text: string): string {
  return text.replace(/\\([rnt\\])/g, (_, char: string) => ({ r: "\r", n: "\n", t: "\t", "\\": "\\" })[char]!);
}

/** First words that would change state on a server that trusts whoever connects. */
const MUTATING = new Set([
  // Redis
  "set", "setex", "setnx", "psetex", "mset", "msetnx", "getset", "getdel", "del", "unlink", "flushall", "flushdb", "config", "slaveof", "replicaof",
  "shutdown", "eval", "evalsha", "eval_ro", "fcall", "function", "script", "module", "debug", "migrate", "restore", "save", "bgsave", "bgrewriteaof",
  "client", "acl", "lpush", "rpush", "lset", "ltrim", "sadd", "srem", "hset", "hdel", "hmset", "zadd", "zrem", "expire", "pexpire", "persist", "rename",
  "append", "incr", "incrby", "decr", "decrby", "publish", "xadd", "xdel", "copy", "move", "swapdb", "failover", "cluster", "sync", "psync",
  // memcached
  "add", "replace", "prepend", "cas", "delete", "touch", "flush_all", "verbosity",
  // SMTP
  "mail", "rcpt", "data", "vrfy", "expn", "etrn", "turn", "auth",
  // HTTP
  "post", "put", "patch", "connect", "trace",
  // FTP
  "stor", "stou", "appe", "dele", "rmd", "mkd", "rnfr", "rnto", "site", "user", "pass",
]);

/** Why `text` cannot be sent, in words, or null when it can. */
export function payloadProblem(text: string): string | null {
  const payload = unescapePayload(text);
  if (payload.length === 0) return "send is empty: leave it out to send nothing.";
  if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) return `send is at most ${MAX_PAYLOAD_BYTES} bytes.`;
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(payload)) return "send is text: only \\r, \\n and \\t are allowed as control characters.";
  if (/[\r\n]./s.test(payload.replace(/\r?\n$/, ""))) return "send is one line: a line break is only allowed at the end.";
  const verb = payload.trim().split(/\s+/)[0]!.toLowerCase();
  if (MUTATING.has(verb)) return `send may only ask, never change anything: "${verb.toUpperCase()}" is refused.`;
  return null;
}
