import { afterAll, describe, expect, it } from 'vitest';
import { renderShelterList } from '@/components/public/render';
import { write } from '@/db';
import { WORDED_ACTIONS } from '@/lib/audit-trail/words';
import { publicList } from '@/lib/cities/public';
import en from '@/lib/i18n/messages/en.json';
import ru from '@/lib/i18n/messages/ru.json';
import tr from '@/lib/i18n/messages/tr.json';
import { purgeExpiredHouseholds } from '@/lib/privacy/retention';
import { publicShelters } from '@/lib/requests/public-list';
import { listNeed, MAX_NEEDS, removeNeed } from '@/lib/shelters/needs';
import { shelterPage } from '@/lib/shelters/shelter-page';
import { fieldErrorsOf } from '@/lib/validation/common';
import { needSchema, type NeedInput } from '@/lib/validation/need';
import { asStaff, makeShelter, makeUser } from '../support/fixtures';
import { createTestDb, snapshot } from '../support/test-db';

const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

// 18:00 in Istanbul (UTC+3) on 1 October; 22:00 in Yerevan (UTC+4).
const NOW = new Date('2026-10-01T15:00:00Z');

const istanbul = makeShelter(db, { name: 'Fatih Hall', listedPublicly: true, status: 'open', timeZone: 'Europe/Istanbul' });
const yerevan = makeShelter(db, { name: 'Kentron Flat', listedPublicly: true, status: 'open', timeZone: 'Asia/Yerevan' });
const unlisted = makeShelter(db, { name: 'Quiet House', listedPublicly: false, status: 'open' });
const hostUser = makeUser(db, 'host', { shelterIds: [istanbul.id, yerevan.id, unlisted.id] });
const host = asStaff(hostUser, [istanbul.id, yerevan.id, unlisted.id]);
const otherHost = asStaff(makeUser(db, 'host'), [makeShelter(db).id]);
const guide = asStaff(makeUser(db, 'guide'));
const admin = asStaff(makeUser(db, 'admin'));

const istanbulNeeds = () =>
  publicShelters(db, NOW)
    .find((s) => s.id === istanbul.id)!
    .needs.map((n) => n.kind);
const need = (shelterId: string, values: Partial<NeedInput> = {}): NeedInput => ({
  shelterId,
  kind: 'blankets',
  note: null,
  lastDay: '2026-10-03',
  ...values,
});
const list = (user: typeof host, input: NeedInput, now = NOW) => write(db, (tx) => listNeed(tx, user, input, now));
const needsShown = (now: Date) => publicShelters(db, now).map((shelter) => [shelter.name, shelter.needs.map((n) => n.note ?? n.kind)]);
/** The domain's refusal as the form shows it: the field and the message key. */
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    const { code, field } = error as { code: string; field?: string };
    return { code, field };
  }
  return null;
};

