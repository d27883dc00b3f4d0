import { isIPv4, isIPv6 } from "node:net";

/** The address as the inet columns accept it, or null when it is not an IP address. */
export function inetOrNull(ip: string | null | undefined): string | null {
  if (!ip) return null;
  return isIPv4(ip) || isIPv6(ip) ? ip : null;
}

function expandIPv6(ip: string): string[] {
  const [head = "", tail] = ip.split("::");
  const left = head === "" ? [] : head.split(":");
  const right = tail === undefined || tail === "" ? [] : tail.split(":");
  // An embedded IPv4 tail (::ffff:1.2.3.4) takes two groups.
  const last = right.length > 0 ? right : left;
  const lastGroup = last[last.length - 1];
  if (lastGroup?.includes(".")) {
    const octets = lastGroup.split(".").map(Number);
    const [a = 0, b = 0, c = 0, d = 0] = octets;
    last.splice(last.length - 1, 1, ((a << 8) | b).toString(16), ((c << 8) | d).toString(16));
  }
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill("0"), ...right].map((group) =>
    Number.parseInt(group, 16).toString(16),
  );
}

/**
 * Groups addresses the way one client holds them: an IPv4 address alone, an IPv6
 * client by its /64 (anyone with a /64 can pick any address inside it), and an
 * IPv4-mapped IPv6 address as the IPv4 address it is.
 */
export function ipGroup(ip: string): string {
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip)) return ip.trim().toLowerCase() || "unknown";
  const groups = expandIPv6(ip.toLowerCase().split("%")[0] ?? "");
  if (groups.slice(0, 5).every((g) => g === "0") && groups[5] === "ffff") {
    const high = Number.parseInt(groups[6] ?? "0", 16);
    const low = Number.parseInt(groups[7] ?? "0", 16);
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
  }
  return `${groups.slice(0, 4).join(":")}::/64`;
}
