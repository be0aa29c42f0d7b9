import { afterAll, describe, expect, it, vi } from 'vitest';
import { GET, POST } from '@/app/s/[token]/route';
import { write } from '@/db';
import { WORDED_ACTIONS } from '@/lib/audit-trail/words';
import { giveWord } from '@/lib/guest-word/answer';
import { lookAtWord } from '@/lib/guest-word/look';
import { guestWordsPage, wordsWaitingCount } from '@/lib/guest-word/words-page';
import { hashLinkToken, newLinkToken } from '@/lib/placement/links';
import { cancelStay, checkOut } from '@/lib/placement/stays';
import { purgeExpiredHouseholds } from '@/lib/privacy/retention';
import { updateShelterProfile } from '@/lib/shelters/profile';
import { shelterProfileSchema } from '@/lib/validation/shelter';
import { asStaff, makeArrival, makeCity, makeRoom, makeShelter, makeStay, makeUser } from '../support/fixtures';
import { makeOffer } from '../support/offers';
import { createTestDb } from '../support/test-db';

// The guest's word after the stay (issue 30, point 5): asked on their link after check-out, once,
// staff-only, "something was wrong" pausing a private home until the city's staff look.
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));

// 2 December 2026, 11:30 in Istanbul (UTC+3): the morning the guests leave.
const NOW = new Date('2026-12-02T08:30:00Z');
vi.useFakeTimers({ toFake: ['Date'], now: NOW });
const test = createTestDb();
process.env.DATABASE_PATH = test.path;
const { db, sqlite } = test;
afterAll(() => {
  vi.useRealTimers();
  test.cleanup();
});

const ORIGIN = 'http://localhost:3000';
const here = makeCity(db, 'Istanbul');
const there = makeCity(db, 'Yerevan', { timeZone: 'Asia/Yerevan' });
const shelter = makeShelter(db, { name: 'Fatih Hall', status: 'open', cityId: here.id });
// A private home: the shelter an offer became (issue 30, point 3), made here directly.
const home = makeShelter(db, { name: 'Flat on Kumkapı Street', kind: 'home', status: 'open', cityId: here.id });
const offer = makeOffer(db, here.id, NOW, '2026-12-02', '2026-12-20');
sqlite.prepare('update offers set shelter_id = ?, status = ? where reference = ?').run(home.id, 'active', offer.reference);
const { beds } = makeRoom(db, shelter.id, 'mixed', 20);
const { beds: homeBeds } = makeRoom(db, home.id, 'family', 6);
let nextBed = 0;
let nextHomeBed = 0;
const host = asStaff(makeUser(db, 'host', { shelterIds: [shelter.id, home.id] }), [shelter.id, home.id]);
const guide = asStaff(makeUser(db, 'guide', { cityIds: [here.id] }), [], [here.id]);
const admin = asStaff(makeUser(db, 'admin', { cityIds: [here.id] }), [], [here.id]);
const guideThere = asStaff(makeUser(db, 'guide', { cityIds: [there.id] }), [], [there.id]);
const adminThere = asStaff(makeUser(db, 'admin', { cityIds: [there.id] }), [], [there.id]);

/** A household checked in for the nights of 30 Nov and 1 Dec, with a working link; `out`: checked out at NOW. */
function stayWithLink(place: { id: string } = shelter, out = true) {
  const bed = place === home ? homeBeds[nextHomeBed++] : beds[nextBed++];
  const arrival = makeArrival(db, { alias: `Guest ${nextBed}`, contact: '+90 555 000 11 22', cityId: here.id, status: 'placed' });
  const stay = makeStay(db, {
    arrivalId: arrival.id,
    shelterId: place.id,
    bedIds: [bed.id],
    status: 'checked_in',
    holdUntil: new Date('2026-11-30T18:00:00Z'),
    firstNight: '2026-11-30',
    departure: '2026-12-02',
  });
  const token = newLinkToken();
  sqlite
    .prepare('update stays set link_token_hash = ?, link_expires_at = ? where id = ?')
    .run(hashLinkToken(token), NOW.getTime() + 20 * 86_400_000, stay.id);
  if (out) write(db, (tx) => checkOut(tx, host, stay.id, NOW));
  return { stay, token, arrival };
}