describe('what a shelter needs now', () => {
  it('is listed by its host and shown on the public list in the reader’s language, with its note and last day', async () => {
    list(host, need(istanbul.id, { kind: 'interpreter', note: 'Arabic', lastDay: '2026-10-02' }));
    list(host, need(istanbul.id, { kind: 'food' }));
    // Its kind, its note and its last day: nothing about who listed it or when.
    const shown = publicShelters(db, NOW).find((s) => s.id === istanbul.id)!.needs;
    expect(shown.map((n) => Object.keys(n).sort())).toEqual([
      ['kind', 'lastDay', 'note'],
      ['kind', 'lastDay', 'note'],
    ]);
    const html = await renderShelterList(publicList(db, 'ru', NOW), 'ru', NOW);
    expect(html).toContain('Что сейчас нужно приюту');
    expect(html).toContain('переводчик (Arabic), до 2 окт.');
    expect(html).toContain('еда, до 3 окт.');
    const english = await renderShelterList(publicList(db, 'en', NOW), 'en', NOW);
    expect(english).toContain('an interpreter (Arabic), until Oct 2');
  });

  it('is never on the public list for a shelter that is not listed publicly, but its staff see it', () => {
    list(host, need(unlisted.id, { kind: 'other', note: 'Baby formula' }));
    expect(JSON.stringify(publicShelters(db, NOW))).not.toContain('Baby formula');
    const page = shelterPage(db, host, unlisted.id, NOW, 'en')!;
    expect(page.needs.list.map((n) => n.note)).toEqual(['Baby formula']);
    expect(page.needs.editable).toBe(true);
  });

  it('is shown to a guide who opens the shelter, who cannot change it', () => {
    const page = shelterPage(db, guide, istanbul.id, NOW, 'en')!;
    expect(page.needs.list.map((n) => n.kind)).toEqual(['interpreter', 'food']);
    expect(page.needs.editable).toBe(false);
    expect(refusal(() => list(guide, need(istanbul.id)))).toEqual({ code: 'notAllowed', field: undefined });
  });

  it('vanishes from the list at the end of its last day on its own shelter’s clock, across midnight', () => {
    list(host, need(yerevan.id, { kind: 'clothes', lastDay: '2026-10-01' }));
    list(host, need(istanbul.id, { kind: 'hygiene', note: 'soap', lastDay: '2026-10-01' }));
    // 23:59 in Yerevan, 22:59 in Istanbul: both still run.
    expect(needsShown(new Date('2026-10-01T19:59:00Z'))).toEqual([
      ['Fatih Hall', ['soap', 'Arabic', 'food']],
      ['Kentron Flat', ['clothes']],
    ]);
    // Midnight in Yerevan: its day is over, Istanbul's is not.
    expect(needsShown(new Date('2026-10-01T20:00:00Z'))).toEqual([
      ['Fatih Hall', ['soap', 'Arabic', 'food']],
      ['Kentron Flat', []],
    ]);
    expect(needsShown(new Date('2026-10-01T21:00:00Z'))).toEqual([
      ['Fatih Hall', ['Arabic', 'food']],
      ['Kentron Flat', []],
    ]);
  });

  it('ends at local midnight across a clock change', () => {
    // Berlin goes back from UTC+2 to UTC+1 at 01:00 UTC on 25 October 2026: its midnight is 23:00 UTC.
    const berlin = makeShelter(db, { name: 'Berlin Room', listedPublicly: true, status: 'open', timeZone: 'Europe/Berlin' });
    list(admin, need(berlin.id, { kind: 'volunteers', lastDay: '2026-10-25' }), new Date('2026-10-24T12:00:00Z'));
    const berlinNeeds = (at: string) => publicShelters(db, new Date(at)).find((s) => s.id === berlin.id)!.needs.length;
    expect(berlinNeeds('2026-10-25T22:59:00Z')).toBe(1);
    expect(berlinNeeds('2026-10-25T23:00:00Z')).toBe(0);
    sqlite.prepare('delete from shelter_needs where shelter_id = ?').run(berlin.id);
  });

  it('is deleted by the retention purge once its last day is over, and not before', () => {
    const count = () => sqlite.prepare('select count(*) from shelter_needs').pluck().get() as number;
    const before = count();
    // 23:30 in Istanbul, 00:30 of the next day in Yerevan: only Yerevan's ended need goes.
    expect(purgeExpiredHouseholds(db, new Date('2026-10-01T20:30:00Z')).needsEnded).toBe(1);
    expect(count()).toBe(before - 1);
    expect(purgeExpiredHouseholds(db, new Date('2026-10-01T20:30:00Z')).needsEnded).toBe(0);
    expect(purgeExpiredHouseholds(db, new Date('2026-10-01T21:30:00Z')).needsEnded).toBe(1);
    expect(count()).toBe(before - 2);
  });

  it('is taken off the list by its host; another shelter’s host cannot', () => {
    const id = list(host, need(istanbul.id, { kind: 'clothes', lastDay: '2026-10-05' }));
    expect(refusal(() => write(db, (tx) => removeNeed(tx, otherHost, id, NOW)))).toEqual({ code: 'notAllowed', field: undefined });
    expect(istanbulNeeds()).toContain('clothes');
    write(db, (tx) => removeNeed(tx, host, id, NOW));
    expect(istanbulNeeds()).not.toContain('clothes');
  });
  it('is recorded in the audit trail, in words of its own, with neither its note nor its kind', () => {
    const rows = sqlite.prepare("select * from audit_events where entity = 'need'").all() as Record<string, unknown>[];
    expect(new Set(rows.map((row) => row.action))).toEqual(new Set(['shelter.need', 'shelter.needMet']));
    expect(JSON.stringify(rows)).not.toMatch(/Arabic|Baby formula|soap|interpreter/);
    expect(WORDED_ACTIONS.has('shelter.need') && WORDED_ACTIONS.has('shelter.needMet')).toBe(true);
  });
});

describe('a need that cannot be listed', () => {
  it('is refused next to its field, in every language, and writes nothing', () => {
    const before = snapshot(sqlite);
    const cases = [
      // A day already over in Istanbul (where it is 1 October).
      [() => list(host, need(istanbul.id, { lastDay: '2026-09-30' })), { code: 'needEndPast', field: 'lastDay' }],
      [() => list(host, need(istanbul.id, { lastDay: '2027-03-01' })), { code: 'tooFarAhead', field: 'lastDay' }],
      [() => list(otherHost, need(istanbul.id)), { code: 'notAllowed', field: undefined }],
    ] as const;
    for (const [run, expected] of cases) expect(refusal(run)).toEqual(expected);
    expect(snapshot(sqlite)).toBe(before);
  });

  it('is refused past a dozen running needs', () => {
    const shelter = makeShelter(db, { timeZone: 'Europe/Istanbul' });
    const keeper = asStaff(makeUser(db, 'host', { shelterIds: [shelter.id] }), [shelter.id]);
    for (let i = 0; i < MAX_NEEDS; i++) list(keeper, need(shelter.id));
    expect(refusal(() => list(keeper, need(shelter.id)))).toEqual({ code: 'tooManyNeeds', field: 'kind' });
  });

  it('refuses markup, an unknown kind, "something else" without a note and a day that does not exist', () => {
    const parse = (form: Record<string, string>) => {
      const parsed = needSchema.safeParse({ shelterId: istanbul.id, kind: 'food', lastDay: '2026-10-03', ...form });
      return parsed.success ? null : fieldErrorsOf(parsed.error);
    };
    expect(parse({ note: '<script>alert(1)</script>' })).toEqual({ note: 'noMarkup' });
    expect(parse({ note: 'x'.repeat(81) })).toEqual({ note: 'tooLong' });
    expect(parse({ kind: 'weapons' })).toEqual({ kind: 'invalid' });
    expect(parse({ kind: 'other', note: '' })).toEqual({ note: 'needNoteRequired' });
    expect(parse({ lastDay: '2026-02-30' })).toEqual({ lastDay: 'invalidDate' });
    expect(parse({ note: 'Arabic' })).toBeNull();
  });

  it('has each refusal written in every staff language', () => {
    for (const key of ['noMarkup', 'needNoteRequired', 'needEndPast', 'tooManyNeeds', 'tooFarAhead'] as const) {
      expect(en.errors[key]).toBeTruthy();
      expect(ru.errors[key]).toBeTruthy();
      expect(tr.errors[key]).toBeTruthy();
      expect(ru.errors[key]).not.toBe(en.errors[key]);
    }
  });
});
