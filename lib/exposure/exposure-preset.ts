// The exposure scan's preset: 100 TCP ports most often left open to the internet by mistake, each with how
// bad an open one usually is and what it means. Worst first is critical, then high, medium, low.

export type ExposureRisk = "critical" | "high" | "medium" | "low";

export interface ExposurePort {
  port: number;
  name: string;
  risk: ExposureRisk;
  /** What an open port means, in a sentence a non-specialist can act on. */
  why: string;
}

export const RISK_ORDER: Record<ExposureRisk, number> = { critical: 0, high: 1, medium: 2, low: 3 };

const DB = "A database reachable from the internet is probed for weak or missing passwords within hours; bind it to localhost or a private network.";
const REMOTE = "Remote control of the machine: attacked by password guessing and exploits around the clock; put it behind a VPN.";
const NO_AUTH = "Often runs without any password by default: anyone who finds it can read, change or take over what it holds.";
const ADMIN = "An administration interface: keep it on a private network or behind a VPN, and never with its default password.";
const DEV = "Often a development server or admin panel left running; close it unless you mean to publish it.";
const PRINTER = "Printers and print servers are easy to abuse from the internet (spam printing, attacks on the device).";
const CAMERA = "Cameras and recorders are hijacked in bulk for botnets; reach them through a VPN instead.";
const PROXY = "An open proxy lets strangers route their traffic through your address.";

