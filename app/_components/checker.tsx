"use client";
// The instant checker: host (prefilled with the visitor's IP), ports with lists and ranges,
// quick picks, inline errors in plain words, and live results below.
import { useId, useRef, useState } from "react";
import { splitPastedTarget } from "@/lib/targets/pasted-target";
import { localAddressHint } from "@/lib/targets/local-address-hint";
import type { CheckView } from "@/lib/checks/check-view";
import { parsePorts, splitPortsText } from "@/lib/checks/ports";
import { CheckResults } from "./check-results";
import { CheckerOptions } from "./checker-options";
import { OwnershipPanel } from "./ownership-panel";
import { PortsField } from "./checker-ports-field";
import { initialRegions, RegionPicker } from "./region-picker";
import type { RegionChoice } from "@/lib/regions/region-choices";

type Protocol = "tcp" | "udp";



interface Problem {
  detail?: string;
  code?: string;
  errors?: { path: string; message: string }[];
}

export function Checker({
  clientIp,
  maxPorts,
  initialPorts,
  initialProtocol = "tcp",
  regionChoices = { regions: [], defaults: [] },
}: {
  clientIp: string | null;
  maxPorts: number;
  initialPorts: string;
  initialProtocol?: Protocol;
  regionChoices?: { regions: RegionChoice[]; defaults: string[] };
}) {
  const ids = { host: useId(), hostError: useId(), myIp: useId() };
  const [protocol, setProtocol] = useState<Protocol>(initialProtocol);
  const [family, setFamily] = useState<"both" | "4" | "6">("both");
  const [tls, setTls] = useState<"auto" | "on" | "off">("auto");
  const [verifyToken, setVerifyToken] = useState<string | null>(null);
  const [useMyIp, setUseMyIp] = useState(clientIp !== null);
  const [host, setHost] = useState("");
  const [portsText, setPortsText] = useState(initialPorts);
  const [hostError, setHostError] = useState<string | null>(null);
  const [portsError, setPortsError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [check, setCheck] = useState<CheckView | null>(null);
  const [regions, setRegions] = useState<string[]>(() => initialRegions(regionChoices.regions, regionChoices.defaults));
  const [regionsError, setRegionsError] = useState<string | null>(null);
  const [pastedNote, setPastedNote] = useState<string | null>(null);
  const hostInput = useRef<HTMLInputElement>(null);
  const portsInput = useRef<HTMLInputElement>(null);

  /** "example.com:8443" or a URL in the host field: keep the host there and add the port to the list. */
  function takePortFromHost(): { host: string; portsText: string } {
    const pasted = splitPastedTarget(host);
    if (pasted.port === null || pasted.host === host.trim()) return { host: host.trim(), portsText };
    const items = splitPortsText(portsText);
    const nextPorts = items.includes(String(pasted.port)) ? portsText : [...items, String(pasted.port)].join(", ");
    setHost(pasted.host);
    setPortsText(nextPorts);
    setPastedNote(`Port ${pasted.port} was taken from what you entered and added to the ports.`);
    return { host: pasted.host, portsText: nextPorts };
  }




  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setHostError(null);
    setPortsError(null);
    setFormError(null);

    const fromHost = useMyIp ? { host: "me", portsText } : takePortFromHost();
    const target = fromHost.host;
    if (!target) {
      setHostError("Enter a hostname or an IP address, or switch on “my IP”.");
      hostInput.current?.focus();
      return;
    }
    if (regionChoices.regions.length > 1 && regions.length === 0) {
      setRegionsError("Choose at least one region to check from.");
      return;
    }
    const items = splitPortsText(fromHost.portsText);
    const parsed = parsePorts(items, maxPorts);
    if (!parsed.ok) {
      setPortsError(parsed.issues.map((issue) => issue.message).join(" "));
      portsInput.current?.focus();
      return;
    }

    setSubmitting(true);
    try {
      const response = await fetch("/api/v1/checks", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          host: target,
          ports: parsed.ports,
          protocol,
          ...(family !== "both" ? { family } : {}),
          ...(protocol === "tcp" && tls !== "auto" ? { tls: tls === "on" } : {}),
          ...(verifyToken ? { verifyToken } : {}),
          ...(regionChoices.regions.length > 1 ? { regions } : {}),
        }),
      });
      const body = (await response.json().catch(() => ({}))) as Problem & { id?: string };
      if (!response.ok) {
        showProblem(response.status, body);
        return;
      }
      // The token is single use: the check that carried it has claimed it.
      if (verifyToken) setVerifyToken(null);
      setCheck(body as unknown as CheckView);
    } catch {
      setFormError("Portcheck could not be reached. Check your connection and try again.");
    } finally {
      setSubmitting(false);
    }
  }

  function showProblem(status: number, problem: Problem) {
    const detail = problem.detail ?? "The check could not be started.";
    const fieldErrors = problem.errors ?? [];
    const hostMessages = fieldErrors.filter((error) => error.path === "host").map((error) => error.message);
    const portMessages = fieldErrors.filter((error) => error.path.startsWith("ports")).map((error) => error.message);
    if (problem.code === "invalid_token") setVerifyToken(null);
    const regionMessages = fieldErrors.filter((error) => error.path.startsWith("regions")).map((error) => error.message);
    if (regionMessages.length) setRegionsError(regionMessages.join(" "));
    // A private or LAN address: say what it is and what to check instead, not only that it is refused.
    const hint = problem.code === "target_forbidden" && !useMyIp ? localAddressHint(host.trim(), clientIp) : null;
    if (hostMessages.length || hint) setHostError(hint ?? hostMessages.join(" "));
    if (portMessages.length) setPortsError(portMessages.join(" "));
    if (hostMessages.length || hint || (status === 422 && !portMessages.length)) hostInput.current?.focus();
    else if (portMessages.length) portsInput.current?.focus();
    if (status === 429) setFormError(detail);
    else if (status === 422 && !hostMessages.length && !hint) setHostError(detail);
    else if (!hostMessages.length && !portMessages.length && !regionMessages.length) setFormError(detail);
  }

  return (
    <div>
      <form onSubmit={onSubmit} noValidate className="space-y-5 rounded-lg border border-slate-200 p-5 shadow-sm dark:border-slate-800">
        <div>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <label htmlFor={ids.host} className="block font-medium">
              Host
            </label>
            {clientIp && (
              <label htmlFor={ids.myIp} className="flex cursor-pointer items-center gap-2 text-sm">
                <input
                  id={ids.myIp}
                  type="checkbox"
                  role="switch"
                  checked={useMyIp}
                  onChange={(event) => {
                    setUseMyIp(event.target.checked);
                    setHostError(null);
                  }}
                  className="h-4 w-4 accent-blue-600"
                />
                Use my IP
              </label>
            )}
          </div>
          <input
            id={ids.host}
            ref={hostInput}
            name="host"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="example.com or 203.0.113.7"
            value={useMyIp && clientIp ? clientIp : host}
            disabled={useMyIp && clientIp !== null}
            onChange={(event) => {
              setHost(event.target.value);
              setHostError(null);
              setPastedNote(null);
            }}
            onBlur={() => {
              if (!useMyIp) takePortFromHost();
            }}
            aria-invalid={hostError ? true : undefined}
            aria-describedby={hostError ? ids.hostError : undefined}
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono disabled:bg-slate-100 disabled:text-slate-600 dark:border-slate-700 dark:bg-slate-900 dark:disabled:bg-slate-800 dark:disabled:text-slate-300"
          />
          {hostError && (
            <p id={ids.hostError} role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
              {hostError}
            </p>
          )}
          {pastedNote && !hostError && (
            <p role="status" className="mt-1 text-sm text-slate-600 dark:text-slate-400" data-testid="pasted-note">
              {pastedNote}
            </p>
          )}
        </div>

        <fieldset>
          <legend className="font-medium">Protocol</legend>
          <div className="mt-1 inline-flex rounded-md border border-slate-300 p-0.5 dark:border-slate-700" role="radiogroup">
            {(["tcp", "udp"] as const).map((value) => (
              <label key={value} className="cursor-pointer rounded px-4 py-1.5 text-sm font-medium has-checked:bg-blue-600 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-blue-600 dark:has-checked:bg-blue-500">
                <input type="radio" name="protocol" value={value} checked={protocol === value} onChange={() => setProtocol(value)} className="sr-only" />
                {value.toUpperCase()}
              </label>
            ))}
          </div>
          {protocol === "udp" && (
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              UDP is checked with a request the service understands (DNS, NTP, STUN, QUIC, Minecraft Bedrock, Source games) or an empty datagram. Only a reply proves a UDP port open.
            </p>
          )}
        </fieldset>

        <PortsField
          inputRef={portsInput}
          value={portsText}
          onChange={(next) => {
            setPortsText(next);
            setPortsError(null);
          }}
          error={portsError}
          maxPorts={maxPorts}
        />

        <div>
          <RegionPicker
            regions={regionChoices.regions}
            selected={regions}
            onChange={(next) => {
              setRegions(next);
              setRegionsError(null);
            }}
          />
          {regionsError && (
            <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
              {regionsError}
            </p>
          )}
        </div>

        <CheckerOptions family={family} onFamily={setFamily} tls={tls} onTls={setTls} protocol={protocol} />

        <OwnershipPanel firstPort={Number(splitPortsText(portsText)[0]) || 8080} token={verifyToken} onToken={setVerifyToken} />

        {formError && (
          <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-300">
            {formError}
          </p>
        )}

        <button
          type="submit"
          disabled={submitting}
          className="rounded-md bg-blue-600 px-5 py-2.5 font-semibold text-white hover:bg-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60 dark:bg-blue-500 dark:hover:bg-blue-400"
        >
          {submitting ? "Starting…" : "Check ports"}
        </button>
      </form>

      {check && <CheckResults initial={check} />}
    </div>
  );
}
