// What a monitor's public badges say: its state, or its uptime over a period. The monitor's id is the
// only key (16 random bytes, unguessable); a badge reveals the state or a percentage, never the name,
// host or port. Unknown ids and bad periods get a grey badge with 404 or 400.
import type { Db } from "../db";
import { type BadgeColour, badgeSvg } from "./badge-svg";
import { stateLabel } from "./state-label";
import { UPTIME_WINDOWS, uptimeFigures } from "./uptime";
import { statePeriods } from "./views";

export interface Badge {
  status: 200 | 400 | 404;
  svg: string;
}

const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

async function findMonitor(db: Db, id: string) {
  if (!ID_PATTERN.test(id)) return null;
  return db.monitor.findUnique({ where: { id }, select: { id: true, state: true, expect: true } });
}

export async function statusBadge(db: Db, id: string): Promise<Badge> {
  const monitor = await findMonitor(db, id);
  if (!monitor) return { status: 404, svg: badgeSvg("status", "unknown", "grey") };
  const label = stateLabel(monitor.expect, monitor.state);
  const colour: BadgeColour = label === "UP" ? "green" : label === "SLOW" ? "amber" : label === "DOWN" || label === "EXPOSED" ? "red" : "grey";
  return { status: 200, svg: badgeSvg("status", label.toLowerCase(), colour) };
}

export async function uptimeBadge(db: Db, id: string, period: string | null): Promise<Badge> {
  const window = (period ?? "30d") as keyof typeof UPTIME_WINDOWS;
  if (!(window in UPTIME_WINDOWS)) return { status: 400, svg: badgeSvg("uptime", "period: 24h, 7d or 30d", "grey") };
  const monitor = await findMonitor(db, id);
  if (!monitor) return { status: 404, svg: badgeSvg(`uptime ${window}`, "unknown", "grey") };
  const percent = uptimeFigures((await statePeriods(db, [id])).get(id) ?? [])[window];
  if (percent === null) return { status: 200, svg: badgeSvg(`uptime ${window}`, "no data", "grey") };
  const colour: BadgeColour = percent >= 99.9 ? "green" : percent >= 99 ? "amber" : "red";
  const text = percent === 100 ? "100%" : `${percent.toFixed(percent >= 99.9 ? 3 : 2).replace(/0+$/, "").replace(/\.$/, "")}%`;
  return { status: 200, svg: badgeSvg(`uptime ${window}`, text, colour) };
}

export function badgeResponse(badge: Badge): Response {
  return new Response(badge.svg, {
    status: badge.status,
    headers: { "content-type": "image/svg+xml; charset=utf-8", "cache-control": badge.status === 200 ? "public, max-age=60" : "no-store", "x-content-type-options": "nosniff" },
  });
}
