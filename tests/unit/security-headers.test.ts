import { describe, expect, it } from 'vitest';
import { bodyRefusal, kindOf, MAX_BODY_BYTES, securityHeaders, servedOverHttps } from '@/lib/security/headers';

describe('security headers', () => {
  it('sorts paths into pages, handlers with their own policy, Auth.js, files and the worker', () => {
    expect(['/login', '/shelters', '/shelters/abc/rooms', '/staff', '/', '/nope'].map(kindOf)).toEqual(Array(6).fill('page'));
    expect(
      ['/s/abc', '/request', '/privacy', '/public/shelters', '/open/hsds.json', '/open', '/open/services', '/open/services/abc'].map(
        kindOf,
      ),
    ).toEqual(Array(8).fill('ownPolicy'));
    expect(kindOf('/opening')).toBe('page');
    expect(['/_next/static/chunks/a.js', '/robots.txt', '/favicon.ico'].map(kindOf)).toEqual(Array(3).fill('file'));
    expect(kindOf('/api/auth/session')).toBe('api');
    expect(kindOf('/s/sw.js')).toBe('worker');
  });

  it('gives pages a nonce CSP without unsafe-eval or inline scripts, same-origin referrers and no caching', () => {
    const headers = securityHeaders('page', { https: false, nonce: 'abc' });
    expect(headers['content-security-policy']).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(headers).toMatchObject({
      'referrer-policy': 'same-origin',
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    });
    expect(headers['strict-transport-security']).toBeUndefined();
  });

  it('leaves the CSP, referrer policy and caching of self-rendered pages to their handler', () => {
    const headers = securityHeaders('ownPolicy', { https: true });
    expect(Object.keys(headers).sort()).toEqual(['strict-transport-security', 'x-content-type-options', 'x-frame-options']);
  });

  it('keeps caching of static files as Next sets it, but forbids framing and running anything', () => {
    const headers = securityHeaders('file', { https: false });
    expect(headers['cache-control']).toBeUndefined();
    expect(headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(securityHeaders('worker', { https: false })['content-security-policy']).toContain("connect-src 'self'");
  });

  it('knows HTTPS from the URL, the reverse proxy or an https AUTH_URL', () => {
    const plain = new URL('http://127.0.0.1:3000/login');
    expect(servedOverHttps(plain, new Headers(), undefined)).toBe(false);
    expect(servedOverHttps(plain, new Headers({ 'x-forwarded-proto': 'https' }), undefined)).toBe(true);
    expect(servedOverHttps(plain, new Headers({ 'x-forwarded-proto': 'http' }), 'https://waystation.example.org')).toBe(true);
    expect(servedOverHttps(new URL('https://x.example/'), new Headers(), undefined)).toBe(true);
  });

  it('refuses bodies over the limit (413) and of unknown length (411)', () => {
    expect(bodyRefusal('POST', new Headers({ 'content-length': String(MAX_BODY_BYTES) }))).toBeNull();
    expect(bodyRefusal('POST', new Headers({ 'content-length': String(MAX_BODY_BYTES + 1) }))).toBe(413);
    expect(bodyRefusal('POST', new Headers({ 'content-length': '1e9' }))).toBe(413);
    expect(bodyRefusal('POST', new Headers({ 'transfer-encoding': 'chunked' }))).toBe(411);
    expect(bodyRefusal('GET', new Headers())).toBeNull();
  });
});
