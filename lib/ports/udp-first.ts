// Ports whose service speaks UDP (only, or first): a TCP check of them would mislead, so their pages and
// links offer the UDP check. Pure: the browser may use it.
export const UDP_FIRST_PORTS: Readonly<Record<number, string>> = {
  67: "DHCP",
  68: "DHCP",
  69: "TFTP",
  123: "NTP",
  137: "NetBIOS name service",
  138: "NetBIOS datagrams",
  161: "SNMP",
  162: "SNMP traps",
  500: "IPsec IKE",
  514: "syslog",
  1194: "OpenVPN (default)",
  1900: "SSDP / UPnP",
  3478: "STUN / TURN",
  4500: "IPsec NAT traversal",
  5353: "multicast DNS",
  9987: "TeamSpeak 3 voice",
  19132: "Minecraft Bedrock Edition",
  19133: "Minecraft Bedrock Edition (IPv6)",
  27015: "Source engine game servers",
  34197: "Factorio",
  51820: "WireGuard",
};

/** The protocol a check of this port should use by default. */
export function checkProtocolFor(port: number): "tcp" | "udp" {
  return port in UDP_FIRST_PORTS ? "udp" : "tcp";
}
