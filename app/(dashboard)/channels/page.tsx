// /channels: the account's notification channels (Slack, Discord, Teams, Telegram, ntfy, Gotify, e-mail,
// webhook), each with a test button and its last deliveries, and the form to add one.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { ChannelManager } from "@/app/_components/channel-manager";
import { deliveryPage } from "@/lib/alerts/delivery-log";
import { currentUser } from "@/lib/auth/session";
import { listChannels } from "@/lib/channels/queries";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Channels" };
export const dynamic = "force-dynamic";

export default async function ChannelsPage() {
  const user = (await currentUser(await headers()))!;
  const channels = await listChannels(db(), user.id);
  const logs = await Promise.all(channels.map((channel) => deliveryPage(db(), { channelId: channel.id }, { limit: 5 })));
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">Channels</h1>
      <p className="text-slate-600 dark:text-slate-400">
        Places your alerts go: set one up once, send it a test, then tick it on any monitor (Add monitor, or Edit on a monitor&apos;s page). Every channel only posts to public addresses, gives up on a receiver after 10 seconds, and retries failed alerts.
      </p>
      <ChannelManager channels={channels.map((channel, index) => ({ ...channel, deliveries: logs[index]!.items }))} accountEmail={user.email} />
    </div>
  );
}
