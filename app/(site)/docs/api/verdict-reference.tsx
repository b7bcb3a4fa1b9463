// The verdict part of the API reference: request options, result fields, every state and every reason,
// read from the one table of verdict states so that the docs cannot drift from what the API answers.
import { rowClass, Table } from "@/app/_components/table";
import { REASON_TEXT, REASONS, STATE_TEXT, VERDICT_STATES } from "@/lib/probes/verdict-states";

export function VerdictReference() {
  return (
    <>
      <section id="check-options">
        <h2 className="text-xl font-semibold">Check options</h2>
        <Table columns={["field", "values", "meaning"]}>
          {[
            ["protocol", '"tcp" (default) or "udp"', "UDP sends a request the service understands (DNS, NTP, STUN, QUIC, Minecraft Bedrock, Source games) or an empty datagram; nothing sent can amplify."],
            ["family", '"4", "6" or "both" (default)', "A name with A and AAAA records is probed over IPv4 and IPv6 side by side; each result says which."],
            ["tls", '"auto" (default), true or false', "auto: TLS on 443, 465, 636, 853, 993, 995, 5061, 6697, 8443 and STARTTLS on 21, 25, 110, 143, 587, 5222; true: TLS on any port."],
            ["verifyToken", "a token from POST /api/v1/verify-tokens", "Reads the token back from the port to prove it reaches your machine (see below)."],
          ].map(([field, values, meaning]) => (
            <tr key={field} className={rowClass}>
              <td className="py-2 pr-4 font-mono">{field}</td>
              <td className="py-2 pr-4">{values}</td>
              <td className="py-2">{meaning}</td>
            </tr>
          ))}
        </Table>
      </section>

      <section id="states">
        <h2 className="text-xl font-semibold">Result states</h2>
        <p className="mt-2">
          A result is one port over one address family. Its <code>state</code> is one of these; <code>pending</code> means no verdict yet. <code>open|filtered</code> only comes from UDP.
        </p>
        <Table columns={["state", "meaning"]}>
          {(["pending", ...VERDICT_STATES] as const).map((state) => (
            <tr key={state} className={rowClass}>
              <td className="py-2 pr-4 font-mono">{state}</td>
              <td className="py-2">{STATE_TEXT[state].meaning}</td>
            </tr>
          ))}
        </Table>
      </section>

      <section id="reasons">
        <h2 className="text-xl font-semibold">Reasons</h2>
        <p className="mt-2">
          <code>reason</code> is the evidence behind the verdict, in nmap&apos;s words where nmap has one. A handshake that completed is <code>open</code> whatever happens after it. A
          silent port on a host that refused other ports is asked once more, paced to the host&apos;s ICMP rate limit, before it is called filtered. On IPv4, Linux reports
          &ldquo;administratively prohibited&rdquo; (ICMP codes 9, 10, 13) as host or network unreachable, so those read <code>host-unreach</code> or <code>net-unreach</code>; IPv6
          tells it apart (<code>admin-prohibited</code>). For UDP, only &ldquo;hard&rdquo; ICMP errors reach an unprivileged socket: port unreachable (closed) and prohibited
          (filtered); a plain host or network unreachable leaves a UDP port <code>open|filtered</code>.
        </p>
        <Table columns={["reason", "meaning"]}>
          {REASONS.map((reason) => (
            <tr key={reason} className={rowClass}>
              <td className="py-2 pr-4 font-mono">{reason}</td>
              <td className="py-2">{REASON_TEXT[reason]}</td>
            </tr>
          ))}
        </Table>
      </section>

      <section id="result-fields">
        <h2 className="text-xl font-semibold">What answered: tls, banner, ownership</h2>
        <ul className="mt-2 list-disc space-y-1 pl-6">
          <li>
            <code>latencyMs</code>: the handshake time (UDP: the reply time), measured on a probe thread of its own, so a busy worker does not inflate it.
          </li>
          <li>
            <code>tls</code>: <code>version</code>, <code>cipher</code>, <code>subject</code>, <code>issuer</code>, <code>san</code>, <code>validFrom</code>, <code>validTo</code>,{" "}
            <code>daysLeft</code>, <code>trusted</code> and <code>trustError</code> (the chain, e.g. DEPTH_ZERO_SELF_SIGNED_CERT, CERT_HAS_EXPIRED), <code>hostnameMatches</code>,{" "}
            <code>starttls</code>, <code>fingerprint</code>, and <code>error</code> when no handshake happened (a mail server that does not offer STARTTLS, say). A self-signed or expired
            certificate is reported, never hidden.
          </li>
          <li>
            <code>banner</code>: <code>service</code>, <code>product</code>, <code>version</code> and <code>text</code> (what the server said, at most a few KiB, control characters
            escaped: show it as text, never as HTML). Game servers add <code>game</code> (<code>version</code>, <code>playersOnline</code>, <code>playersMax</code>, <code>motd</code>).
            Server greetings are read (SSH, SMTP, FTP, POP3, IMAP, MySQL and MariaDB...); where the client speaks first Portcheck asks politely (HTTP HEAD with the Host, Redis PING,
            PostgreSQL SSLRequest, the Minecraft server list ping).
          </li>
          <li>
            <code>ownership</code>: <code>{"{ \"verified\": true | false }"}</code> when the check carried a <code>verifyToken</code>, else null.
          </li>
        </ul>
      </section>

      <section id="verify-tokens">
        <h2 className="text-xl font-semibold">Is it really my machine? POST /api/v1/verify-tokens</h2>
        <p className="mt-2">
          Answers 201 with a one-time <code>token</code>, its <code>expiresAt</code> (ten minutes) and <code>commands</code>: one-line listeners per system that send the token to whoever
          connects (<code>?port=</code> picks the port in them). Start one, then check the port with <code>&quot;verifyToken&quot;</code>: a token is used once, only by the visitor it was
          issued to (else 422 <code>invalid_token</code>), and an old forwarding rule that sends the port to another device cannot fake it.
        </p>
      </section>
    </>
  );
}
