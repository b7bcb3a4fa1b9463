// Bounds of what a caller may hand a probe, shared by the request schemas of checks and monitors.

/** Ownership tokens: "pc-" and 24 base32 letters and digits. */
export const VERIFY_TOKEN_PATTERN = /^pc-[a-z2-7]{24}$/;

/** A monitor's `send` payload and `expectReply` pattern, in bytes. */
export const MAX_PAYLOAD_BYTES = 256;
