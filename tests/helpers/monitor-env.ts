// Imported first by monitor tests: a real SMTP server, 1-second monitors and a small quota,
// set before env() is first read (the worker processes inherit them too).
import { startSmtpServer } from "./smtp";

export const smtp = await startSmtpServer();
process.env.SMTP_URL = smtp.url;
process.env.MAIL_FROM = "Portcheck <alerts@portcheck.test>";
process.env.MONITOR_MIN_INTERVAL_SECONDS = "1";
process.env.MAX_MONITORS_PER_USER = "3";
