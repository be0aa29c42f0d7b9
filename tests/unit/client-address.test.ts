import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientAddress } from '@/lib/auth/client-address';

const withForwarded = (value?: string) => new Headers(value === undefined ? {} : { 'x-forwarded-for': value });

// Restore process.env in place (keeping Node's own env object) after each test.
let saved: Record<string, string | undefined>;
beforeEach(() => {
  saved = { ...process.env };
  delete process.env.TRUST_PROXY;
});
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
});

describe('clientAddress', () => {
  it('is "unknown" without an X-Forwarded-For header', () => {
    expect(clientAddress(withForwarded())).toBe('unknown');
  });

  it('is "unknown" for an empty or blank header', () => {
    expect(clientAddress(withForwarded(''))).toBe('unknown');
    expect(clientAddress(withForwarded(' , ,  '))).toBe('unknown');
  });

  it('is the one hop when there is only one', () => {
    expect(clientAddress(withForwarded('203.0.113.7'))).toBe('203.0.113.7');
  });

  it('takes the last hop with TRUST_PROXY unset, so a forged first hop is ignored', () => {
    expect(clientAddress(withForwarded('forged, real'))).toBe('real');
    expect(clientAddress(withForwarded('1.1.1.1, 2.2.2.2, 198.51.100.9'))).toBe('198.51.100.9');
  });

  it('treats TRUST_PROXY=0, 1 or junk as one trusted hop', () => {
    for (const value of ['0', '1', 'yes', '-3', '']) {
      process.env.TRUST_PROXY = value;
      expect(clientAddress(withForwarded('forged, real'))).toBe('real');
    }
  });

  it('with TRUST_PROXY=2 takes the hop two from the end (CDN then nginx in front)', () => {
    process.env.TRUST_PROXY = '2';
    // The CDN appends the client it saw, nginx appends the CDN it saw.
    expect(clientAddress(withForwarded('client, cdn'))).toBe('client');
    // A client that forges a header gets its forgery kept in front of the real hops.
    expect(clientAddress(withForwarded('forged, client, cdn'))).toBe('client');
    expect(clientAddress(withForwarded('forged-1, forged-2, client, cdn'))).toBe('client');
  });

  it('with more trusted proxies than hops takes the first hop', () => {
    process.env.TRUST_PROXY = '3';
    expect(clientAddress(withForwarded('client, cdn'))).toBe('client');
    expect(clientAddress(withForwarded('only'))).toBe('only');
  });

  it('trims whitespace around hops and skips empty ones', () => {
    expect(clientAddress(withForwarded('  203.0.113.7  '))).toBe('203.0.113.7');
    expect(clientAddress(withForwarded('forged ,\t real \t'))).toBe('real');
    expect(clientAddress(withForwarded('forged, real, '))).toBe('real');
    process.env.TRUST_PROXY = '2';
    expect(clientAddress(withForwarded(' forged ,  client  ,   cdn '))).toBe('client');
  });

  it('keeps IPv6 addresses whole', () => {
    expect(clientAddress(withForwarded('2001:db8::1, 2001:db8::2'))).toBe('2001:db8::2');
  });

  it('gives one of the hops, never undefined, for a non-integer TRUST_PROXY', () => {
    // A typo such as TRUST_PROXY=1.5 must not make the address undefined: the throttle hashes it.
    process.env.TRUST_PROXY = '1.5';
    const address = clientAddress(withForwarded('client, cdn'));
    expect(typeof address).toBe('string');
    expect(['client', 'cdn']).toContain(address);
  });
});
