// Home: the instant checker, prefilled with the visitor's public IP.
import { headers } from "next/headers";
import { Checker } from "@/app/_components/checker";
import { ExposureScanButton } from "@/app/_components/exposure-scan-button";
import { env } from "@/lib/env";
import { currentUser } from "@/lib/auth/session";
import { clientIp } from "@/lib/http/client-ip";
import Link from "next/link";
import { STATE_TEXT } from "@/lib/probes/verdict-states";
import { regionChoices } from "@/lib/regions/region-choices";

const LEGEND_COLOURS = {
  open: "text-green-700 dark:text-green-400",
  closed: "text-red-700 dark:text-red-400",
  filtered: "text-amber-700 dark:text-amber-400",
  "open|filtered": "text-sky-700 dark:text-sky-300",
} as const;

export const dynamic = "force-dynamic";

export default async function HomePage({ searchParams }: { searchParams: Promise<{ ports?: string | string[]; protocol?: string | string[] }> }) {
  const requestHeaders = await headers();
  const client = clientIp(requestHeaders, env().TRUSTED_PROXIES);
  const user = await currentUser(requestHeaders).catch(() => null);
  const query = await searchParams;
  const requested = query.ports;
  const protocol = (Array.isArray(query.protocol) ? query.protocol[0] : query.protocol) === "udp" ? "udp" : "tcp";
  // A link such as /?ports=3389 (from a port page) prefills the ports field; the form validates it.
  const initialPorts = (Array.isArray(requested) ? requested[0] : requested)?.slice(0, 200) ?? "22, 80, 443";
  return (
    <>
      <section className="mb-6">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Can the internet reach this port?</h1>
        <p className="mt-2 text-lg text-slate-600 dark:text-slate-400">
          Portcheck connects to your IP address or server from the outside and tells you, port by port and over IPv4 and IPv6, whether it is open, closed or filtered, and what answered.
        </p>
        <p className="mt-4 text-sm">
          Your public IP address:{" "}
          <strong className="font-mono text-base" data-testid="visitor-ip">
            {client?.ip ?? "unknown"}
          </strong>
          {client && <span className="text-slate-500 dark:text-slate-400"> (IPv{client.version})</span>}
        </p>
      </section>
      <p className="mb-4 text-sm">
        {user ? (
          <Link href="/dashboard" className="text-blue-700 underline dark:text-blue-400">Your monitors →</Link>
        ) : (
          <>
            Want to know when a port stops answering, or starts to? <Link href="/sign-up" className="text-blue-700 underline dark:text-blue-400">Create an account</Link> for scheduled monitors with alerts.
          </>
        )}
      </p>
      <Checker clientIp={client?.ip ?? null} maxPorts={env().MAX_PORTS_PER_CHECK} initialPorts={initialPorts} initialProtocol={protocol} regionChoices={await regionChoices()} />
      <ExposureScanButton clientIp={client?.ip ?? null} />
      <section className="mt-12 grid gap-6 text-sm text-slate-700 sm:grid-cols-2 lg:grid-cols-4 dark:text-slate-300" aria-label="What the verdicts mean">
        {(["open", "closed", "filtered", "open|filtered"] as const).map((state) => (
          <div key={state}>
            <h2 className={`font-semibold ${LEGEND_COLOURS[state]}`}>{STATE_TEXT[state].label}</h2>
            <p className="mt-1">{STATE_TEXT[state].meaning}</p>
          </div>
        ))}
      </section>
    </>
  );
}
