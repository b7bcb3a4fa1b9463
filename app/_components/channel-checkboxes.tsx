// The monitor form's list of the account's notification channels: tick the ones its alerts also go to.
import Link from "next/link";

export interface ChannelChoice {
  id: string;
  name: string;
  kindLabel: string;
}

export function ChannelCheckboxes({ channels, selected, error }: { channels: ChannelChoice[]; selected: string[]; error?: string }) {
  return (
    <fieldset>
      <legend className="font-medium">Also alert these channels</legend>
      {channels.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          No channels yet: <Link href="/channels" className="text-blue-700 underline dark:text-blue-400">add Slack, Discord, Teams, Telegram, ntfy, Gotify or more</Link>.
        </p>
      ) : (
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {channels.map((channel) => (
            <label key={channel.id} className="flex items-center gap-2">
              <input type="checkbox" name="channelIds" value={channel.id} defaultChecked={selected.includes(channel.id)} className="h-4 w-4 accent-blue-600" />
              <span>
                {channel.name} <span className="text-sm text-slate-500 dark:text-slate-400">({channel.kindLabel})</span>
              </span>
            </label>
          ))}
        </div>
      )}
      {error && (
        <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </fieldset>
  );
}
