// The regions a form offers, read on the server: every known region with whether it is available, and
// the defaults. Empty when Redis is away (the form then simply asks the default regions).
import { env } from "../env";
import { readyRedis } from "../redis";
import { webContext } from "../web-context";
import { listRegions } from "./registry";

export interface RegionChoice {
  id: string;
  label: string | null;
  available: boolean;
}

export async function regionChoices(): Promise<{ regions: RegionChoice[]; defaults: string[] }> {
  const { REDIS_PREFIX, DEFAULT_REGIONS } = env();
  try {
    const redis = await readyRedis(webContext().redis, 1000);
    const regions = await listRegions(redis, REDIS_PREFIX, DEFAULT_REGIONS);
    return { regions: regions.map(({ id, label, available }) => ({ id, label, available })), defaults: DEFAULT_REGIONS };
  } catch {
    return { regions: [], defaults: DEFAULT_REGIONS };
  }
}
