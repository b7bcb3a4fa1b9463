// Guide: how to open (forward) a port on Windows, macOS, Linux and a home router.
import type { Metadata } from "next";
import Link from "next/link";
import { Prose } from "@/app/_components/prose";

export const metadata: Metadata = {
  title: "How do I open (forward) a port?",
  description: "Open a port step by step: make the program listen, allow it in the Windows, macOS or Linux (ufw, nftables) firewall, and forward it on your home router.",
};

export default function OpenAPortPage() {
  return (
    <Prose>
      <h1>How do I open (forward) a port?</h1>
      <p>
        For a port to be open from the internet, three things must be true: a program listens on it, the computer&apos;s firewall lets connections in, and, at home, the router
        forwards the port to that computer. The examples open TCP port 25565 (a Minecraft server); put your own port and protocol in its place.
      </p>

      <h2>1. Make the program listen on all interfaces</h2>
      <p>
        Start the server program and check that it listens on <code>0.0.0.0</code> (all IPv4 interfaces) or <code>::</code>, not only on <code>127.0.0.1</code>, which is
        reachable from the computer itself only. Look at its settings for &quot;bind address&quot; or &quot;listen address&quot;.
      </p>

      <h2>2. Allow the port in the firewall</h2>
      <h3>Windows</h3>
      <p>In PowerShell as administrator:</p>
      <pre>
        <code>New-NetFirewallRule -DisplayName &quot;Minecraft server&quot; -Direction Inbound -Protocol TCP -LocalPort 25565 -Action Allow</code>
      </pre>
      <p>Or: Windows Security → Firewall &amp; network protection → Advanced settings → Inbound Rules → New Rule… → Port.</p>
      <h3>macOS</h3>
      <p>
        The macOS firewall allows or blocks applications rather than ports: System Settings → Network → Firewall → Options, then add the server program and set it to allow
        incoming connections.
      </p>
      <h3>Linux with ufw (Ubuntu, Debian)</h3>
      <pre>
        <code>{"sudo ufw allow 25565/tcp\nsudo ufw status"}</code>
      </pre>
      <p>
        If <code>ufw status</code> says inactive and you turn it on with <code>sudo ufw enable</code>, run <code>sudo ufw allow OpenSSH</code> first on a remote
        server: enabling ufw blocks every port not allowed, SSH included.
      </p>
      <h3>Linux with nftables</h3>
      <pre>
        <code>{"sudo nft add rule inet filter input tcp dport 25565 accept\nsudo nft list ruleset > /etc/nftables.conf   # keep it after a reboot"}</code>
      </pre>
      <p>
        With firewalld (Fedora, RHEL): <code>sudo firewall-cmd --permanent --add-port=25565/tcp &amp;&amp; sudo firewall-cmd --reload</code>.
      </p>

      <h2>3. Forward the port on your home router</h2>
      <ol>
        <li>
          Find the computer&apos;s local address (<code>ipconfig</code> on Windows, <code>ipconfig getifaddr en0</code> on macOS, <code>ip addr</code> on Linux) and give it a
          fixed address in the router&apos;s DHCP settings (&quot;address reservation&quot;), so the forward keeps pointing at it.
        </li>
        <li>Open the router&apos;s page: the &quot;default gateway&quot;, often http://192.168.1.1 or http://192.168.0.1, and sign in.</li>
        <li>
          Find &quot;Port forwarding&quot;, &quot;Virtual servers&quot; or &quot;NAT&quot;. Add a rule: external port 25565, protocol TCP, internal address the
          computer&apos;s, internal port 25565.
        </li>
        <li>Save, then check the port with Portcheck from the outside.</li>
      </ol>
      <p>
        If the router&apos;s own internet (WAN) address differs from the address Portcheck shows you, or starts with 100.64 to 100.127, your provider uses carrier-grade NAT and
        forwarding at home cannot work: ask the provider for a public IPv4 address, or use IPv6.
      </p>

      <h2>Still filtered?</h2>
      <ul>
        <li>Some providers block ports on home lines, commonly 25, 80, 135 to 139 and 445. Try another port.</li>
        <li>A second router (a provider box in front of your own) needs the forward too, or bridge mode.</li>
        <li>Security software other than the built-in firewall may block the program.</li>
      </ul>
      <p>
        Opening a port exposes a program to the whole internet: keep it updated, use strong passwords, and see the <Link href="/ports">port pages</Link> for services that should
        never be exposed. <Link href="/">Check your port now →</Link>
      </p>
    </Prose>
  );
}
