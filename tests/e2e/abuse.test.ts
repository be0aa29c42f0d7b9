import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '@/db';
import { MAX_ARGUMENT_DEPTH } from '@/lib/security/action-body';
import { MAX_BODY_BYTES } from '@/lib/security/headers';
import { signInCookie } from '../bench/session';
import { DEMO_PASSWORD } from '../support/next-server';
import { snapshot } from '../support/test-db';

// Requests no browser of ours would send: a server action posted from another site, bodies too big
// to be a form, a body of unknown length. Each is refused and changes nothing in the database.
const baseURL = inject('baseURL');
const { sqlite } = openDatabase(inject('databasePath'));
afterAll(() => sqlite.close());
const CLIENT = { 'x-forwarded-for': '192.0.2.67' };

// React's own encoder for server action arguments, from Next's compiled copy: what a browser sends.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { encodeReply } = require('next/dist/compiled/react-server-dom-turbopack/client.node') as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};

/** The id the build gave `saveNetworkContact`, the admin's settings form. */
function settingsActionId(): string {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '.next', 'server', 'server-reference-manifest.json'), 'utf8'));
  const entries = Object.entries(manifest.node as Record<string, { filename: string; exportedName: string }>);
  return entries.find(([, e]) => e.filename === 'app/(staff)/settings/actions.ts' && e.exportedName === 'saveNetworkContact')![0];
}

const settingsRow = () =>
  sqlite
    .prepare(
      'select contact_phone as phone, contact_telegram as telegram, contact_whatsapp as whatsapp, requests_per_hour as perHour, retention_days as retention from network_settings',
    )
    .get() as { phone: string | null; telegram: string | null; whatsapp: string | null; perHour: number; retention: number } | undefined;

let cookie: string;
beforeAll(async () => {
  cookie = await signInCookie(baseURL, 'admin@waystation.test', DEMO_PASSWORD);
});

async function postSettings(origin: string, telegram: string, padding = '') {
  const current = settingsRow();
  const form = new FormData();
  // The rest of the settings go as they stand: other files (the public pages' contact) read them.
  const fields = {
    contactPhone: current?.phone ?? '',
    contactTelegram: telegram,
    contactWhatsapp: current?.whatsapp ?? '',
    requestsPerHour: String(current?.perHour ?? 40),
    retentionDays: String(current?.retention ?? 14),
    note: padding,
  };
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return fetch(`${baseURL}/settings`, {
    method: 'POST',
    headers: { ...CLIENT, 'next-action': settingsActionId(), accept: 'text/x-component', cookie, origin },
    body: await encodeReply([{ status: 'idle' }, form]),
  });
}

