// A plain-words hint for a private, loopback or link-local address typed into the checker: what it is,
// and what to check instead. Pure (ipaddr.js), so the form can use it in the browser.
import ipaddr from "ipaddr.js";

const LOCAL_RANGES: Record<string, string> = {
  private: "a private (home or office network) address",
  loopback: "this device's own loopback address",
  linkLocal: "a link-local address, valid only on one network segment",
  uniqueLocal: "a private (unique local) IPv6 address",
  carrierGradeNat: "an address inside your provider's network (carrier-grade NAT)",
};

export function localAddressHint(host: string, publicIp: string | null): string | null {
  const text = host.replace(/^\[|\]$/g, "");
  if (!ipaddr.isValid(text)) return host.toLowerCase() === "localhost" ? hintFor("this device itself (localhost)", publicIp) : null;
  let address = ipaddr.parse(text);
  if (address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress()) address = (address as ipaddr.IPv6).toIPv4Address();
  const what = LOCAL_RANGES[address.range()];
  return what ? hintFor(`${text} is ${what}`, publicIp) : null;
}

function hintFor(what: string, publicIp: string | null): string {
  const subject = what.startsWith("this device") ? `That is ${what}` : what;
  return `${subject}: only devices on your own network reach it, and Portcheck checks from the internet.${publicIp ? ` Your public IP is ${publicIp}: switch on “Use my IP” to check that instead.` : " Check your public IP address instead."}`;
}
