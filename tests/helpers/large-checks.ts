// Imported first by test files whose checks have more ports than an anonymous visitor may ask for:
// the configuration is read once, on first use, so it must be set before any other import.
process.env.MAX_PORTS_PER_CHECK = "100";