const request = (token: string, body: Record<string, string>, origin: string | null = ORIGIN, address = '203.0.113.7') =>
  POST(
    new Request(`${ORIGIN}/s/${token}`, {
      method: 'POST',
      body: new URLSearchParams(body),
      headers: {
        host: 'localhost:3000',
        'x-forwarded-for': address,
        'content-type': 'application/x-www-form-urlencoded',
        ...(origin ? { origin } : {}),
      },
    }),
    { params: Promise.resolve({ token }) },
  );
const answer = (token: string, word: string, note?: string, lang = 'en') =>
  request(token, { intent: 'word', lang, answer: word, ...(note === undefined ? {} : { note }) });
const page = async (token: string, lang = 'en') =>
  GET(new Request(`${ORIGIN}/s/${token}?lang=${lang}`, { headers: { host: 'localhost:3000', 'x-forwarded-for': '203.0.113.7' } }), {
    params: Promise.resolve({ token }),
  });
const html = async (token: string, lang = 'en') => (await page(token, lang)).text();
const wordOf = (stayId: string) =>
  sqlite
    .prepare(
      'select answer, note, paused_home as pausedHome, looked_at as lookedAt, looked_by as lookedBy from stay_words where stay_id = ?',
    )
    .get(stayId) as
    { answer: string; note: string | null; pausedHome: number; lookedAt: number | null; lookedBy: string | null } | undefined;
const wordCount = () => sqlite.prepare('select count(*) from stay_words').pluck().get() as number;
const statusOf = (shelterId: string) => sqlite.prepare('select status from shelters where id = ?').pluck().get(shelterId) as string;
const audits = (action: string) => sqlite.prepare('select count(*) from audit_events where action = ?').pluck().get(action) as number;
const linkMisses = () =>
  sqlite.prepare("select coalesce(sum(failures), 0) from login_throttles where key like 'link:%'").pluck().get() as number;

const QUESTION = {
  en: 'Would you stay there again?',
  ru: 'Остановились бы вы там ещё раз?',
  uk: 'Чи зупинилися б ви там ще раз?',
  tr: 'Orada yine kalır mıydınız?',
} as const;
const WRONG = { en: 'Something was wrong', ru: 'Что-то было не так', uk: 'Щось було не так', tr: 'Bir şeyler yolunda değildi' } as const;
const LANGS = ['en', 'ru', 'uk', 'tr'] as const;

describe('the question on the guest’s link', () => {
  it('is not asked while the guest is still checked in, in any language', async () => {
    const { token } = stayWithLink(shelter, false);
    for (const lang of LANGS) {
      const body = await html(token, lang);
      expect(body).not.toContain(QUESTION[lang]);
      expect(body).not.toContain('name="answer"');
    }
  });

  it('is asked after check-out, in the guest’s language, with the three answers and a note, as a form without script', async () => {
    const { token } = stayWithLink();
    for (const lang of LANGS) {
      const response = await page(token, lang);
      expect(response.status).toBe(200);
      // A page with a form needs the CSP that lets it post to this site.
      expect(response.headers.get('content-security-policy')).toContain("form-action 'self'");
      const body = await response.text();
      expect(body).toContain(QUESTION[lang]);
      expect(body).toContain(WRONG[lang]);
      expect(body.match(/type="radio"[^>]*name="answer"/g)).toHaveLength(3);
      expect(body).toMatch(
        /<form method="post">[\s\S]*name="intent" value="word"[\s\S]*<textarea id="word-note" name="note"[^>]*maxLength="1000"/,
      );
      expect(body).toContain(`name="lang" value="${lang}"`);
    }
  });

  it('is asked on the link a household asked online with too, which shows its stay', async () => {
    const token = newLinkToken();
    const arrival = makeArrival(db, { cityId: here.id, status: 'placed', selfRegistered: true, requestTokenHash: hashLinkToken(token) });
    const stay = makeStay(db, {
      arrivalId: arrival.id,
      shelterId: shelter.id,
      bedIds: [beds[nextBed++].id],
      status: 'checked_in',
      holdUntil: new Date('2026-11-30T18:00:00Z'),
      firstNight: '2026-11-30',
      departure: '2026-12-02',
    });
    sqlite.prepare('update stays set link_token_hash = null, link_expires_at = null where id = ?').run(stay.id);
    expect(await html(token, 'tr')).not.toContain(QUESTION.tr);
    write(db, (tx) => checkOut(tx, host, stay.id, NOW));
    expect(await html(token, 'tr')).toContain(QUESTION.tr);
    expect((await answer(token, 'yes', undefined, 'tr')).status).toBe(303);
    expect(wordOf(stay.id)).toMatchObject({ answer: 'yes', note: null });
    expect(await html(token, 'tr')).toContain('Cevabınız için teşekkürler.');
  });

  it('is not asked of a stay cancelled before anyone came', async () => {
    const { stay, token } = stayWithLink(shelter, false);
    sqlite.prepare("update stays set status = 'reserved', checked_in_at = null where id = ?").run(stay.id);
    write(db, (tx) => cancelStay(tx, admin, stay.id, NOW));
    const body = await html(token);
    expect(body).not.toContain(QUESTION.en);
    const response = await answer(token, 'yes');
    expect(response.status).toBe(409);
    expect(wordOf(stay.id)).toBeUndefined();
  });
});

