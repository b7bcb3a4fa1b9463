// Imported first by tests that exercise rate limits: small limits, set before env() is first read.
process.env.RATE_LIMIT_CHECKS_PER_MINUTE = "5";
process.env.RATE_LIMIT_TARGET_PER_MINUTE = "30";
