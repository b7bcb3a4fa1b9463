// Imported first by test files that need more than a visitor's 20 ports or an account's 50 monitors:
// the configuration is read once, on first use, so it must be set before any other import.
process.env.MAX_PORTS_PER_CHECK = "100";
process.env.MAX_MONITORS_PER_USER = "1000";
