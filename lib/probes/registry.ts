// Every probe kind Portcheck can run, by the name stored in check_results.probe.
import type { ProbeKind } from "../generated/prisma/enums";
import { tcpProbe } from "./tcp";
import type { Probe } from "./types";

export const probes: Record<ProbeKind, Probe> = {
  tcp: tcpProbe,
};
