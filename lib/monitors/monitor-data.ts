// The API's words for a monitor's options, in the database's: family "4" is v4, tls true is on, send is sendText.
// channelIds are rows of their own (lib/channels/attach-channels.ts).
import { storedFamily, storedTls } from "../checks/check-options";
import type { UpdateMonitorInput } from "./schemas";

export function monitorData<T extends UpdateMonitorInput>(input: T) {
  const { send, family, tls, channelIds: _channels, ...rest } = input;
  return {
    ...rest,
    ...(send !== undefined ? { sendText: send } : {}),
    ...(family !== undefined ? { family: storedFamily(family) } : {}),
    ...(tls !== undefined ? { tls: storedTls(tls) } : {}),
  };
}
