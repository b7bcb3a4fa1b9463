// Parse a host and refuse a forbidden literal address at once (names are judged when resolved).
// Shared by instant checks and monitors, so both answer the same 400 and 422.
import { env } from "../env";
import { ApiError } from "../http/problem";
import { TargetError } from "./errors";
import { parseHost } from "./parse-host";
import { judgeAddress, refusalMessage } from "./policy";

export function normaliseHostOrThrow(input: string): { value: string; literal: boolean } {
  try {
    const parsed = parseHost(input);
    if (parsed.kind === "name") return { value: parsed.name, literal: false };
    const { TARGET_ALLOWLIST, TARGET_DENYLIST } = env();
    const judgement = judgeAddress(parsed.address, { allowlist: TARGET_ALLOWLIST, denylist: TARGET_DENYLIST })!;
    if (!judgement.allowed) throw new TargetError("target_forbidden", refusalMessage(judgement));
    return { value: judgement.address, literal: true };
  } catch (error) {
    if (error instanceof TargetError && error.code === "invalid_host") {
      throw new ApiError(400, "invalid_request", error.message, [{ path: "host", message: error.message }]);
    }
    if (error instanceof TargetError) throw new ApiError(422, "target_forbidden", error.message, [{ path: "host", message: error.message }]);
    throw error;
  }
}