describe('answering', () => {
  it('records the word once, then the page thanks the guest instead of asking', async () => {
    const { stay, token } = stayWithLink();
    const response = await answer(token, 'yes', '  Warm and quiet.  ', 'ru');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/s/${token}?lang=ru`);
    expect(wordOf(stay.id)).toMatchObject({ answer: 'yes', note: 'Warm and quiet.', pausedHome: 0, lookedAt: null });
    const body = await html(token, 'ru');
    expect(body).toContain('Спасибо за ответ.');
    expect(body).not.toContain('name="answer"');
    // Only what was said and about which stay: nothing of the note reaches the audit trail.
    expect(
      sqlite.prepare("select action from audit_events where entity_id = ? and action like 'stay.guest_word%'").pluck().all(stay.id),
    ).toEqual(['stay.guest_word_yes']);
    expect(sqlite.prepare("select count(*) from audit_events where action like '%Warm%'").pluck().get()).toBe(0);
  });

  it('takes no second answer: a repeated or changed post writes nothing and says the first stands', async () => {
    const { stay, token } = stayWithLink();
    expect((await answer(token, 'no', 'Cold')).status).toBe(303);
    const again = await answer(token, 'yes', 'Actually fine', 'tr');
    expect(again.status).toBe(409);
    const body = await again.text();
    expect(body).toContain('ilk cevabınız geçerli');
    expect(wordOf(stay.id)).toMatchObject({ answer: 'no', note: 'Cold' });
    // The same stay written twice by two tabs at once: the second insert finds the first.
    expect(write(db, (tx) => giveWord(tx, stay.id, { answer: 'wrong', note: null }, NOW))).toBe('already');
    expect(wordOf(stay.id)).toMatchObject({ answer: 'no' });
  });

  it('refuses a bad value or a note too long next to the field, keeping what was typed, and writes nothing', async () => {
    const { stay, token } = stayWithLink();
    const bad = await answer(token, 'maybe', 'kept text', 'uk');
    expect(bad.status).toBe(400);
    const body = await bad.text();
    expect(body).toContain('Виберіть одну відповідь.');
    expect(body).toContain('kept text');
    const none = await request(token, { intent: 'word', lang: 'en' });
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('Choose one answer.');
    const long = await answer(token, 'no', 'x'.repeat(1001));
    expect(long.status).toBe(400);
    expect(await long.text()).toContain('The note is too long: at most 1000 characters.');
    expect(wordOf(stay.id)).toBeUndefined();
    // 1000 characters are fine.
    expect((await answer(token, 'no', 'y'.repeat(1000))).status).toBe(303);
    expect(wordOf(stay.id)?.note).toHaveLength(1000);
  });

  it('stores a script in the note as the text typed, and it never runs on the guest’s page', async () => {
    const { stay, token } = stayWithLink();
    const script = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const refused = await answer(token, 'nope', script);
    expect(refused.status).toBe(400);
    const shown = await refused.text();
    expect(shown).not.toContain('<script>alert(1)');
    expect(shown).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect((await answer(token, 'no', script)).status).toBe(303);
    expect(wordOf(stay.id)?.note).toBe(script);
    expect(await html(token)).not.toContain('alert(');
  });

  it('refuses a post from another site, and writes nothing', async () => {
    const { stay, token } = stayWithLink();
    expect((await request(token, { intent: 'word', answer: 'yes' }, 'https://evil.example')).status).toBe(403);
    expect(wordOf(stay.id)).toBeUndefined();
  });

  it('answers a guessed link with "link not working", writes nothing, and counts it against the address', async () => {
    const before = wordCount();
    const misses = linkMisses();
    const guessed = newLinkToken();
    const response = await answer(guessed, 'wrong', 'guess');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('This link does not work');
    expect(wordCount()).toBe(before);
    expect(linkMisses()).toBe(misses + 1);
  });
});

describe('"something was wrong"', () => {
  it('pauses a private home at once, audited, and counts for the city’s staff, not another city’s nor a host', async () => {
    const waitingBefore = wordsWaitingCount(db, guide)!;
    const { stay, token } = stayWithLink(home);
    expect((await answer(token, 'wrong', 'The host shouted at us')).status).toBe(303);
    expect(statusOf(home.id)).toBe('paused');
    expect(audits('shelter.pause_by_guest_word')).toBe(1);
    expect(wordOf(stay.id)).toMatchObject({ answer: 'wrong', pausedHome: 1 });
    expect(await html(token)).toContain('have been told and will look into it');
    expect(wordsWaitingCount(db, guide)).toBe(waitingBefore + 1);
    expect(wordsWaitingCount(db, admin)).toBe(waitingBefore + 1);
    expect(wordsWaitingCount(db, guideThere)).toBe(0);
    expect(wordsWaitingCount(db, host)).toBeNull();
    // The page lists the same number as the header counts.
    expect(guestWordsPage(db, guide, 'en')!.needLook).toHaveLength(waitingBefore + 1);
    expect(guestWordsPage(db, guideThere, 'en')!.needLook).toHaveLength(0);
    expect(guestWordsPage(db, host, 'en')).toBeNull();
  });

  it('does not pause a regular shelter: one guest’s word is a thing to look at, not a closure', async () => {
    const { stay, token } = stayWithLink(shelter);
    expect((await answer(token, 'wrong', 'Dirty sheets')).status).toBe(303);
    expect(statusOf(shelter.id)).toBe('open');
    expect(wordOf(stay.id)).toMatchObject({ answer: 'wrong', pausedHome: 0 });
    expect(guestWordsPage(db, admin, 'en')!.needLook.map((w) => w.stayId)).toContain(stay.id);
  });

  it('keeps the home paused until someone of its city looks: the host cannot reopen it meanwhile', () => {
    const profile = sqlite.prepare('select * from shelters where id = ?').get(home.id) as Record<string, unknown>;
    const input = shelterProfileSchema.parse({
      shelterId: home.id,
      name: profile.name,
      district: profile.district,
      checkInFrom: '14:00',
      checkInUntil: '23:00',
      holdHours: '6',
      usualNights: '3',
      checkOutBy: '11:00',
      timeZone: 'Europe/Istanbul',
      status: 'open',
    });
    expect(() => write(db, (tx) => updateShelterProfile(tx, host, input, NOW))).toThrow('heldByGuestWord');
    expect(statusOf(home.id)).toBe('paused');
  });

  it('is looked at by the city’s staff (audited) and the home reopened; another city’s staff and hosts are refused, writing nothing', () => {
    const [word] = guestWordsPage(db, admin, 'en')!.needLook.filter((w) => w.shelter.id === home.id);
    expect(word).toMatchObject({ answer: 'wrong', note: 'The host shouted at us', mayReopen: true, looked: null });
    expect(word.shelter).toMatchObject({ name: 'Flat on Kumkapı Street', home: true, status: 'paused' });
    for (const refused of [guideThere, adminThere, host])
      expect(() => write(db, (tx) => lookAtWord(tx, refused, { stayId: word.stayId, reopen: true }, NOW))).toThrow('notAllowed');
    expect(wordOf(word.stayId)?.lookedAt).toBeNull();
    expect(statusOf(home.id)).toBe('paused');

    const later = new Date(NOW.getTime() + 3600_000);
    write(db, (tx) => lookAtWord(tx, guide, { stayId: word.stayId, reopen: false }, later));
    expect(wordOf(word.stayId)).toMatchObject({ lookedAt: later.getTime(), lookedBy: guide.id });
    expect(audits('stay.guest_word_looked')).toBe(1);
    expect(statusOf(home.id)).toBe('paused');
    expect(() => write(db, (tx) => lookAtWord(tx, admin, { stayId: word.stayId, reopen: false }, later))).toThrow('wordAlreadyLooked');

    // Its person paused the offer meanwhile: the home opens with the offer, not with the look.
    sqlite.prepare('update offers set status = ? where shelter_id = ?').run('paused', home.id);
    expect(() => write(db, (tx) => lookAtWord(tx, admin, { stayId: word.stayId, reopen: true }, later))).toThrow('homeOpensWithOffer');
    expect(statusOf(home.id)).toBe('paused');
    expect(audits('shelter.reopen_after_guest_word')).toBe(0);
    sqlite.prepare('update offers set status = ? where shelter_id = ?').run('active', home.id);
    write(db, (tx) => lookAtWord(tx, admin, { stayId: word.stayId, reopen: true }, later));
    expect(statusOf(home.id)).toBe('open');
    expect(audits('shelter.reopen_after_guest_word')).toBe(1);
    expect(audits('stay.guest_word_looked')).toBe(1);
    expect(guestWordsPage(db, admin, 'en')!.earlier.find((w) => w.stayId === word.stayId)).toMatchObject({
      looked: { at: later, by: guide.name },
      mayReopen: false,
    });
    expect(() => write(db, (tx) => lookAtWord(tx, admin, { stayId: word.stayId, reopen: true }, later))).toThrow('homeNotPausedByWord');
  });
});

describe('the audit trail', () => {
  it('has words for every event of the guest’s word, so admins read sentences, not action names', () => {
    const recorded = sqlite
      .prepare("select distinct action from audit_events where action like '%guest_word%' order by action")
      .pluck()
      .all() as string[];
    expect(recorded).toEqual([
      'shelter.pause_by_guest_word',
      'shelter.reopen_after_guest_word',
      'stay.guest_word_looked',
      'stay.guest_word_no',
      'stay.guest_word_wrong',
      'stay.guest_word_yes',
    ]);
    expect(recorded.filter((action) => !WORDED_ACTIONS.has(action))).toEqual([]);
  });
});

describe('erasure', () => {
  it('takes the answers with the household when retention runs out, and the link then works no more', async () => {
    const { stay, token } = stayWithLink();
    expect((await answer(token, 'no', 'Too far from the airport')).status).toBe(303);
    const days = 14;
    // A minute before the period is over the answer is kept; a minute after, it is gone with the household.
    purgeExpiredHouseholds(db, new Date(NOW.getTime() + days * 86_400_000 - 60_000));
    expect(wordOf(stay.id)).toBeDefined();
    purgeExpiredHouseholds(db, new Date(NOW.getTime() + days * 86_400_000 + 60_000));
    expect(wordOf(stay.id)).toBeUndefined();
    expect(guestWordsPage(db, admin, 'en')!.earlier.map((w) => w.stayId)).not.toContain(stay.id);
    const before = wordCount();
    const response = await answer(token, 'yes');
    expect(response.status).toBe(404);
    expect(wordCount()).toBe(before);
  });
});
