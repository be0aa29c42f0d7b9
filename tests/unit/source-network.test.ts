import { describe, expect, it } from 'vitest';
import { sourceNetwork } from '@/lib/requests/source-network';

describe('the source network of an address', () => {
  it('is the /24 of an IPv4 address, however it is written', () => {
    expect(sourceNetwork('203.0.113.77')).toBe('203.0.113.0/24');
    expect(sourceNetwork('::ffff:203.0.113.9')).toBe('203.0.113.0/24');
    expect(sourceNetwork('::FFFF:203.0.113.9')).toBe('203.0.113.0/24');
  });

  it('is the /48 of an IPv6 address, with `::` filled in and leading zeros dropped', () => {
    expect(sourceNetwork('2001:db8:7:1::5')).toBe('2001:db8:7::/48');
    expect(sourceNetwork('2001:0DB8:0007:ffff:0:0:0:1')).toBe('2001:db8:7::/48');
    expect(sourceNetwork('[2001:db8:7::9]')).toBe('2001:db8:7::/48');
    expect(sourceNetwork('fe80::1%eth0')).toBe('fe80:0:0::/48');
    expect(sourceNetwork('1::2:3:4:5:6:7')).toBe('1:0:2::/48');
    expect(sourceNetwork('2001:db8::1.2.3.4')).toBe('2001:db8:0::/48');
    expect(sourceNetwork('::1')).toBe('0:0:0::/48');
  });

  it('is the text itself for anything that is not an address', () => {
    expect(sourceNetwork('unknown')).toBe('unknown');
    expect(sourceNetwork('203.0.113')).toBe('203.0.113');
  });
});