export const EXPOSURE_PRESET: readonly ExposurePort[] = [
  { port: 23, name: "Telnet", risk: "critical", why: "Unencrypted remote login, a botnet favourite; turn it off and use SSH." },
  { port: 445, name: "SMB (Windows file sharing)", risk: "critical", why: "Windows file sharing is the door of WannaCry-style worms; never expose it." },
  { port: 139, name: "NetBIOS session", risk: "critical", why: "Old Windows file and printer sharing; it must not face the internet." },
  { port: 3389, name: "RDP (Remote Desktop)", risk: "critical", why: REMOTE },
  { port: 5900, name: "VNC", risk: "critical", why: REMOTE },
  { port: 5901, name: "VNC display :1", risk: "critical", why: REMOTE },
  { port: 5985, name: "WinRM (HTTP)", risk: "critical", why: REMOTE },
  { port: 6000, name: "X11", risk: "critical", why: "An open X server lets anyone watch the screen and type keys." },
  { port: 512, name: "rexec", risk: "critical", why: "A 1980s remote execution service without encryption; disable it." },
  { port: 513, name: "rlogin", risk: "critical", why: "A 1980s remote login without encryption; disable it." },
  { port: 514, name: "rsh", risk: "critical", why: "A 1980s remote shell without encryption; disable it." },
  { port: 2375, name: "Docker API", risk: "critical", why: "The Docker API without TLS gives anyone root on the host; never expose it." },
  { port: 2379, name: "etcd", risk: "critical", why: "etcd holds cluster secrets and often answers without authentication." },
  { port: 10250, name: "Kubernetes kubelet", risk: "critical", why: "A kubelet open to the internet can run commands in your containers." },
  { port: 6379, name: "Redis", risk: "critical", why: NO_AUTH },
  { port: 11211, name: "Memcached", risk: "critical", why: `${NO_AUTH} It is also abused for DDoS amplification.` },
  { port: 9200, name: "Elasticsearch", risk: "critical", why: NO_AUTH },
  { port: 27017, name: "MongoDB", risk: "critical", why: NO_AUTH },
  { port: 27018, name: "MongoDB shard", risk: "critical", why: NO_AUTH },
  { port: 5984, name: "CouchDB", risk: "critical", why: NO_AUTH },
  { port: 8088, name: "Hadoop YARN", risk: "critical", why: "YARN's REST API runs arbitrary jobs; cryptominers scan for it." },
  { port: 8500, name: "Consul", risk: "critical", why: "Consul's HTTP API can run commands when script checks are enabled." },
  { port: 8888, name: "Jupyter / HTTP alternate", risk: "critical", why: "A Jupyter notebook gives a shell to whoever reaches it." },
  { port: 2049, name: "NFS", risk: "critical", why: "Network file shares readable (or writable) by anyone who asks." },
  { port: 3260, name: "iSCSI", risk: "critical", why: "Disks served over the network; a stranger could mount them." },
  { port: 1099, name: "Java RMI", risk: "critical", why: "Java RMI registries are a classic remote code execution target." },
  { port: 4505, name: "SaltStack publisher", risk: "critical", why: "SaltStack masters open to the internet have been taken over en masse." },
  { port: 4506, name: "SaltStack request server", risk: "critical", why: "SaltStack masters open to the internet have been taken over en masse." },
  { port: 5555, name: "Android Debug Bridge", risk: "critical", why: "ADB gives a shell on the device with no password." },
  { port: 3306, name: "MySQL / MariaDB", risk: "high", why: DB },
  { port: 5432, name: "PostgreSQL", risk: "high", why: DB },
  { port: 1433, name: "Microsoft SQL Server", risk: "high", why: DB },
  { port: 1521, name: "Oracle database", risk: "high", why: DB },
  { port: 3050, name: "Firebird", risk: "high", why: DB },
  { port: 9042, name: "Cassandra", risk: "high", why: DB },
  { port: 7474, name: "Neo4j", risk: "high", why: DB },
  { port: 8086, name: "InfluxDB", risk: "high", why: DB },
  { port: 9300, name: "Elasticsearch transport", risk: "high", why: NO_AUTH },
  { port: 5986, name: "WinRM (HTTPS)", risk: "high", why: REMOTE },
  { port: 135, name: "Microsoft RPC", risk: "high", why: "Windows RPC is a frequent worm target; it must not face the internet." },
  { port: 111, name: "rpcbind / portmapper", risk: "high", why: "Lists the RPC services of the machine and is abused for DDoS amplification." },
  { port: 389, name: "LDAP", risk: "high", why: "Directory data (users, groups) readable without a password if anonymous binds are on." },
  { port: 21, name: "FTP", risk: "high", why: "Passwords cross the internet in clear text; use SFTP instead." },
  { port: 873, name: "rsync", risk: "high", why: "rsync modules are often readable without a password." },
  { port: 548, name: "AFP (Apple file sharing)", risk: "high", why: "File sharing meant for the local network." },
  { port: 515, name: "LPD printing", risk: "high", why: PRINTER },
  { port: 631, name: "IPP / CUPS printing", risk: "high", why: PRINTER },
  { port: 9100, name: "Raw printing (JetDirect)", risk: "high", why: PRINTER },
  { port: 902, name: "VMware ESXi", risk: "high", why: ADMIN },
  { port: 10000, name: "Webmin", risk: "high", why: ADMIN },
  { port: 4848, name: "GlassFish admin", risk: "high", why: ADMIN },
  { port: 7001, name: "WebLogic", risk: "high", why: `${ADMIN} WebLogic has a long list of remote exploits.` },
  { port: 8291, name: "MikroTik Winbox", risk: "high", why: ADMIN },
  { port: 8728, name: "MikroTik API", risk: "high", why: ADMIN },
  { port: 7547, name: "TR-069 (router management)", risk: "high", why: "The ISP's remote management of routers; exposed ones have been hijacked in bulk." },
  { port: 9443, name: "Portainer (HTTPS)", risk: "high", why: `${ADMIN} Portainer controls Docker.` },
  { port: 9000, name: "Portainer / PHP-FPM / SonarQube", risk: "high", why: ADMIN },
  { port: 6443, name: "Kubernetes API", risk: "high", why: ADMIN },
  { port: 2380, name: "etcd peers", risk: "high", why: "Cluster-internal traffic that should never face the internet." },
  { port: 2181, name: "ZooKeeper", risk: "high", why: NO_AUTH },
  { port: 4369, name: "Erlang port mapper", risk: "high", why: "Lists Erlang nodes (RabbitMQ, CouchDB); a step towards taking them over." },
  { port: 5672, name: "RabbitMQ (AMQP)", risk: "high", why: "A message broker, often with the default guest account." },
  { port: 15672, name: "RabbitMQ management", risk: "high", why: ADMIN },
  { port: 61616, name: "ActiveMQ", risk: "high", why: "ActiveMQ brokers have had remote code execution flaws exploited at scale." },
  { port: 8161, name: "ActiveMQ web console", risk: "high", why: ADMIN },
  { port: 1883, name: "MQTT", risk: "high", why: "IoT messages readable and writable by anyone if no password is set." },
  { port: 9092, name: "Kafka", risk: "high", why: NO_AUTH },
  { port: 7077, name: "Spark master", risk: "high", why: "Spark masters run submitted jobs; cryptominers scan for them." },
  { port: 8020, name: "HDFS NameNode", risk: "high", why: NO_AUTH },
  { port: 50070, name: "HDFS web UI", risk: "high", why: NO_AUTH },
  { port: 50000, name: "SAP / Jenkins agents", risk: "high", why: ADMIN },
  { port: 5601, name: "Kibana", risk: "high", why: ADMIN },
  { port: 9090, name: "Prometheus / Cockpit", risk: "high", why: "Monitoring data and sometimes a web console for the machine." },
  { port: 8983, name: "Apache Solr", risk: "high", why: `${ADMIN} Solr has had remote code execution flaws.` },
  { port: 9001, name: "Supervisor / MinIO console", risk: "high", why: ADMIN },
  { port: 1080, name: "SOCKS proxy", risk: "high", why: PROXY },
  { port: 3128, name: "Squid proxy", risk: "high", why: PROXY },
  { port: 554, name: "RTSP (cameras)", risk: "high", why: CAMERA },
  { port: 8554, name: "RTSP alternate (cameras)", risk: "high", why: CAMERA },
  { port: 37777, name: "Dahua DVR", risk: "high", why: CAMERA },
  { port: 4444, name: "Metasploit / backdoors", risk: "high", why: "The default port of many backdoors and exploit kits; find out what listens." },
  { port: 22, name: "SSH", risk: "medium", why: "Fine if you meant it: use keys, disable password login, and keep it updated." },
  { port: 53, name: "DNS over TCP", risk: "medium", why: "An open resolver can be abused; only authoritative servers should answer the internet." },
  { port: 1723, name: "PPTP VPN", risk: "medium", why: "PPTP's encryption is broken; switch to WireGuard or OpenVPN." },
  { port: 2376, name: "Docker API (TLS)", risk: "medium", why: "Safe only with client certificates; check that it asks for one." },
  { port: 3000, name: "Node / Grafana dev server", risk: "medium", why: DEV },
  { port: 5000, name: "Flask / UPnP / registry", risk: "medium", why: DEV },
  { port: 8000, name: "HTTP development server", risk: "medium", why: DEV },
  { port: 8080, name: "HTTP alternate / admin panels", risk: "medium", why: DEV },
  { port: 8443, name: "HTTPS alternate / admin panels", risk: "medium", why: DEV },
  { port: 8200, name: "HashiCorp Vault", risk: "medium", why: "Secrets storage; make sure it is meant to be public and sealed properly." },
  { port: 3690, name: "Subversion", risk: "medium", why: "Source code readable if anonymous access is on." },
  { port: 9418, name: "Git daemon", risk: "medium", why: "Source code readable by anyone; check it is meant to be public." },
  { port: 5060, name: "SIP (VoIP)", risk: "medium", why: "VoIP accounts are brute-forced to place paid calls." },
  { port: 5938, name: "TeamViewer", risk: "medium", why: "Remote control; make sure it asks for strong credentials." },
  { port: 6667, name: "IRC", risk: "medium", why: "Also a classic botnet command channel; find out what listens." },
  { port: 25, name: "SMTP", risk: "low", why: "Normal for a mail server; make sure it is not an open relay." },
  { port: 80, name: "HTTP", risk: "low", why: "Normal for a website; anything else answering here (a router page) should be closed." },
  { port: 443, name: "HTTPS", risk: "low", why: "Normal for a website; anything else answering here (a router page) should be closed." },
  { port: 25565, name: "Minecraft", risk: "low", why: "Normal for a game server; keep it updated and whitelisted." },
];

export const EXPOSURE_PORTS: readonly number[] = EXPOSURE_PRESET.map((entry) => entry.port);

const BY_PORT = new Map(EXPOSURE_PRESET.map((entry) => [entry.port, entry]));

export function exposureEntry(port: number): ExposurePort | undefined {
  return BY_PORT.get(port);
}
