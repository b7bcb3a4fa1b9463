// Imported first by the regions test: the web in this process and every worker it starts may probe the
// test's namespaces (10.77.0.0/16) and the webhook receiver (127.0.0.2), nothing else; 1-second monitors;
// small jobs so that a check splits. Set before env() is first read; worker processes inherit them.
import { TEST_INSTANCE } from "../instance";
import { TEST_DENYLIST } from "../test-env";

process.env.TARGET_ALLOWLIST = "10.77.0.0/16,127.0.0.2/32";
process.env.TARGET_DENYLIST = TEST_DENYLIST;
process.env.MONITOR_MIN_INTERVAL_SECONDS = "1";
process.env.MAX_PORTS_PER_CHECK = "100";
process.env.PORTS_PER_JOB = "5";
process.env.WORKER_CONCURRENCY = "3";
// A registry and queues of its own: workers of earlier test files, killed, stay "live" for up to 15 s.
process.env.REDIS_PREFIX = `${TEST_INSTANCE.unitPrefix}-regions`;
