// Every request gets an id (server.ts): the client's X-Request-Id when it is a sane token, a new UUID
// otherwise. It is echoed in the response, logged with the API request, and carried by a check's jobs so
// the worker's log lines of that check carry it too.
import { randomUUID } from "node:crypto";

export const REQUEST_ID_HEADER = "x-request-id";

const SANE = /^[A-Za-z0-9._:-]{8,64}$/;

export function requestIdFrom(value: string | string[] | undefined | null): string {
  const given = Array.isArray(value) ? value[0] : value;
  return given && SANE.test(given) ? given : randomUUID();
}
