import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

/** Loopback: a reverse proxy on the same machine (nginx, Caddy, IIS). */
export const DEFAULT_TRUSTED_PROXIES: readonly string[] = ['127.0.0.1/8', '::1'];

/** One entry of TRUSTED_PROXIES: an address, or a network as `address/prefix`. */
export type ProxyEntry = {
  readonly address: string;
  readonly prefix: number;
  readonly family: 'ipv4' | 'ipv6';
};

/** The proxies whose X-Forwarded-For hops are believed (TRUSTED_PROXIES). */
export type TrustedProxies = {
  has(address: string): boolean;
};

const MAPPED_IPV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/**
 * An address as the rest of the server compares it: IPv4-mapped IPv6
 * (`::ffff:127.0.0.1`, what a dual-stack socket reports) as plain IPv4,
 * IPv6 lowercase without a zone (`%eth0`); null when it is no IP address.
 */
export function normalizeAddress(raw: string): string | null {
  let value = raw.trim();
  // Some proxies write a port: `1.2.3.4:5678`, `[2001:db8::1]:443`.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.indexOf(':'));
  const zone = value.indexOf('%');
  if (zone >= 0) value = value.slice(0, zone);
  const mapped = MAPPED_IPV4.exec(value);
  if (mapped?.[1]) value = mapped[1];
  const family = isIP(value);
  if (family === 4) return value;
  if (family === 6) return value.toLowerCase();
  return null;
}

/** Parses `10.0.0.0/8`, `2001:db8::/32`, `192.168.1.10`, `::ffff:10.0.0.0/104`; null when malformed. */
export function parseProxyEntry(raw: string): ProxyEntry | null {
  const slash = raw.indexOf('/');
  const addressPart = slash < 0 ? raw.trim() : raw.slice(0, slash).trim();
  const prefixPart = slash < 0 ? null : raw.slice(slash + 1).trim();
  if (addressPart.includes('%')) return null;
  const mapped = MAPPED_IPV4.exec(addressPart);
  const family = isIP(addressPart);
  if (family === 0) return null;
  let prefix = family === 4 ? 32 : 128;
  if (prefixPart !== null) {
    if (!/^\d{1,3}$/.test(prefixPart)) return null;
    prefix = Number(prefixPart);
    if (prefix > (family === 4 ? 32 : 128)) return null;
  }
  // A mapped network that covers only mapped addresses is the IPv4 network it maps.
  if (mapped?.[1] && prefix >= 96) {
    return { address: mapped[1], prefix: prefix - 96, family: 'ipv4' };
  }
  return {
    address: family === 4 ? addressPart : addressPart.toLowerCase(),
    prefix,
    family: family === 4 ? 'ipv4' : 'ipv6',
  };
}

/** The trusted proxies from TRUSTED_PROXIES entries; throws naming a malformed entry. */
export function trustedProxies(entries: readonly string[]): TrustedProxies {
  const list = new BlockList();
  for (const raw of entries) {
    const entry = parseProxyEntry(raw);
    if (!entry) throw new Error(`not an IP address or CIDR range: ${JSON.stringify(raw)}`);
    list.addSubnet(entry.address, entry.prefix, entry.family);
  }
  return {
    has(address) {
      const normalized = normalizeAddress(address);
      if (normalized === null) return false;
      return list.check(normalized, isIP(normalized) === 4 ? 'ipv4' : 'ipv6');
    },
  };
}

/** Hop strings are echoed into rate-limit keys; a proxy never writes one this long. */
const MAX_HOP_LENGTH = 64;

/**
 * The address a request came from. Without trusted proxies: the socket's.
 * Behind them: the rightmost X-Forwarded-For hop that is not a trusted proxy,
 * because proxies append (nginx's `$proxy_add_x_forwarded_for`) and everything
 * left of the hop our own proxy wrote is whatever the client sent. A socket
 * that is not a trusted proxy itself has its X-Forwarded-For ignored.
 */
export function chooseClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  proxies: TrustedProxies | null,
): string {
  const peer = socketAddress === undefined ? null : normalizeAddress(socketAddress);
  if (peer === null) return socketAddress ?? 'unknown';
  if (proxies === null || !forwardedFor || !proxies.has(peer)) return peer;
  const hops = forwardedFor
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop.length > 0);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] ?? '';
    const address = normalizeAddress(hop);
    // Written by a trusted proxy (the one right of it), so believed even when odd ("unknown").
    if (address === null) return hop.slice(0, MAX_HOP_LENGTH).toLowerCase();
    if (!proxies.has(address)) return address;
  }
  const first = hops[0];
  return first === undefined ? peer : (normalizeAddress(first) ?? peer);
}

/**
 * {@link chooseClientAddress} for requests (`proxies` is null unless
 * TRUST_PROXY is on). Says once in the log when X-Forwarded-For arrives from
 * a socket that is not a trusted proxy: a proxy missing from TRUSTED_PROXIES
 * makes all clients one address, which then share every rate limit.
 */
export function clientAddressResolver(
  proxies: TrustedProxies | null,
  log: (line: string) => void,
): (req: IncomingMessage) => string {
  let told = false;
  return (req) => {
    const header = req.headers['x-forwarded-for'];
    const forwardedFor = Array.isArray(header) ? header.join(',') : header;
    const peer = req.socket.remoteAddress;
    if (proxies !== null && forwardedFor && !told && peer !== undefined && !proxies.has(peer)) {
      told = true;
      log(
        `X-Forwarded-For from ${normalizeAddress(peer) ?? peer} ignored: not in TRUSTED_PROXIES (said once)`,
      );
    }
    return chooseClientAddress(peer, forwardedFor, proxies);
  };
}

/**
 * The key a rate limit counts under: the address, except that IPv6 clients
 * are counted per /64, the block one home or school connection is handed, so
 * rotating through its 2^64 addresses buys no extra attempts.
 */
export function rateLimitKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const groups = expandIpv6(address);
  return groups === null ? address : `${groups.slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address (hex, no leading zeros); null when malformed. */
function expandIpv6(address: string): string[] | null {
  let text = address;
  const tail = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (tail?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = tail[1].split('.').map(Number);
    const hex = `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
    text = text.slice(0, -tail[1].length) + hex;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 0) return null;
  const groups = [...head, ...Array<string>(missing).fill('0'), ...rest];
  return groups.map((group) => Number.parseInt(group, 16).toString(16));
}
