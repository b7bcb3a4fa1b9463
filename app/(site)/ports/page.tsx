// /ports: the searchable index of ports, by number or service name, with the ranges and notable ports.
import type { Metadata } from "next";
import Link from "next/link";
import { PORT_NOTES } from "@/lib/ports/notes";
import { PORT_RANGES } from "@/lib/ports/ranges";
import { MAX_QUERY_LENGTH, searchPorts } from "@/lib/ports/search";

export const metadata: Metadata = {
  title: "Port numbers: what runs on each port",
  description: "Look up any TCP or UDP port from 0 to 65535: its IANA service, its range, known trojans and the risk of exposing it.",
};

const KIND_TITLES = {
  exposure: "Services that are dangerous to expose",
  trojan: "Ports known from trojans and backdoors",
  "common-use": "Popular ports IANA does not list",
} as const;

export default async function PortsPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const raw = (await searchParams).q;
  const query = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, MAX_QUERY_LENGTH) ?? "";
  const matches = searchPorts(query);
  return (
    <div className="space-y-10">
      <header>
        <h1 className="text-3xl font-bold">Port numbers</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-400">
          A port is like an extension number behind a phone number: the IP address finds the computer, the port finds the program. Look one up by number or by name.
        </p>
        <form role="search" action="/ports" className="mt-4 flex gap-2">
          <label htmlFor="port-search" className="sr-only">
            Port number or service name
          </label>
          <input
            id="port-search"
            name="q"
            type="search"
            defaultValue={query}
            maxLength={MAX_QUERY_LENGTH}
            placeholder="22, ssh, minecraft, redis…"
            className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
          />
          <button type="submit" className="rounded-md bg-blue-600 px-4 py-2 font-semibold text-white hover:bg-blue-700 dark:bg-blue-500">
            Search
          </button>
        </form>
      </header>

      {query && (
        <section aria-labelledby="search-results">
          <h2 id="search-results" className="text-xl font-semibold">
            {matches.length ? `Ports matching “${query}”` : `No port matches “${query}”`}
          </h2>
          {matches.length === 0 && <p className="mt-2">Ports are numbers from 0 to 65535; try a number or a service name such as “http”.</p>}
          <ul className="mt-3 divide-y divide-slate-200 dark:divide-slate-800" data-testid="port-search-results">
            {matches.map((match) => (
              <li key={match.port} className="py-2">
                <Link href={`/ports/${match.port}`} className="font-mono font-semibold text-blue-700 underline underline-offset-2 dark:text-blue-400">
                  {match.port}
                </Link>{" "}
                <span className="font-medium">{match.name}</span>
                {match.description && <span className="text-slate-600 dark:text-slate-400"> · {match.description}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="ranges">
        <h2 id="ranges" className="text-xl font-semibold">The three ranges</h2>
        <dl className="mt-3 grid gap-4 sm:grid-cols-3">
          {PORT_RANGES.map((range) => (
            <div key={range.name} className="rounded-md border border-slate-200 p-4 dark:border-slate-800">
              <dt className="font-semibold">
                {range.title}s: {range.from}–{range.to}
              </dt>
              <dd className="mt-1 text-sm text-slate-700 dark:text-slate-300">{range.meaning}</dd>
            </div>
          ))}
        </dl>
      </section>

      {(["exposure", "trojan", "common-use"] as const).map((kind) => (
        <section key={kind} aria-labelledby={`notable-${kind}`}>
          <h2 id={`notable-${kind}`} className="text-xl font-semibold">
            {KIND_TITLES[kind]}
          </h2>
          {kind === "trojan" && (
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">A match is a hint, not proof: a trojan can pick any port, and a harmless program can use these.</p>
          )}
          <ul className="mt-3 grid gap-2 sm:grid-cols-2">
            {PORT_NOTES.filter((note) => note.kind === kind).map((note) => (
              <li key={note.title} className="text-sm">
                <span className="font-medium">{note.title}</span>:{" "}
                {note.ports.length > 6 ? (
                  <Link href={`/ports/${note.ports[0]}`} className="font-mono text-blue-700 underline dark:text-blue-400">
                    {note.ports[0]}–{note.ports.at(-1)}
                  </Link>
                ) : (
                  note.ports.map((port, index) => (
                    <span key={port}>
                      {index > 0 && ", "}
                      <Link href={`/ports/${port}`} className="font-mono text-blue-700 underline dark:text-blue-400">
                        {port}
                      </Link>
                    </span>
                  ))
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
