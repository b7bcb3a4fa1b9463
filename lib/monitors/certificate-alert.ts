// A certificate about to expire is told once per certificate: when a run sees a certificate with at most
// certExpiryDays left whose fingerprint was not alerted yet. A renewed certificate starts afresh.
import { createHash } from "node:crypto";
import { type AlertTarget, createDeliveries, type Tx } from "../alerts/create-deliveries";
import type { TlsInfo } from "../probes/types";

/** Whether this certificate is to be told about now (pure: the fast vote path asks before it writes). */
export function certificateAlertDue(monitor: { certExpiryDays: number | null; certAlertedFingerprint: string | null }, tls: TlsInfo | null): boolean {
  if (monitor.certExpiryDays === null || !tls?.fingerprint || tls.daysLeft === null) return false;
  return tls.daysLeft <= monitor.certExpiryDays && tls.fingerprint !== monitor.certAlertedFingerprint;
}

export async function certificateAlert(
  tx: Tx,
  monitor: AlertTarget & { certExpiryDays: number | null; certAlertedFingerprint: string | null },
  tls: TlsInfo | null,
): Promise<string[]> {
  if (!tls?.fingerprint || !certificateAlertDue(monitor, tls)) return [];
  await tx.monitor.update({ where: { id: monitor.id }, data: { certAlertedFingerprint: tls.fingerprint } });
  const key = `${monitor.id}-certificate-${createHash("sha256").update(tls.fingerprint).digest("hex").slice(0, 16)}`;
  return createDeliveries(tx, monitor, "certificate", null, key, {
    certificate: { subject: tls.subject, issuer: tls.issuer, validTo: tls.validTo, daysLeft: tls.daysLeft, fingerprint: tls.fingerprint },
  });
}
