// /ports/{port}: one port explained. Well-known and notable ports are built statically; others on first visit.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { rowClass, Table } from "@/app/_components/table";
import { TROJAN_CAVEAT } from "@/lib/ports/advice";
import { portKnowledge } from "@/lib/ports/knowledge";
import { notablePorts } from "@/lib/ports/notes";
import { MAX_PORT_NUMBER, parsePortParam } from "@/lib/ports/ranges";
import { UDP_FIRST_PORTS } from "@/lib/ports/udp-first";

type Params = { params: Promise<{ port: string }> };

export function generateStaticParams(): { port: string }[] {
  const ports = new Set([...Array.from({ length: 1024 }, (_, port) => port), ...notablePorts(), 1080, 1194, 1723, 3000, 5000, 8000, 8080, 8443, 25565, 27015, 32400, 51820]);
  return [...ports].map((port) => ({ port: String(port) }));
}

function serviceSummary(port: number): string {
  const { services } = portKnowledge(port);
  const service = services.tcp ?? services.udp;
  return service ? `${service.name} (${service.description})` : "no IANA-registered service";
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const port = parsePortParam((await params).port);
  if (port === null) return { title: "Not a port" };
  const knowledge = portKnowledge(port);
  const service = knowledge.services.tcp ?? knowledge.services.udp;
  const note = knowledge.notes[0];
  const risk = note ? ` ${note.title}${note.kind === "trojan" ? ": known from malware" : note.kind === "exposure" ? ": risky to expose" : ""}.` : "";
  return {
    title: `Port ${port}${service ? `: ${service.name}` : ""} — what it is and how to check it`,
    description: `Port ${port} is a ${knowledge.range.name} port with ${serviceSummary(port)}.${risk} Check whether it is open from the internet, and how to open or close it.`,
  };
}

const KIND_LABEL = { trojan: "Trojan or backdoor", exposure: "Risky to expose", "isp-block": "Often blocked", "common-use": "Common use" } as const;
const KIND_STYLE = {
  trojan: "border-purple-300 bg-purple-50 dark:border-purple-800 dark:bg-purple-950",
  exposure: "border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950",
  "isp-block": "border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950",
  "common-use": "border-slate-300 bg-slate-50 dark:border-slate-700 dark:bg-slate-900",
} as const;

export default async function PortPage({ params }: Params) {
  const port = parsePortParam((await params).port);
  if (port === null) notFound();
  const knowledge = portKnowledge(port);
  const hasTrojanNote = knowledge.notes.some((note) => note.kind === "trojan");
  return (
    <article className="space-y-8">
      <header>
        <p className="text-sm">
          <Link href="/ports" className="text-blue-700 underline underline-offset-2 dark:text-blue-400">
            ← All ports
          </Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold">Port {port}</h1>
        <p className="mt-2 text-lg text-slate-600 dark:text-slate-400">
          A {knowledge.range.name} port{knowledge.services.tcp || knowledge.services.udp ? `; IANA lists ${serviceSummary(port)}` : " with no IANA-registered service"}.
        </p>
        {port > 0 && (
          <p className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-2">
            <Link
              href={`/?ports=${port}${knowledge.checkProtocol === "udp" ? "&protocol=udp" : ""}`}
              data-testid="check-port"
              className="inline-block rounded-md bg-blue-600 px-4 py-2 font-semibold text-white hover:bg-blue-700 dark:bg-blue-500"
            >
              Check if {knowledge.checkProtocol === "udp" ? "UDP " : ""}port {port} is open
            </Link>
            <Link href={`/?ports=${port}${knowledge.checkProtocol === "udp" ? "" : "&protocol=udp"}`} className="text-sm text-blue-700 underline underline-offset-2 dark:text-blue-400">
              or check it over {knowledge.checkProtocol === "udp" ? "TCP" : "UDP"}
            </Link>
          </p>
        )}
        {knowledge.checkProtocol === "udp" && port > 0 && (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            {UDP_FIRST_PORTS[port]} speaks UDP, so a TCP check of this port would say nothing about it. Over UDP, only a reply proves the port open; many UDP services (WireGuard among them) never answer a stranger, so expect &ldquo;open or filtered&rdquo; from them.
          </p>
        )}
      </header>

      {knowledge.notes.length > 0 && (
        <section aria-labelledby="notes" className="space-y-3">
          <h2 id="notes" className="text-xl font-semibold">
            What to know
          </h2>
          {knowledge.notes.map((note) => (
            <div key={`${note.kind}-${note.title}`} className={`rounded-md border p-4 ${KIND_STYLE[note.kind]}`} data-note-kind={note.kind}>
              <p className="text-sm font-semibold uppercase tracking-wide">{KIND_LABEL[note.kind]}</p>
              <p className="mt-1 font-medium">
                {note.title} ({note.protocol.toUpperCase()})
              </p>
              <p className="mt-1">{note.text}</p>
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Source: {note.source}</p>
            </div>
          ))}
          {hasTrojanNote && <p className="text-sm">{TROJAN_CAVEAT}</p>}
        </section>
      )}

      <section aria-labelledby="services">
        <h2 id="services" className="text-xl font-semibold">
          IANA registration
        </h2>
        <Table columns={["Protocol", "Service", "Description"]}>
            {(["tcp", "udp"] as const).map((protocol) => {
              const service = knowledge.services[protocol];
              return (
                <tr key={protocol} className={rowClass}>
                  <td className="py-2 pr-4 uppercase">{protocol}</td>
                  <td className="py-2 pr-4 font-mono">{service?.name ?? "—"}</td>
                  <td className="py-2">{service?.description ?? "Unassigned"}</td>
                </tr>
              );
            })}
          </Table>
        <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">{knowledge.range.meaning}</p>
      </section>

      <section aria-labelledby="howto">
        <h2 id="howto" className="text-xl font-semibold">
          Open or close port {port}
        </h2>
        <p className="mt-2">
          The quick way to close a port is to close the program that holds it open. To open one, the program must listen, the firewall must allow it, and a home router
          must forward it. Step by step: <Link href="/guides/open-a-port" className="text-blue-700 underline dark:text-blue-400">how to open (forward) a port</Link> and{" "}
          <Link href="/guides/close-a-port" className="text-blue-700 underline dark:text-blue-400">how to close a port</Link>.
        </p>
      </section>

      <nav aria-label="Neighbouring ports" className="flex justify-between text-sm">
        {port > 0 ? <Link href={`/ports/${port - 1}`} className="text-blue-700 underline dark:text-blue-400">← Port {port - 1}</Link> : <span />}
        {port < MAX_PORT_NUMBER ? <Link href={`/ports/${port + 1}`} className="text-blue-700 underline dark:text-blue-400">Port {port + 1} →</Link> : <span />}
      </nav>
    </article>
  );
}
