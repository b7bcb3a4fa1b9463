// Curated notes on ports: trojans and backdoors known to use them, services that are dangerous to
// expose to the internet, ports that access providers commonly block, and popular unregistered uses.
// Pure data, small enough for the browser. Each note says where it comes from.

export type NoteKind = "trojan" | "exposure" | "isp-block" | "common-use";
export type NoteProtocol = "tcp" | "udp" | "tcp/udp";

export interface PortNote {
  kind: NoteKind;
  ports: readonly number[];
  protocol: NoteProtocol;
  /** The program or risk, in a few words. */
  title: string;
  /** One or two sentences in plain words. */
  text: string;
  /** Where this is documented. */
  source: string;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

const SANS = "SANS Internet Storm Center port database";
const CISA_EXPOSED = "CISA and vendor hardening guides: do not expose to the internet";

export const PORT_NOTES: readonly PortNote[] = [
  // Trojans and backdoors. A match is a hint, not proof: a trojan can use any port.
  { kind: "trojan", ports: [31337], protocol: "udp", title: "Back Orifice", text: "The classic \"elite\" port: the Back Orifice remote-control trojan (1998) listened here by default.", source: `cDc Back Orifice documentation; ${SANS}` },
  { kind: "trojan", ports: [54320, 54321], protocol: "tcp/udp", title: "Back Orifice 2000", text: "Default ports of Back Orifice 2000 (BO2K), the successor of Back Orifice.", source: SANS },
  { kind: "trojan", ports: [12345, 12346], protocol: "tcp", title: "NetBus", text: "Default ports of the NetBus remote-administration trojan (1998).", source: SANS },
  { kind: "trojan", ports: [20034], protocol: "tcp", title: "NetBus 2 Pro", text: "Default port of NetBus 2 Pro.", source: SANS },
  { kind: "trojan", ports: [27374], protocol: "tcp", title: "SubSeven", text: "Default port of the SubSeven (Sub7) trojan; the Ramen worm also scanned for it.", source: SANS },
  { kind: "trojan", ports: [1243, 6711, 6712, 6713], protocol: "tcp", title: "SubSeven (early versions)", text: "Ports used by early SubSeven versions.", source: SANS },
  { kind: "trojan", ports: [4444], protocol: "tcp", title: "Blaster worm and Metasploit", text: "The Blaster worm (2003) opened a remote shell here, and it is the default port of Metasploit's reverse shells.", source: `CERT advisory CA-2003-20; Metasploit documentation` },
  { kind: "trojan", ports: [5554, 9996], protocol: "tcp", title: "Sasser worm", text: "The Sasser worm (2004) ran an FTP server on 5554 and a remote shell on 9996.", source: `Microsoft Security Bulletin MS04-011 (the flaw Sasser used); ${SANS}` },
  { kind: "trojan", ports: range(3127, 3198), protocol: "tcp", title: "MyDoom backdoor", text: "The MyDoom worm (2004) opened a backdoor on the first free port from 3127 to 3198.", source: "CERT Incident Note IN-2004-01" },
  { kind: "trojan", ports: [2745], protocol: "tcp", title: "Bagle backdoor", text: "The Bagle worm (2004) listened here for commands.", source: SANS },
  { kind: "trojan", ports: [6667], protocol: "tcp", title: "IRC botnets", text: "The IRC port, long used by botnets for command and control; an unexpected listener here deserves a look.", source: SANS },

  // Services that are dangerous to expose to the whole internet.
  { kind: "exposure", ports: [21], protocol: "tcp", title: "FTP", text: "FTP sends passwords in clear text. Prefer SFTP or FTPS, and never allow anonymous uploads.", source: CISA_EXPOSED },
  { kind: "exposure", ports: [23], protocol: "tcp", title: "Telnet", text: "Telnet sends everything, passwords included, in clear text, and botnets such as Mirai scan for it constantly. Use SSH instead.", source: "US-CERT alert TA16-288A (Mirai)" },
  { kind: "exposure", ports: [53], protocol: "tcp/udp", title: "DNS", text: "An open DNS resolver is abused for amplification attacks; answer recursive queries only for your own networks.", source: "US-CERT alert TA13-088A" },
  { kind: "exposure", ports: [69], protocol: "udp", title: "TFTP", text: "TFTP has no authentication at all; keep it on the local network.", source: CISA_EXPOSED },
  { kind: "exposure", ports: [111, 2049], protocol: "tcp/udp", title: "RPC portmapper and NFS", text: "rpcbind and NFS expose file systems and are used for amplification; never open them to the internet.", source: CISA_EXPOSED },
  { kind: "exposure", ports: [123], protocol: "udp", title: "NTP", text: "Old NTP servers answer \"monlist\" queries that amplify attacks; keep ntpd current and restrict queries.", source: "US-CERT alert TA14-013A" },
  { kind: "exposure", ports: [135, 137, 138, 139, 445], protocol: "tcp/udp", title: "Windows RPC, NetBIOS and SMB", text: "File sharing and RPC are among the most attacked services (WannaCry spread through port 445); they belong on the local network only.", source: "Microsoft guidance on SMB; US-CERT alert TA17-132A (WannaCry)" },
  { kind: "exposure", ports: [161], protocol: "udp", title: "SNMP", text: "SNMP with default community strings leaks device configuration and amplifies attacks.", source: "US-CERT alert TA17-156A" },
  { kind: "exposure", ports: [389, 636], protocol: "tcp/udp", title: "LDAP", text: "A directory server reachable from the internet leaks data, and connectionless LDAP amplifies attacks.", source: CISA_EXPOSED },
  { kind: "exposure", ports: [512, 513, 514], protocol: "tcp", title: "rexec, rlogin and rsh", text: "The r-services trust addresses instead of passwords; disable them.", source: CISA_EXPOSED },
  { kind: "exposure", ports: [873], protocol: "tcp", title: "rsync", text: "An rsync daemon without authentication lets anyone read, and sometimes write, its modules.", source: CISA_EXPOSED },
  { kind: "exposure", ports: [1433, 1434], protocol: "tcp/udp", title: "Microsoft SQL Server", text: "Databases should not be reachable from the internet; the Slammer worm (2003) spread through UDP 1434.", source: "CERT advisory CA-2003-04 (Slammer)" },
  { kind: "exposure", ports: [1521], protocol: "tcp", title: "Oracle database", text: "Databases should not be reachable from the internet; allow only your application servers.", source: CISA_EXPOSED },
  { kind: "exposure", ports: [1900], protocol: "udp", title: "SSDP / UPnP", text: "UPnP discovery answers amplify attacks, and UPnP can open ports on a router by itself.", source: "US-CERT alert TA14-017A" },
  { kind: "exposure", ports: [2375], protocol: "tcp", title: "Docker API without TLS", text: "An open Docker API is full control of the host: anyone can start a privileged container. Never expose it.", source: "Docker documentation: Protect the Docker daemon socket" },
  { kind: "exposure", ports: [2379, 2380], protocol: "tcp", title: "etcd", text: "etcd holds cluster state and secrets; an open etcd is a cluster takeover.", source: "Kubernetes documentation: Securing a cluster" },
  { kind: "exposure", ports: [3306], protocol: "tcp", title: "MySQL / MariaDB", text: "Databases should not be reachable from the internet; bind to localhost or allow only your application servers.", source: CISA_EXPOSED },
  { kind: "exposure", ports: [3389], protocol: "tcp/udp", title: "Remote Desktop (RDP)", text: "RDP is brute-forced around the clock and had wormable flaws (BlueKeep). Put it behind a VPN or a gateway with MFA.", source: "CISA guidance on RDP; CVE-2019-0708 (BlueKeep)" },
  { kind: "exposure", ports: [5432], protocol: "tcp", title: "PostgreSQL", text: "Databases should not be reachable from the internet; restrict pg_hba.conf and the firewall to your application servers.", source: CISA_EXPOSED },
  { kind: "exposure", ports: [5900, 5901], protocol: "tcp", title: "VNC", text: "VNC often has weak or no passwords and no encryption; tunnel it through SSH or a VPN.", source: CISA_EXPOSED },
  { kind: "exposure", ports: [5985, 5986], protocol: "tcp", title: "Windows Remote Management", text: "WinRM gives remote command execution; keep it on the management network.", source: "Microsoft WinRM security guidance" },
  { kind: "exposure", ports: [6379], protocol: "tcp", title: "Redis", text: "Redis has no password by default and can be made to write files; open Redis servers are routinely taken over.", source: "Redis security documentation" },
  { kind: "exposure", ports: [6443, 10250], protocol: "tcp", title: "Kubernetes API and kubelet", text: "The Kubernetes API and the kubelet control a cluster; expose them only with strong authentication, preferably not at all.", source: "Kubernetes documentation: Securing a cluster" },
  { kind: "exposure", ports: [9200, 9300], protocol: "tcp", title: "Elasticsearch", text: "Elasticsearch without security enabled lets anyone read and delete every index.", source: "Elastic documentation: minimal security" },
  { kind: "exposure", ports: [11211], protocol: "tcp/udp", title: "memcached", text: "memcached has no authentication, and its UDP port amplified the largest attacks of 2018.", source: "US-CERT alert TA14-017A; memcached release notes 1.5.6" },
  { kind: "exposure", ports: [27017, 27018], protocol: "tcp", title: "MongoDB", text: "Open MongoDB servers without authentication have been wiped and held to ransom by the thousands.", source: "MongoDB security checklist" },

  // Popular programs that use ports IANA has not assigned to them.
  { kind: "common-use", ports: [25565], protocol: "tcp", title: "Minecraft (Java Edition) server", text: "The default port of Minecraft Java Edition servers.", source: "Minecraft Wiki: Server.properties" },
  { kind: "common-use", ports: [19132], protocol: "udp", title: "Minecraft (Bedrock Edition) server", text: "The default port of Minecraft Bedrock Edition servers.", source: "Minecraft Wiki: Bedrock Dedicated Server" },
  { kind: "common-use", ports: [27015], protocol: "tcp/udp", title: "Steam / Source game servers", text: "The default port of Source engine game servers (Counter-Strike, Team Fortress 2...).", source: "Valve Developer Community: Source Dedicated Server" },
  { kind: "common-use", ports: [32400], protocol: "tcp", title: "Plex Media Server", text: "The port Plex Media Server listens on for remote access.", source: "Plex support: Configuring remote access" },
  { kind: "common-use", ports: [51820], protocol: "udp", title: "WireGuard VPN", text: "The port most WireGuard VPN setups listen on (a convention from its documentation).", source: "WireGuard quick start" },
  { kind: "common-use", ports: [3000, 5173, 8000], protocol: "tcp", title: "Development web servers", text: "Development servers (Node.js, Vite, Django...) listen here by default; they are not meant to be reachable from the internet.", source: "Framework documentation (Express, Vite, Django)" },

  // Ports that many access providers block, so "filtered" may not be your doing.
  { kind: "isp-block", ports: [25], protocol: "tcp", title: "SMTP often blocked", text: "Many residential providers block port 25 to stop spam from infected computers; mail clients submit on 587 or 465 instead.", source: "M3AAWG: Managing port 25" },
  { kind: "isp-block", ports: [135, 137, 138, 139, 445], protocol: "tcp/udp", title: "Windows file sharing often blocked", text: "Many providers block these ports since the Blaster and WannaCry worms.", source: SANS },
  { kind: "isp-block", ports: [80, 443], protocol: "tcp", title: "Web ports on home lines", text: "Some providers block incoming 80 and 443 on home connections; a higher port such as 8080 or 8443 may work.", source: "Provider terms of service" },
];

/** Every note on a port, trojans first. */
export function notesFor(port: number): PortNote[] {
  const order: Record<NoteKind, number> = { trojan: 0, exposure: 1, "isp-block": 2, "common-use": 3 };
  return PORT_NOTES.filter((note) => note.ports.includes(port)).sort((a, b) => order[a.kind] - order[b.kind]);
}

/** Ports with at least one note, ascending. */
export function notablePorts(): number[] {
  return [...new Set(PORT_NOTES.flatMap((note) => note.ports))].sort((a, b) => a - b);
}
