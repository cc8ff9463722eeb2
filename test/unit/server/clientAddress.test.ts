import { describe, expect, it } from 'vitest';
import {
  chooseClientAddress,
  DEFAULT_TRUSTED_PROXIES,
  normalizeAddress,
  parseProxyEntry,
  rateLimitKey,
  trustedProxies,
} from '../../../server/http/clientAddress.ts';

const loopback = trustedProxies(DEFAULT_TRUSTED_PROXIES);

describe('chooseClientAddress', () => {
  it('takes the hop our proxy appended, not the leftmost one the client wrote', () => {
    expect(chooseClientAddress('127.0.0.1', '6.6.6.6, 203.0.113.7', loopback)).toBe('203.0.113.7');
    expect(chooseClientAddress('127.0.0.1', '127.0.0.1, 203.0.113.7', loopback)).toBe(
      '203.0.113.7',
    );
  });

  it('skips every trusted proxy from the right, across IPv4 and IPv6 ranges', () => {
    const chain = trustedProxies(['127.0.0.1/8', '::1', '10.0.0.0/8', '2001:db8:1::/48']);
    expect(
      chooseClientAddress('::1', '1.1.1.1, 198.51.100.4, 10.1.2.3, 2001:db8:1::9', chain),
    ).toBe('198.51.100.4');
  });

  it('ignores X-Forwarded-For when the socket is not a trusted proxy', () => {
    expect(chooseClientAddress('198.51.100.9', '10.0.0.1', loopback)).toBe('198.51.100.9');
  });

  it('ignores X-Forwarded-For entirely without trusted proxies (TRUST_PROXY off)', () => {
    expect(chooseClientAddress('127.0.0.1', '10.0.0.1', null)).toBe('127.0.0.1');
  });

  it('treats IPv4-mapped IPv6 as IPv4, for the socket and for hops', () => {
    expect(chooseClientAddress('::ffff:127.0.0.1', '203.0.113.7', loopback)).toBe('203.0.113.7');
    expect(chooseClientAddress('::ffff:127.0.0.1', '::FFFF:203.0.113.7', loopback)).toBe(
      '203.0.113.7',
    );
    expect(chooseClientAddress('::ffff:198.51.100.1', '10.0.0.1', loopback)).toBe('198.51.100.1');
  });

  it('takes the socket address without a header, and the leftmost hop when all are proxies', () => {
    expect(chooseClientAddress('127.0.0.1', undefined, loopback)).toBe('127.0.0.1');
    expect(chooseClientAddress('127.0.0.1', ' , ', loopback)).toBe('127.0.0.1');
    expect(chooseClientAddress('127.0.0.1', '127.0.0.2, ::1', loopback)).toBe('127.0.0.2');
  });

  it('strips ports and keeps an odd hop a trusted proxy wrote as its key', () => {
    expect(chooseClientAddress('127.0.0.1', '203.0.113.7:51234', loopback)).toBe('203.0.113.7');
    expect(chooseClientAddress('127.0.0.1', '[2001:DB8::7]:443', loopback)).toBe('2001:db8::7');
    expect(chooseClientAddress('127.0.0.1', '1.2.3.4, unknown', loopback)).toBe('unknown');
  });
});

describe('TRUSTED_PROXIES entries', () => {
  it('parses addresses and CIDR ranges of both families', () => {
    expect(parseProxyEntry('10.0.0.0/8')).toEqual({
      address: '10.0.0.0',
      prefix: 8,
      family: 'ipv4',
    });
    expect(parseProxyEntry('192.168.1.10')).toMatchObject({ prefix: 32, family: 'ipv4' });
    expect(parseProxyEntry('2001:DB8::/32')).toEqual({
      address: '2001:db8::',
      prefix: 32,
      family: 'ipv6',
    });
    expect(parseProxyEntry('::ffff:10.0.0.0/104')).toEqual({
      address: '10.0.0.0',
      prefix: 8,
      family: 'ipv4',
    });
  });

  it('refuses what is not an address or range', () => {
    for (const bad of ['', 'nginx', '10.0.0.0/33', '::1/129', '10.0.0.0/', '10.0.0.0/x', '1.2.3']) {
      expect(parseProxyEntry(bad), bad).toBeNull();
    }
    expect(() => trustedProxies(['127.0.0.1', 'proxy.school.nl'])).toThrow(/proxy\.school\.nl/);
  });

  it('matches addresses inside a range, including IPv4-mapped ones', () => {
    const proxies = trustedProxies(['10.0.0.0/8', 'fd00::/8']);
    expect(proxies.has('10.200.3.4')).toBe(true);
    expect(proxies.has('::ffff:10.200.3.4')).toBe(true);
    expect(proxies.has('11.0.0.1')).toBe(false);
    expect(proxies.has('fd12:3456::1')).toBe(true);
    expect(proxies.has('fe80::1')).toBe(false);
    expect(proxies.has('not an address')).toBe(false);
  });
});

describe('normalizeAddress and rateLimitKey', () => {
  it('normalizes or refuses', () => {
    expect(normalizeAddress(' 203.0.113.7 ')).toBe('203.0.113.7');
    expect(normalizeAddress('FE80::1%eth0')).toBe('fe80::1');
    expect(normalizeAddress('example.org')).toBeNull();
  });

  it('counts an IPv6 client per /64 and an IPv4 client per address', () => {
    expect(rateLimitKey('2001:db8:aa:bb:1:2:3:4')).toBe('2001:db8:aa:bb::/64');
    expect(rateLimitKey('2001:db8:aa:bb::99')).toBe('2001:db8:aa:bb::/64');
    expect(rateLimitKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(rateLimitKey('::1')).toBe('0:0:0:0::/64');
    expect(rateLimitKey('64:ff9b::203.0.113.7')).toBe('64:ff9b:0:0::/64');
    expect(rateLimitKey('203.0.113.7')).toBe('203.0.113.7');
    expect(rateLimitKey('unknown')).toBe('unknown');
  });
});
