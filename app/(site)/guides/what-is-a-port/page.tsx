// Guide: what a port is, in Portcheck's own words.
import type { Metadata } from "next";
import Link from "next/link";
import { Prose } from "@/app/_components/prose";

export const metadata: Metadata = {
  title: "What is a port?",
  description: "Ports explained simply: the extension number behind an IP address, the three IANA ranges, why port 80 carries the web, and what trojans do with ports.",
};

export default function WhatIsAPortPage() {
  return (
    <Prose>
      <h1>What is a port?</h1>
      <p>
        Think of an office with one phone number and many extensions. The phone number gets you to the building; the extension gets you to the right desk. On the internet,
        the <strong>IP address</strong> is the phone number of a computer and the <strong>port</strong> is the extension: a number from 0 to 65535 that picks out one program on
        that computer. A web server answers on one port, a mail server on another, a game server on a third, all on the same address.
      </p>
      <h2>Ports carry conventions</h2>
      <p>
        Programs agree on where to find each other. Web browsers knock on port <Link href="/ports/80">80</Link> for plain HTTP and <Link href="/ports/443">443</Link> for HTTPS,
        SSH listens on <Link href="/ports/22">22</Link>, mail servers talk to each other on <Link href="/ports/25">25</Link>. These are conventions, not laws: any program can
        listen on any port, which is why a port number alone never proves what is running.
      </p>
      <h2>The three ranges</h2>
      <p>The Internet Assigned Numbers Authority (IANA) keeps the register and splits the numbers into three ranges:</p>
      <ul>
        <li>
          <strong>Well-known ports, 0 to 1023</strong>: core services such as SSH, HTTP and HTTPS. Opening them usually needs administrator rights.
        </li>
        <li>
          <strong>Registered ports, 1024 to 49151</strong>: applications register them (MySQL on 3306, Minecraft servers by custom on 25565), but anyone may use them.
        </li>
        <li>
          <strong>Dynamic or private ports, 49152 to 65535</strong>: never assigned. Your computer picks one of these for its side of every outgoing connection.
        </li>
      </ul>
      <h2>Open, closed and filtered</h2>
      <p>Seen from the internet, a port is in one of three states:</p>
      <ul>
        <li><strong>Open</strong>: a program is listening and accepted the connection. Anyone can reach it.</li>
        <li><strong>Closed</strong>: the computer answered, but no program listens there. Nothing can get in, and the computer said so.</li>
        <li><strong>Filtered</strong>: no answer at all. A firewall, your router or your provider silently dropped the attempt.</li>
      </ul>
      <h2>Trojans and ports</h2>
      <p>
        A trojan is a program that lets an attacker in. Many hold a port open and wait for their owner to connect: Back Orifice made{" "}
        <Link href="/ports/31337">31337</Link> famous, NetBus used <Link href="/ports/12345">12345</Link>, SubSeven <Link href="/ports/27374">27374</Link>. Portcheck
        mentions these when one of them is open. But a trojan can pick any port, and a harmless program can use one of these numbers, so treat the match as a hint to look at
        which program listens, not as proof.
      </p>
      <h2>Closing a port</h2>
      <p>
        The quick way to close a port is to close the program that holds it open. The more thorough way is a firewall that blocks the port whatever runs behind it. Both are
        explained in <Link href="/guides/close-a-port">how to close a port</Link>; the opposite is in <Link href="/guides/open-a-port">how to open (forward) a port</Link>.
      </p>
      <p>
        <Link href="/">Check which of your ports are open →</Link>
      </p>
    </Prose>
  );
}
