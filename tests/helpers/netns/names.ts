// Names shared by everything that creates, finds or removes test namespaces and links. Cleanup matches
// these patterns to tell our leftovers from anything else on the host, so they must not drift apart.

/** Every namespace we create is called `pctest-<N>-<creating pid>`; cleanupStaleNamespaces() relies on it. */
export const NAMESPACE_PREFIX = "pctest-";
export const NAME_PATTERN = /^pctest-(\d+)-(\d+)$/;
// Host-side links are `pct<N>-h` (veth) and `pct<N>-a` (TUN); their peers `pct<N>-n` and `pct<N>-b` live
// inside the namespace. The veth name is what claims N: creating it fails if another process holds N.
export const LINK_PATTERN = /^pct(\d+)-[hnab]$/;
export const OWNER_ALIAS = "pctest-pid-";
export const MIN_INDEX = 2;
export const MAX_INDEX = 250;
