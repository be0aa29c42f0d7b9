import { describe, expect, it } from 'vitest';
import { botVerdict, formStamp, MIN_FILL_MS, STAMP_MAX_AGE_MS } from '@/lib/requests/form-guard';

const HANDED_OUT = new Date('2026-10-01T14:00:00Z');
const after = (ms: number) => new Date(HANDED_OUT.getTime() + ms);

describe('the request form’s guard against naive bots', () => {
  const stamp = formStamp(HANDED_OUT);

  it('lets a person through who took a few seconds', () => {
    expect(botVerdict({ stamp, website: '' }, after(MIN_FILL_MS))).toBeNull();
    expect(botVerdict({ stamp }, after(10 * 60_000))).toBeNull();
  });

  it('refuses a post sent faster than a person can fill the form', () => {
    expect(botVerdict({ stamp }, after(MIN_FILL_MS - 1))).toBe('tooFast');
    expect(botVerdict({ stamp }, after(0))).toBe('tooFast');
  });

  it('refuses a filled honeypot field whatever the timing', () => {
    expect(botVerdict({ stamp, website: 'http://spam.example' }, after(60_000))).toBe('honeypot');
  });

  it('refuses a missing, backdated or forged stamp, and one from the future', () => {
    const [ms, nonce, signature] = stamp.split('.');
    expect(botVerdict({}, after(60_000))).toBe('stale');
    expect(botVerdict({ stamp: `${Number(ms) - 60_000}.${nonce}.${signature}` }, after(0))).toBe('stale');
    expect(botVerdict({ stamp: `${ms}.${nonce.slice(0, -2)}AA.${signature}` }, after(60_000))).toBe('stale');
    expect(botVerdict({ stamp: `${ms}.${nonce}.${signature.slice(0, -2)}AA` }, after(60_000))).toBe('stale');
    expect(botVerdict({ stamp: `${ms}.${nonce}.${signature}.x` }, after(60_000))).toBe('stale');
    expect(botVerdict({ stamp: formStamp(after(60_000)) }, after(0))).toBe('stale');
  });

  it('refuses a stamp past its maximum age, which is as long as a spent one is remembered', () => {
    expect(botVerdict({ stamp }, after(STAMP_MAX_AGE_MS))).toBeNull();
    expect(botVerdict({ stamp }, after(STAMP_MAX_AGE_MS + 1))).toBe('stale');
  });
});
