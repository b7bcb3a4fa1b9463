// Structured logs (pino) for the web and the worker.
import pino from "pino";
import { env } from "./env";

export const logger = pino({
  level: env().LOG_LEVEL,
  redact: ["req.headers.cookie", "req.headers.authorization"],
});
