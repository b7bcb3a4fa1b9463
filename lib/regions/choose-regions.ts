// Which regions a check or a monitor asks: the ones it names ("all": every region with a live worker),
// else the operator's DEFAULT_REGIONS. An unknown name is the caller's mistake (400); a known region
// with no live worker is unavailable: its part ends at once as region_unavailable, nobody waits for it.
import type { Redis } from "ioredis";
import { ProblemError, serviceUnavailable } from "../problem-error";
import { listRegions } from "./registry";

export type RegionsChoice = "all" | string[] | undefined;

export interface ChosenRegions {
  /** Every region asked, in order. */
  regions: string[];
  /** Those with no live worker now. */
  unavailable: Set<string>;
}

export async function chooseRegions(redis: Redis, prefix: string, defaults: readonly string[], choice: RegionsChoice): Promise<ChosenRegions> {
  const known = await listRegions(redis, prefix, defaults);
  const live = new Set(known.filter((region) => region.available).map((region) => region.id));
  if (choice === "all") {
    if (live.size === 0) throw serviceUnavailable("No region has a live worker right now. Please try again shortly.");
    return { regions: [...live].sort(), unavailable: new Set() };
  }
  const regions = [...new Set(choice ?? defaults)];
  const names = new Set(known.map((region) => region.id));
  const errors = regions.flatMap((name, index) =>
    names.has(name) ? [] : [{ path: `regions/${index}`, message: `There is no region "${name}". Regions: ${[...names].sort().join(", ") || "none"} (GET /api/v1/regions).` }],
  );
  if (errors.length) throw new ProblemError("invalid_request", errors.map((error) => error.message).join(" "), { errors });
  return { regions, unavailable: new Set(regions.filter((name) => !live.has(name))) };
}

export const REGION_UNAVAILABLE_MESSAGE = "No worker of this region is running, so it could not take part.";

/** A monitor may name a region that is down now, but not one that does not exist. */
export async function assertKnownRegions(redis: Redis, prefix: string, defaults: readonly string[], names: readonly string[], path = "regions"): Promise<void> {
  const known = new Set((await listRegions(redis, prefix, defaults)).map((region) => region.id));
  const errors = names.flatMap((name, index) =>
    known.has(name) ? [] : [{ path: `${path}/${index}`, message: `There is no region "${name}". Regions: ${[...known].sort().join(", ") || "none"} (GET /api/v1/regions).` }],
  );
  if (errors.length) throw new ProblemError("invalid_request", errors.map((error) => error.message).join(" "), { errors });
}
