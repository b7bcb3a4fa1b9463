// GET /status/{slug}/feed.xml: a status page's incidents as an Atom feed, newest first, no login.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { formatDuration } from "@/lib/monitors/state-label";
import { publicStatus } from "@/lib/status-pages/public-status";

export const dynamic = "force-dynamic";

const escape = (text: string) => text.replace(/[<>&"']/g, (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[char]!);

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const status = await publicStatus(db(), (await params).slug);
  if (!status) return new Response("No such status page.\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const page = `${env().APP_URL}/status/${status.slug}`;
  const incidents = [...status.current, ...status.past];
  const entries = incidents.map((incident) => {
    const what = `${incident.monitorName}: ${incident.label.toLowerCase()}`;
    const summary = incident.endedAt ? `${what} for ${formatDuration(incident.durationSeconds)}, from ${incident.startedAt} to ${incident.endedAt}.` : `${what} since ${incident.startedAt} (ongoing).`;
    return `  <entry>
    <id>${escape(`${page}#incident-${incident.id}`)}</id>
    <title>${escape(incident.endedAt ? `${what} (resolved)` : what)}</title>
    <updated>${incident.endedAt ?? incident.startedAt}</updated>
    <published>${incident.startedAt}</published>
    <link href="${escape(page)}"/>
    <summary>${escape(summary)}</summary>
  </entry>`;
  });
  const updated = incidents.map((incident) => incident.endedAt ?? incident.startedAt).sort().at(-1) ?? status.updatedAt;
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escape(page)}</id>
  <title>${escape(`${status.title}: incidents`)}</title>
  <updated>${updated}</updated>
  <link rel="alternate" href="${escape(page)}"/>
  <link rel="self" href="${escape(`${page}/feed.xml`)}"/>
  <author><name>${escape(status.title)}</name></author>
${entries.join("\n")}
</feed>
`;
  return new Response(xml, { headers: { "content-type": "application/atom+xml; charset=utf-8", "cache-control": "public, max-age=60" } });
}