describe('abuse', () => {
  it('a server action posted from another site is refused and writes nothing, though the session is real', async () => {
    const before = snapshot(sqlite);
    const forged = await postSettings('https://elsewhere.example', '@forged_by_elsewhere');
    expect(forged.ok).toBe(false);
    expect(snapshot(sqlite)).toEqual(before);

    // The same post from this site goes through, so the refusal above was the origin's doing.
    const original = settingsRow()?.telegram ?? '';
    expect((await postSettings(baseURL, '@from_this_site')).status).toBe(200);
    expect(settingsRow()?.telegram).toBe('@from_this_site');
    expect((await postSettings(baseURL, original)).status).toBe(200);
  });

  it('a server action with an oversized body is refused with 413 and writes nothing', async () => {
    const before = snapshot(sqlite);
    const response = await postSettings(baseURL, '@too_big', 'x'.repeat(MAX_BODY_BYTES));
    expect(response.status).toBe(413);
    expect(snapshot(sqlite)).toEqual(before);
  });

  it('the public request form refuses an oversized body (413) and a body of unknown length (411)', async () => {
    const before = snapshot(sqlite);
    const headers = { ...CLIENT, origin: baseURL, 'content-type': 'application/x-www-form-urlencoded' };
    const huge = new URLSearchParams({ alias: 'Lena', adultWomen: '1', contact: '@lena', needNote: 'x'.repeat(MAX_BODY_BYTES) });
    expect((await fetch(`${baseURL}/request`, { method: 'POST', headers, body: huge })).status).toBe(413);
    const stream = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode('alias=Lena')), c.close()) });
    const chunked = await fetch(`${baseURL}/request`, { method: 'POST', headers, body: stream, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(411);
    expect(snapshot(sqlite)).toEqual(before);
  });

  it("an arrival's link, which the proxy leaves to itself, refuses the same bodies before reading them", async () => {
    // Any link will do: the refusal comes before the link is looked up, so not even a miss is counted.
    const link = `${baseURL}/s/${'A'.repeat(43)}`;
    const before = snapshot(sqlite);
    const headers = { ...CLIENT, origin: baseURL, 'content-type': 'application/x-www-form-urlencoded' };
    const huge = await fetch(link, { method: 'POST', headers, body: new URLSearchParams({ lang: 'ru', pad: 'x'.repeat(MAX_BODY_BYTES) }) });
    expect(huge.status).toBe(413);
    expect(huge.headers.get('x-content-type-options')).toBe('nosniff');
    const stream = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode('lang=ru')), c.close()) });
    const chunked = await fetch(link, { method: 'POST', headers, body: stream, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(411);
    expect(snapshot(sqlite)).toEqual(before);
  });

  it('a server action whose body Next could not decode is refused with 400 before Next reads it, and nothing leaks', async () => {
    const boundary = '----waystation-test';
    const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const multipart = (rows: string) => ({ type: `multipart/form-data; boundary=${boundary}`, body: `${rows}--${boundary}--\r\n` });
    const text = (body: string) => ({ type: 'text/plain;charset=UTF-8', body });
    const whole = multipart(part('1_contactTelegram', '@x') + part('0', '[{"status":"idle"},"$K1"]'));
    const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
    const cases: Record<string, { type: string; body: string; status: number }> = {
      'truncated multipart': { ...whole, body: whole.body.slice(0, 60), status: 400 },
      'multipart under another boundary': { ...whole, type: 'multipart/form-data; boundary=another', status: 400 },
      'multipart without a boundary': { ...whole, type: 'multipart/form-data', status: 400 },
      'multipart arguments that are not JSON': { ...multipart(part('0', '[{"status":')), status: 400 },
      'multipart arguments 20,000 levels deep': { ...multipart(part('0', deep(20_000))), status: 400 },
      'arguments that are not JSON': { ...text('{not json'), status: 400 },
      'no arguments at all': { ...text(''), status: 400 },
      'arguments that are not a list': { ...text('"hello"'), status: 400 },
      'arguments 20,000 levels deep': { ...text(deep(20_000)), status: 400 },
      'arguments one level deeper than allowed': { ...text(deep(MAX_ARGUMENT_DEPTH + 1)), status: 400 },
      // Well-formed, but naming parts the body does not carry: React's decoder throws, Next answers
      // 500 with an opaque digest (see README, Security).
      'a dangling reference to a part': { ...text('[{"status":"idle"},"$1"]'), status: 500 },
      'a dangling reference in multipart': { ...multipart(part('0', '["$Q5"]')), status: 500 },
      // A reference React leaves pending: the action gets no form and says which fields to fill in.
      'a dangling promise': { ...text('[{"status":"idle"},"$@3"]'), status: 200 },
    };
    const before = snapshot(sqlite);
    const seen: Record<string, number> = {};
    for (const [name, { type, body }] of Object.entries(cases)) {
      const response = await fetch(`${baseURL}/settings`, {
        method: 'POST',
        headers: {
          ...CLIENT,
          'next-action': settingsActionId(),
          accept: 'text/x-component',
          cookie,
          origin: baseURL,
          'content-type': type,
        },
        body,
      });
      seen[name] = response.status;
      expect(await response.text(), name).not.toMatch(/\bat \S+ \(|\.js:\d+|SyntaxError|RangeError|TypeError/);
    }
    expect(seen).toEqual(Object.fromEntries(Object.entries(cases).map(([name, { status }]) => [name, status])));
    expect(snapshot(sqlite)).toEqual(before);
  });
});
