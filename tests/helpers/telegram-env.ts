// Imported right after monitor-env by channel tests: a local receiver stands in for Telegram's Bot API,
// set before env() is first read (worker processes inherit it too).
import { startWebhookReceiver } from "./webhook-receiver";

export const telegram = await startWebhookReceiver();
process.env.TELEGRAM_API_URL = new URL(telegram.url).origin;
