// Guide: how to close a port on Windows, macOS, Linux and a home router.
import type { Metadata } from "next";
import Link from "next/link";
import { Prose } from "@/app/_components/prose";

export const metadata: Metadata = {
  title: "How do I close a port?",
  description: "Close an open port: find and stop the program that listens, block the port in the Windows, macOS or Linux (ufw, nftables) firewall, and remove router forwards.",
};

export default function CloseAPortPage() {
  return (
    <Prose>
      <h1>How do I close a port?</h1>
      <p>
        A port is open because a program listens on it. The quick way to close it is to close that program; the thorough way is to block the port in a firewall as well, so that
        nothing listening there can be reached. The examples close TCP port 3389 (Remote Desktop); put your own port in its place.
      </p>

      <h2>1. Find the program that listens</h2>
      <h3>Windows</h3>
      <pre>
        <code>{"netstat -ano | findstr :3389\ntasklist /FI \"PID eq 1234\"     # the number in the last column above"}</code>
      </pre>
      <h3>macOS</h3>
      <pre>
        <code>sudo lsof -nP -iTCP:3389 -sTCP:LISTEN</code>
      </pre>
      <h3>Linux</h3>
      <pre>
        <code>sudo ss -ltnp &apos;sport = :3389&apos;</code>
      </pre>
      <p>If you do not recognise the program, find out what it is before anything else: an unknown listener can be malware.</p>

      <h2>2. Stop it, or make it listen only locally</h2>
      <ul>
        <li>
          Quit the program, or stop and disable the service: on Windows <code>Stop-Service NAME; Set-Service NAME -StartupType Disabled</code> (Remote Desktop itself is turned off
          in Settings → System → Remote Desktop); on Linux <code>sudo systemctl disable --now NAME</code>; on macOS quit the app or switch off the sharing service in System
          Settings → General → Sharing.
        </li>
        <li>
          If the program is needed only on this computer, set its listen or bind address to <code>127.0.0.1</code>: it keeps working locally and nothing outside can reach it.
        </li>
      </ul>

      <h2>3. Block the port in the firewall</h2>
      <h3>Windows</h3>
      <pre>
        <code>New-NetFirewallRule -DisplayName &quot;Block RDP&quot; -Direction Inbound -Protocol TCP -LocalPort 3389 -Action Block</code>
      </pre>
      <h3>macOS</h3>
      <p>System Settings → Network → Firewall: turn it on; under Options choose &quot;Block all incoming connections&quot; or block the program, and enable stealth mode.</p>
      <h3>Linux with ufw</h3>
      <p>
        <strong>On a remote server, allow SSH first.</strong> <code>ufw default deny incoming</code> followed by <code>ufw enable</code> blocks every port you have not
        allowed, SSH included, and cuts you off from the machine. In this order:
      </p>
      <pre>
        <code>{"sudo ufw allow OpenSSH          # first: keeps your SSH session (or: sudo ufw allow 22/tcp)\nsudo ufw default deny incoming\nsudo ufw deny 3389/tcp\nsudo ufw enable"}</code>
      </pre>
      <h3>Linux with nftables</h3>
      <pre>
        <code>sudo nft add rule inet filter input tcp dport 3389 drop</code>
      </pre>
      <p>
        This drops one port and leaves the rest as they were. If you instead set the input chain&apos;s policy to <code>drop</code>, add{" "}
        <code>tcp dport 22 accept</code> and <code>ct state established,related accept</code> before it, or the same lock-out happens.
      </p>

      <h2>4. Clean up the router</h2>
      <ul>
        <li>Delete port-forwarding rules you no longer need, and any &quot;DMZ host&quot; setting, which forwards every port.</li>
        <li>Switch off UPnP if you can: it lets programs open ports on the router by themselves.</li>
      </ul>

      <h2>5. Check again</h2>
      <p>
        Run the check again from Portcheck. <strong>Closed</strong> means your computer answered that nothing listens; <strong>filtered</strong> means a firewall drops the attempt
        silently. Both keep the port shut. <Link href="/">Check your ports →</Link>
      </p>
    </Prose>
  );
}
