// An exposure scan: the preset of 100 ports most often left open by mistake, against the caller's own
// address only (never a host they name), as one check whose results carry each port's risk.
import type { ClientIp } from "../http/client-ip";
import { ProblemError } from "../problem-error";
import { TargetError } from "../targets/errors";
import { EXPOSURE_PORTS } from "../exposure/exposure-preset";
import type { WebContext } from "../web-context";
import type { CheckView } from "./check-view";
import { createCheck } from "./create-check";

export async function createExposureScan(client: ClientIp | null, context: WebContext, requestId: string | null = null): Promise<CheckView> {
  if (!client) throw new ProblemError("invalid_request", "Portcheck could not determine your IP address. Please try again.");
  try {
    return await createCheck({ host: "me", ports: [...EXPOSURE_PORTS] }, { client, maxPorts: EXPOSURE_PORTS.length, preset: "exposure", requestId }, context);
  } catch (error) {
    if (error instanceof TargetError && error.code === "target_forbidden") {
      throw new ProblemError(
        "target_forbidden",
        `Your address ${client.ip} is not a public internet address (you are on the same network as Portcheck, or behind a proxy it does not know), so there is nothing the internet could reach to scan.`,
      );
    }
    throw error;
  }
}
