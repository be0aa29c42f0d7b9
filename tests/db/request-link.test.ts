import { afterAll, describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/s/[token]/route';
import { write } from '@/db';
import { DomainError } from '@/lib/errors';
import { linkPageData } from '@/lib/guest-link/page-data';
import { shareLinks, shareText } from '@/lib/i18n/share';
import { hashLinkToken, newLinkToken } from '@/lib/placement/links';
import { linkHandover, liveHandoverStay } from '@/lib/placement/share';
import { reissueRequestLink } from '@/lib/requests/request-link';
import { asStaff, makeArrival, makeRoom, makeShelter, makeStay, makeUser } from '../support/fixtures';
import { createTestDb, snapshot } from '../support/test-db';

// A request's link after it is lost: its page offers the same share links as the guide's handover,
// and a guide can issue a new one, after which the old one shows "this link does not work".
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));

const NOW = new Date('2026-11-30T20:00:00Z');
const test = createTestDb();
process.env.DATABASE_PATH = test.path;
const { db, sqlite } = test;
afterAll(test.cleanup);

const ORIGIN = 'http://localhost:3000';
const guide = asStaff(makeUser(db, 'guide'));
const otherGuide = asStaff(makeUser(db, 'guide'));
const admin = asStaff(makeUser(db, 'admin'));
const shelter = makeShelter(db, { status: 'open' });
const host = asStaff(makeUser(db, 'host', { shelterIds: [shelter.id] }), [shelter.id]);

function request(values: Parameters<typeof makeArrival>[1] = {}) {
  const token = newLinkToken();
  const arrival = makeArrival(db, {
    alias: 'Marta Private',
    contact: '@marta_private',
    selfRegistered: true,
    requestTokenHash: hashLinkToken(token),
    languages: ['uk'],
    ...values,
  });
  return { token, arrival };
}
const open = (token: string, lang = 'en') =>
  GET(new Request(`${ORIGIN}/s/${token}?lang=${lang}`, { headers: { host: 'localhost:3000' } }), { params: Promise.resolve({ token }) });

describe('a new link for a self-registered household', () => {
  it('stops the old link at once and opens the new one; the audit trail says who, with ids only', async () => {
    const { token, arrival } = request();
    const renewed = write(db, (tx) => reissueRequestLink(tx, guide, arrival.id, NOW));
    expect(renewed.token).not.toBe(token);
    expect(renewed.languages).toEqual(['uk']);
    expect(linkPageData(db, token, NOW)).toBeNull();
    expect(linkPageData(db, renewed.token, NOW)?.kind).toBe('waiting');
    expect((await open(token)).status).toBe(404);
    expect((await open(renewed.token)).status).toBe(200);
    const audit = sqlite.prepare("select actor_id, entity, entity_id from audit_events where action = 'request_link.issue'").all();
    expect(audit).toEqual([{ actor_id: guide.id, entity: 'arrival', entity_id: arrival.id }]);
    expect(sqlite.prepare('select request_token_hash from arrivals where id = ?').pluck().get(arrival.id)).toBe(
      hashLinkToken(renewed.token),
    );
  });

  it('is for an admin too, but not a host, and not for a household that did not ask online or was erased', () => {
    const { arrival } = request();
    expect(write(db, (tx) => reissueRequestLink(tx, admin, arrival.id, NOW)).token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const walkIn = makeArrival(db);
    const erased = request({ erasedAt: NOW }).arrival;
    const before = snapshot(sqlite);
    const refusal = (user: typeof guide, id: string) => {
      try {
        write(db, (tx) => reissueRequestLink(tx, user, id, NOW));
      } catch (error) {
        return error instanceof DomainError ? error.code : 'other';
      }
      return 'issued';
    };
    expect(refusal(host, arrival.id)).toBe('notAllowed');
    expect(refusal(guide, walkIn.id)).toBe('notFound');
    expect(refusal(guide, erased.id)).toBe('notFound');
    expect(refusal(guide, 'no-such-household')).toBe('notFound');
    expect(snapshot(sqlite)).toBe(before);
  });

  it('is refused to a guide for a household another guide has placed', () => {
    const { arrival } = request();
    const stay = makeStay(db, { arrivalId: arrival.id, shelterId: shelter.id, bedIds: [makeRoom(db, shelter.id, 'mixed', 1).beds[0].id] });
    sqlite.prepare('update stays set reserved_by = ? where id = ?').run(otherGuide.id, stay.id);
    const before = snapshot(sqlite);
    expect(() => write(db, (tx) => reissueRequestLink(tx, guide, arrival.id, NOW))).toThrow(DomainError);
    expect(snapshot(sqlite)).toBe(before);
    expect(write(db, (tx) => reissueRequestLink(tx, otherGuide, arrival.id, NOW)).token).toBeTruthy();
  });

  it('is handed over with a message about the request while it waits, not about a bed', async () => {
    const { arrival } = request();
    const handover = await linkHandover(ORIGIN, 'T0KEN', ['uk'], NOW, 'request', liveHandoverStay(db, arrival.id));
    expect(handover.message).toBe(`${shareText(['uk'], 'request').text} ${ORIGIN}/s/T0KEN`);
    expect(handover.message).toContain('заявка');
  });

  it('once placed, is handed over naming the first night and its door hours, as the link then shows the shelter', async () => {
    const { arrival } = request();
    // Booked from 2 December; it is 23:00 on 30 November in Istanbul.
    makeStay(db, {
      arrivalId: arrival.id,
      shelterId: shelter.id,
      bedIds: [makeRoom(db, shelter.id, 'mixed', 1).beds[0].id],
      firstNight: '2026-12-02',
      departure: '2026-12-05',
    });
    const handover = await linkHandover(ORIGIN, 'T0KEN', ['uk'], NOW, 'request', liveHandoverStay(db, arrival.id));
    expect(handover.message).toBe(
      `Для вас є місце з 2 грудня (ср): заселення цього дня 14:00–23:00, 3 ночі. Адреса, як дістатися та контакти — за посиланням: ${ORIGIN}/s/T0KEN`,
    );
    expect(new URL(handover.whatsapp).searchParams.get('text')).toBe(handover.message);
  });
});

describe('a request link’s own page', () => {
  it('gives the link to select and copy, and Telegram and WhatsApp links built as the guide’s are, with no personal data', async () => {
    const { token } = request();
    const html = await (await open(token, 'ru')).text();
    const url = `${ORIGIN}/s/${token}`;
    const links = shareLinks(url, shareText(['ru'], 'request').text);
    expect(html).toMatch(new RegExp(`<input id="own-link" readOnly="" value="${url}"|<input[^>]*value="${url}"[^>]*>`));
    expect(html).toContain('<label for="own-link">Ваша ссылка (выделите, чтобы скопировать)</label>');
    const amp = (href: string) => href.replace(/&/g, '&amp;');
    expect(html).toContain(`href="${amp(links.telegram)}"`);
    expect(html).toContain(`href="${amp(links.whatsapp)}"`);
    expect(html).toContain('Отправить себе в Telegram');
    expect(html).not.toMatch(/Marta Private|marta_private/);
  });
});
