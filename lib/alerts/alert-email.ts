// An alert as an e-mail: a plain-text part and a readable HTML part (one column, inline styles, no images
// or remote fonts), every value escaped, times in the reader's zone. Pure.
import type { AlertPayload } from "./alert-payload";
import { type AlertMessage, alertMessage, alertPlainText } from "./alert-message";

const COLOURS: Record<AlertMessage["severity"], string> = { bad: "#b91c1c", good: "#15803d", warning: "#b45309", info: "#1d4ed8" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);
}

function html(message: AlertMessage): string {
  const colour = COLOURS[message.severity];
  const rows = message.facts
    .map(([label, value]) => `<tr><th align="left" valign="top" style="padding:6px 12px 6px 0;color:#475569;font-weight:600;white-space:nowrap">${escapeHtml(label)}</th><td style="padding:6px 0;color:#0f172a;word-break:break-word">${escapeHtml(value)}</td></tr>`)
    .join("");
  const sentences = message.sentences.map((sentence) => `<p style="margin:0 0 10px;font-size:16px;line-height:1.5;color:#0f172a">${escapeHtml(sentence)}</p>`).join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(message.subject)}</title></head>
<body style="margin:0;padding:0;background:#f1f5f9;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f1f5f9"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px;border-top:6px solid ${colour}">
<tr><td style="padding:24px">
<p style="margin:0 0 12px"><span style="display:inline-block;padding:4px 10px;border-radius:4px;background:${colour};color:#ffffff;font-weight:700;font-size:14px;letter-spacing:0.04em">${escapeHtml(message.headline)}</span></p>
<h1 style="margin:0 0 16px;font-size:20px;line-height:1.3;color:#0f172a">${escapeHtml(message.subject)}</h1>
${sentences}
<table role="presentation" cellpadding="0" cellspacing="0" style="margin:16px 0;font-size:14px;border-collapse:collapse">${rows}</table>
<p style="margin:20px 0 0"><a href="${escapeHtml(message.url)}" style="display:inline-block;padding:10px 16px;border-radius:6px;background:#0f172a;color:#ffffff;text-decoration:none;font-weight:600">Open the monitor</a></p>
<p style="margin:12px 0 0;font-size:12px;color:#64748b;word-break:break-all">${escapeHtml(message.url)}</p>
</td></tr></table>
<p style="margin:16px 0 0;font-size:12px;color:#64748b">Sent by Portcheck. Change where alerts go on the monitor's page or under Channels.</p>
</td></tr></table>
</body></html>`;
}

export function alertEmail(payload: AlertPayload, timeZone = "UTC"): { subject: string; text: string; html: string } {
  const message = alertMessage(payload, timeZone);
  return { subject: message.subject, text: alertPlainText(message), html: html(message) };
}
