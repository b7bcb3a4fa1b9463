// Starts the probe thread from TypeScript sources: a worker thread does not inherit tsx's loader,
// so it registers it before importing the thread's module.
import { register } from "tsx/esm/api";

register();
await import("./probe-thread.ts");
