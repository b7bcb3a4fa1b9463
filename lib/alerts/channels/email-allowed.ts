// E-mail channels go only to the account's own confirmed address (checked when the channel is saved and
// again when an alert is recorded): alerts must not become a way to mail strangers.
export function emailChannelAllowed(config: Record<string, unknown>, owner: { email: string; emailVerified: boolean }): boolean {
  return owner.emailVerified && typeof config.address === "string" && config.address.toLowerCase() === owner.email.toLowerCase();
}
