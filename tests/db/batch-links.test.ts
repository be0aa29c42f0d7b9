import { createTranslator } from 'next-intl';
import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import { arrivalPageData } from '@/lib/guest-link/page-data';
import { waitingQueue } from '@/lib/households/queries';
import en from '@/lib/i18n/messages/en.json';
import { exclusionText } from '@/lib/matching/exclusion-text';
import { suggestPlacements } from '@/lib/matching/suggest';
import { networkAvailability } from '@/lib/placement/availability';
import { reserveBatch } from '@/lib/placement/batch';
import { batchResults } from '@/lib/placement/batch-links';
import { stillToPlace } from '@/lib/placement/batch-view';
import { hashLinkToken } from '@/lib/placement/links';
import { renewStayLink } from '@/lib/placement/stays';
import { asStaff, makeArrival, makeRoom, makeShelter, makeStay, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

// 15:00 in Istanbul on Monday 7 Dec: tonight's door is open.
const NOW = new Date('2026-12-07T12:00:00Z');
const ORIGIN = 'https://waystation.example';
const guide = asStaff(makeUser(db, 'guide'));
const suggestT = createTranslator({ locale: 'en', messages: en, namespace: 'suggest' });
const say = (reasons: Parameters<typeof exclusionText>[1][]) =>
  reasons.map((reason) => exclusionText(suggestT as Parameters<typeof exclusionText>[0], reason)).join('; ');
const person = (alias: string, sex: 'man' | 'woman', nights = 1) =>
  makeArrival(db, {
    alias,
    adultMen: sex === 'man' ? 1 : 0,
    adultWomen: sex === 'woman' ? 1 : 0,
    nightsWanted: nights,
    arrivedAt: new Date(NOW.getTime() - 3_600_000),
  });
const place = (arrivalIds: string[], shelterId: string) => write(db, (tx) => reserveBatch(tx, guide, { arrivalIds, shelterId }, NOW));
const linkHash = (stayId: string) =>
  (sqlite.prepare('select link_token_hash as hash from stays where id = ?').get(stayId) as { hash: string | null }).hash;

describe('a batch placed from the queue comes back with each household’s link', () => {
  it('mints one link per placed stay, the one its page opens; only the hash is kept, and the screen gets no hash or stay id', () => {
    const shelter = makeShelter(db, { status: 'open', name: 'Fatih' });
    makeRoom(db, shelter.id, 'mixed', 3);
    const people = [person('Anna', 'woman'), person('Boris', 'man'), person('Cem', 'man')];
    const { outcomes } = place(
      people.map((p) => p.id),
      shelter.id,
    );
    const links = outcomes.map((outcome) => outcome.link!);
    expect(links.every(Boolean)).toBe(true);
    expect(new Set(links.map((link) => link.token)).size).toBe(3);
    for (const link of links) {
      expect(linkHash(link.stayId)).toBe(hashLinkToken(link.token!));
      expect(arrivalPageData(db, link.token!, NOW)?.shelter.name).toBe('Fatih');
      expect(link).toMatchObject({ firstNight: '2026-12-07', departure: '2026-12-08' });
    }
    // A link comes with its reservation, as on the household page: no second one is issued.
    expect((sqlite.prepare("select count(*) as n from audit_events where action = 'link.issue'").get() as { n: number }).n).toBe(0);

    const results = batchResults(db, ORIGIN, outcomes, NOW);
    expect(results.map((result) => (result.link?.kind === 'new' ? result.link.url : null))).toEqual(
      links.map((link) => `${ORIGIN}/s/${link.token}`),
    );
    expect(results[0].link).toMatchObject({
      language: 'ru',
      telegram: expect.stringContaining(encodeURIComponent(`${ORIGIN}/s/${links[0].token}`)),
      whatsapp: expect.stringMatching(/^https:\/\/wa\.me\/\?text=/),
      message: expect.stringContaining(`${ORIGIN}/s/${links[0].token}`),
    });
    const sent = JSON.stringify(results);
    for (const link of links) {
      expect(sent).not.toContain(linkHash(link.stayId)!);
      expect(sent).not.toContain(link.stayId);
    }
  });

  it('gives a household that asked online no second link: its result says the link it holds shows the place', () => {
    const shelter = makeShelter(db, { status: 'open', name: 'Balat' });
    makeRoom(db, shelter.id, 'mixed', 2);
    const online = makeArrival(db, {
      alias: 'Eda-Online',
      adultMen: 0,
      adultWomen: 1,
      nightsWanted: 1,
      arrivedAt: new Date(NOW.getTime() - 3_600_000),
      selfRegistered: true,
    });
    const desk = person('Fuat', 'man');
    const { outcomes } = place([online.id, desk.id], shelter.id);
    expect(outcomes.map((outcome) => outcome.beds?.length)).toEqual([1, 1]);
    expect(outcomes[0].link?.token).toBeNull();
    expect(linkHash(outcomes[0].link!.stayId)).toBeNull();
    expect(outcomes[1].link?.token).toEqual(expect.any(String));
    const [onRequest, withLink] = batchResults(db, ORIGIN, outcomes, NOW);
    expect(onRequest.link).toEqual({ kind: 'request', firstNight: '2026-12-07', departure: '2026-12-08' });
    expect(withLink.link).toMatchObject({ kind: 'new', url: `${ORIGIN}/s/${outcomes[1].link!.token}` });
    // Placed is placed: neither keeps its tick.
    expect(stillToPlace([onRequest, withLink])).toEqual([]);
  });

  it('follows the household page’s rule of one live link per stay: a new link there retires the batch’s', () => {
    const shelter = makeShelter(db, { status: 'open' });
    makeRoom(db, shelter.id, 'mixed', 1);
    const [outcome] = place([person('Dana', 'woman').id], shelter.id).outcomes;
    const { token } = write(db, (tx) => renewStayLink(tx, guide, outcome.link!.stayId, NOW));
    expect(arrivalPageData(db, outcome.link!.token!, NOW)).toBeNull();
    expect(arrivalPageData(db, token, NOW)).not.toBeNull();
  });
});

describe('a household the batch could not place', () => {
  it('is told why in the very words the suggestions use for that shelter: a bed short tonight', () => {
    const shelter = makeShelter(db, { status: 'open', name: 'Fatih' });
    makeRoom(db, shelter.id, 'men', 1);
    makeRoom(db, shelter.id, 'women', 1);
    const [emre, elif, zeynep] = [person('Emre', 'man'), person('Elif', 'woman'), person('Zeynep', 'woman')];
    const { outcomes } = place([emre.id, elif.id, zeynep.id], shelter.id);
    expect(outcomes.map((o) => o.refusal)).toEqual([null, null, { code: 'shelterRefuses', reasons: [{ code: 'bedsShort', count: 1 }] }]);

    // What the household page now says of this shelter for Zeynep.
    const nights = { firstNight: '2026-12-07', departure: '2026-12-08' };
    const { excluded } = suggestPlacements(networkAvailability(db, { nights, shelterId: shelter.id }), zeynep, NOW, nights);
    expect(excluded.map((e) => e.reasons)).toEqual([outcomes[2].refusal!.reasons]);
    expect(say(outcomes[2].refusal!.reasons!)).toBe('1 bed short');
  });

  it('on a stay of several nights, names the night the shelter is full, counting the beds the batch itself took', () => {
    const shelter = makeShelter(db, { status: 'open', name: 'Üsküdar' });
    const { beds } = makeRoom(db, shelter.id, 'mixed', 2);
    // One bed is someone else's on the night of 8 Dec only.
    makeStay(db, {
      arrivalId: makeArrival(db).id,
      shelterId: shelter.id,
      bedIds: [beds[0].id],
      firstNight: '2026-12-08',
      departure: '2026-12-09',
      holdUntil: new Date('2026-12-08T20:00:00Z'),
    });
    const [first, second] = [person('Farid', 'man', 3), person('Gleb', 'man', 3)];
    const { outcomes } = place([first.id, second.id], shelter.id);
    expect(outcomes[1].refusal).toEqual({ code: 'shelterRefuses', reasons: [{ code: 'fullOn', night: '2026-12-08' }] });

    const nights = { firstNight: '2026-12-07', departure: '2026-12-10' };
    const { excluded } = suggestPlacements(networkAvailability(db, { nights, shelterId: shelter.id }), second, NOW, nights);
    expect(excluded[0].reasons).toEqual(outcomes[1].refusal!.reasons);
    expect(say(outcomes[1].refusal!.reasons!)).toBe('Full on Dec 8');
  });

  it('is not refused for a hold that ran out: the batch frees lapsed holds before it counts beds, as the suggestions do', () => {
    const shelter = makeShelter(db, { status: 'open' });
    const { beds } = makeRoom(db, shelter.id, 'mixed', 1);
    // Held for someone until 14:00 in Istanbul today, an hour ago: the bed is free again.
    makeStay(db, {
      arrivalId: makeArrival(db).id,
      shelterId: shelter.id,
      bedIds: [beds[0].id],
      holdUntil: new Date('2026-12-07T11:00:00Z'),
    });
    const { outcomes } = place([person('Jale', 'woman').id], shelter.id);
    expect(outcomes.map((o) => o.refusal)).toEqual([null]);
  });

  it('keeps its tick and its place in the queue, for the next try elsewhere; the placed leave both', () => {
    const shelter = makeShelter(db, { status: 'open' });
    makeRoom(db, shelter.id, 'women', 1);
    const [hana, ivan] = [person('Hana', 'woman'), person('Ivan', 'man')];
    const results = batchResults(db, ORIGIN, place([hana.id, ivan.id], shelter.id).outcomes, NOW);
    expect(stillToPlace(results)).toEqual([ivan.id]);
    const waiting = waitingQueue(db, guide, NOW).map((household) => household.id);
    expect(waiting).toContain(ivan.id);
    expect(waiting).not.toContain(hana.id);
  });
});
