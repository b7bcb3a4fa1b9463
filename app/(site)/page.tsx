// Home: the instant checker, prefilled with the visitor's public IP.
import { headers } from "next/headers";
import { Checker } from "@/app/_components/checker";
import { env } from "@/lib/env";
import { currentUser } from "@/lib/auth/session";
import { clientIp } from "@/lib/http/client-ip";
import Link from "next/link";

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
          Portcheck connects to your IP address or server from the outside and tells you, port by port, whether it is open, closed or filtered.
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
      <Checker clientIp={client?.ip ?? null} maxPorts={env().MAX_PORTS_PER_CHECK} initialPorts={initialPorts} initialProtocol={protocol} />
      <section className="mt-12 grid gap-6 text-sm text-slate-700 sm:grid-cols-3 dark:text-slate-300">
        <div>
          <h2 className="font-semibold text-green-700 dark:text-green-400">Open</h2>
          <p className="mt-1">A program accepted our connection. Anyone on the internet can reach it.</p>
        </div>
        <div>
          <h2 className="font-semibold text-red-700 dark:text-red-400">Closed</h2>
          <p className="mt-1">Your host answered, but nothing listens on the port.</p>
        </div>
        <div>
          <h2 className="font-semibold text-amber-700 dark:text-amber-400">Filtered</h2>
          <p className="mt-1">No answer: a firewall, router or provider drops the traffic.</p>
        </div>
      </section>
    </>
  );
}
