// Why a target was refused or could not be resolved. The API and the worker map these codes.
export type TargetErrorCode = "invalid_host" | "target_forbidden" | "dns_failed";

export class TargetError extends Error {
  constructor(
    readonly code: TargetErrorCode,
    message: string,
    /** A transient resolver failure (SERVFAIL, timeout): worth a retry. */
    readonly transient = false,
    /** The request field the refused host came from, for the API's error path. */
    readonly field?: string,
  ) {
    super(message);
    this.name = "TargetError";
  }
}
