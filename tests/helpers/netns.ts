// Throw-away network namespaces that stand in for remote hosts: a veth link from the host, addresses in
// 10.77.N.0/24 and fd77::N:0/112, nftables inside to play a firewall, and optionally a slow path through
// tests/helpers/tun-delay.py. Needs root. Nothing here ever routes outside the host: the namespaces have no
// default route and the host gets unreachable guard routes for 10.77.0.0/16 and fd77::/64.
// This file stays the one import path for tests and benches; the code lives in tests/helpers/netns/.
export { cleanupStaleNamespaces } from "./netns/cleanup";
export { createNamespace } from "./netns/create";
export { NAMESPACE_PREFIX } from "./netns/names";
export type { Namespace, NamespaceOptions, NamespacePort } from "./netns/types";
