// Export an account's monitors in the import's shape, so that export -> import is a round trip:
// JSON with every setting (never a webhook secret), or CSV with name,host,port,intervalSeconds,expect.
import { stringify } from "csv-stringify/sync";
import type { Db } from "../db";
import { CSV_COLUMNS } from "./import-monitors";
import { listMonitors } from "./queries";

export async function exportMonitors(db: Db, userId: string, format: "csv" | "json"): Promise<{ body: string; contentType: string }> {
  const { items } = await listMonitors(db, userId, { limit: 100_000 });
  const rows = items.map((monitor) => ({
    name: monitor.name,
    host: monitor.host,
    port: monitor.port,
    intervalSeconds: monitor.intervalSeconds,
    timeoutMs: monitor.timeoutMs,
    expect: monitor.expect,
    confirmations: monitor.confirmations,
    paused: monitor.paused,
    emailAlerts: monitor.emailAlerts,
    webhookUrl: monitor.webhookUrl,
    alertRepeatMinutes: monitor.alertRepeatMinutes,
    protocol: monitor.protocol,
    family: monitor.family,
    tls: monitor.tls,
    degradedLatencyMs: monitor.degradedLatencyMs,
    send: monitor.send,
    expectReply: monitor.expectReply,
    certExpiryDays: monitor.certExpiryDays,
    regions: monitor.regions,
    quorum: monitor.quorum,
  }));
  if (format === "json") return { body: JSON.stringify(rows, null, 2), contentType: "application/json" };
  return { body: stringify(rows, { header: true, columns: [...CSV_COLUMNS] }), contentType: "text/csv; charset=utf-8" };
}
