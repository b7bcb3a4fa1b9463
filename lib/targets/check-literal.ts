// Parse a host and refuse a forbidden literal address at once (names are judged when resolved).
// Shared by instant checks and monitors, so both refuse the same way; the API's boundary maps the
// TargetError to 400 (invalid_host) or 422 (target_forbidden) at the field "host".
import { TargetError } from "./errors";
import { parseHost } from "./parse-host";
import { judgeAddress, refusalMessage, type TargetRules } from "./policy";

export function normaliseHostOrThrow(input: string, rules: TargetRules): { value: string; literal: boolean } {
  try {
    const parsed = parseHost(input);
    if (parsed.kind === "name") return { value: parsed.name, literal: false };
    const judgement = judgeAddress(parsed.address, rules)!;
    if (!judgement.allowed) throw new TargetError("target_forbidden", refusalMessage(judgement));
    return { value: judgement.address, literal: true };
  } catch (error) {
    if (error instanceof TargetError) throw new TargetError(error.code, error.message, error.transient, "host");
    throw error;
  }
}
