import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { meetingPoints } from '@/db/schema';
import { addNights, tonightIn } from '@/lib/calendar/nights';
import { giveWord } from '@/lib/guest-word/answer';
import { LOCALE_COOKIE, LOCALES, type Locale } from '@/lib/i18n/locales';
import { addCheck } from '@/lib/offers/checklist';
import { checkOut } from '@/lib/placement/stays';
import { staffPagePatterns } from '../support/app-tree';
import { asStaff, makeArrival, makeCity, makeRoom, makeShelter, makeStay, makeUser } from '../support/fixtures';
import { startServer } from '../support/next-server';
import { makeOffer } from '../support/offers';
import { openSignedIn } from './signed-in';
import { launchBrowser, PHONE } from './support';

// A person using a screen reader lists a page's buttons and links by name. Two controls with one name
// that do different things ("Check out", "Check out") leave them guessing which guest they are
// about to check out. Every staff page, in every staff language, as each kind of staff member: two
// controls may share a name only if they do the same thing (the same link, or the same form with the
// same values). The pages come from the source tree, so a new page is walked without a change here.
// The walk reads the markup the server sends, with scripts off: hydration must leave that markup as it
// is (React refuses a mismatch), so the names are the same with scripts on, and the walk skips running
// each page's framework code, which was most of the suite's longest file.

const STAFF = { admin: 'names-admin@waystation.test', host: 'names-host@waystation.test', guide: 'names-guide@waystation.test' };
let server: Awaited<ReturnType<typeof startServer>>;
let dir: string;
let browser: Browser;
let ids: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'waystation-names-'));
  const databasePath = join(dir, 'names.db');
  const { db, sqlite } = openDatabase(databasePath);
  migrateDatabase(db);
  // Enough of everything that each list has two rows: two cities, two meeting points, two shelters,
  // two rooms of two beds, two guests checked in, two reservations awaiting check-in, two households
  // waiting for a place.
  const city = makeCity(db, 'Names City');
  makeCity(db, 'Second City');
  for (const [name, latitude] of [
    ['Airport', 41.26],
    ['Bus station', 41.04],
  ] as const)
    db.insert(meetingPoints).values({ name, cityId: city.id, latitude, longitude: 28.74 }).run();
  const shelter = makeShelter(db, { name: 'Names House', cityId: city.id, status: 'open', lastConfirmedAt: new Date() });
  const other = makeShelter(db, { name: 'Second House', cityId: city.id, status: 'open', lastConfirmedAt: new Date() });
  const rooms = [makeRoom(db, shelter.id, 'mixed', 2), makeRoom(db, shelter.id, 'mixed', 2), makeRoom(db, other.id, 'mixed', 2)];
  const guests = ['Ada', 'Boris', 'Cem', 'Dina'].map((alias) => makeArrival(db, { alias, cityId: city.id }));
  makeStay(db, { arrivalId: guests[0].id, shelterId: shelter.id, bedIds: [rooms[0].beds[0].id], status: 'checked_in' });
  makeStay(db, { arrivalId: guests[1].id, shelterId: shelter.id, bedIds: [rooms[1].beds[0].id], status: 'checked_in' });
  makeStay(db, { arrivalId: guests[2].id, shelterId: shelter.id, bedIds: [rooms[0].beds[1].id] });
  makeStay(db, { arrivalId: guests[3].id, shelterId: shelter.id, bedIds: [rooms[1].beds[1].id] });
  const waiting = makeArrival(db, { alias: 'Emre', cityId: city.id });
  makeArrival(db, { alias: 'Fatma', cityId: city.id });
  const admin = makeUser(db, 'admin', { email: STAFF.admin });
  // Two vetting items and an offer in the city: each item's tick is a button of its own.
  for (const label of ['Called', 'Met in person']) addCheck(db, asStaff(admin), { label, twoPeople: false }, new Date());
  const tonight = tonightIn(shelter.timeZone, new Date());
  const offer = makeOffer(db, city.id, new Date(), addNights(tonight, 1), addNights(tonight, 4));
  makeOffer(db, city.id, new Date(), addNights(tonight, 2), addNights(tonight, 6), { kind: 'sofa', capacity: '1' });
  const offerId = (sqlite.prepare('select id from offers where reference = ?').get(offer.reference) as { id: string }).id;
  // Two mats in each of the shelter's rooms from tomorrow night (decision 0026): the rooms page and the
  // calendar name each mat's controls and cells. Not tonight: free mats would make the full shelter a
  // second suggestion on the household's page, whose cards' buttons share one name (see the report of
  // issue 30, point 6).
  for (const { room } of rooms.slice(0, 2))
    for (const label of ['Mat 1', 'Mat 2'])
      sqlite
        .prepare(
          "insert into beds (id, room_id, label, surge_kind, surge_first_night, surge_last_night, created_at) values (lower(hex(randomblob(8))), ?, ?, 'mat', ?, ?, 0)",
        )
        .run(room.id, label, addNights(tonight, 1), addNights(tonight, 2));
  const host = makeUser(db, 'host', { email: STAFF.host, shelterIds: [shelter.id, other.id] });
  // Two guests who stayed and said something was wrong, one at each shelter; the second shelter is the
  // private home the offer became, so it is paused and its answer offers "Reopen the home" too.
  sqlite.prepare('update offers set shelter_id = ? where id = ?').run(other.id, offerId);
  const extra = makeRoom(db, shelter.id, 'mixed', 1);
  for (const [place, bed, alias] of [
    [shelter, extra.beds[0], 'Gul'],
    [other, rooms[2].beds[0], 'Hasan'],
  ] as const) {
    const guest = makeArrival(db, { alias, cityId: city.id, status: 'placed' });
    const stay = makeStay(db, { arrivalId: guest.id, shelterId: place.id, bedIds: [bed.id], status: 'checked_in' });
    checkOut(db, asStaff(host, [shelter.id, other.id]), stay.id, new Date());
    giveWord(db, stay.id, { answer: 'wrong', note: `The door of ${alias}'s room did not lock.` }, new Date());
  }
  makeUser(db, 'guide', { email: STAFF.guide });
  sqlite.close();
  // The id each dynamic segment takes, by the segment before it: /shelters/[id], /arrivals/[id], /offers/[id].
  ids = { shelters: shelter.id, arrivals: waiting.id, offers: offerId };
  server = await startServer(databasePath);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** "/shelters/[id]/rooms" with the seeded shelter's id; a segment with no seeded id fails the walk. */
function pathOf(pattern: string): string {
  const segments = pattern.split('/');
  return segments
    .map((segment, i) => {
      if (!/^\[.+\]$/.test(segment)) return segment;
      const id = ids[segments[i - 1]];
      if (!id) throw new Error(`no seeded id for ${segments[i - 1]}/${segment} in ${pattern}: add one to the world`);
      return id;
    })
    .join('/');
}

type Control = { probe: string; action: string };

/**
 * Every control on the page with what it does: a link's address, or the submission a button makes
 * (its form's address and target, and the values it sends, the button's own among them). Folded
 * sections are opened first, since a person opens them. Next's numbering of the server actions on a
 * page is left out, so that one action rendered twice reads as the same.
 */
function controlsOf(page: Page): Promise<Control[]> {
  return page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
    const elements = document.querySelectorAll<HTMLElement>('a[href], button, input[type=submit], input[type=image]');
    return [...elements].map((element, i) => {
      element.dataset.nameProbe = String(i);
      if (element instanceof HTMLAnchorElement) return { probe: String(i), action: `link ${element.href} ${element.target}` };
      const button = element as HTMLButtonElement | HTMLInputElement;
      // What a script button does is not in the markup: two of them are taken to do different things.
      if (button.type !== 'submit' && button.type !== 'image') return { probe: String(i), action: `script ${i}` };
      const form = button.form;
      if (!form) return { probe: String(i), action: 'nothing' };
      const values = [...new FormData(form, button)]
        .filter(([key]) => key !== '$ACTION_KEY')
        .map(([key, value]) => [key.replace(/^\$ACTION_REF_\d+$/, '$ACTION_REF').replace(/^\$ACTION_\d+:/, '$ACTION:'), String(value)]);
      const target = button.getAttribute('formtarget') ?? form.target;
      return { probe: String(i), action: `${form.method} ${button.formAction || form.action} ${target} ${JSON.stringify(values)}` };
    });
  });
}

/** Each control's accessible name as Chromium computes it for assistive technology; hidden ones left out. */
async function accessibleNames(page: Page): Promise<Map<string, string>> {
  const cdp = await page.context().newCDPSession(page);
  try {
    // Two questions for the whole page, not three for each control: which DOM node carries which
    // probe, and the accessibility tree with each node's computed name.
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const probes = new Map<number, string>();
    const visit = (node: typeof root) => {
      const attributes = node.attributes ?? [];
      const at = attributes.indexOf('data-name-probe');
      if (at >= 0 && at % 2 === 0) probes.set(node.backendNodeId, attributes[at + 1]);
      for (const child of node.children ?? []) visit(child);
    };
    visit(root);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree', {});
    const names = new Map<string, string>();
    for (const node of nodes) {
      const probe = node.backendDOMNodeId === undefined ? undefined : probes.get(node.backendDOMNodeId);
      if (probe === undefined || node.ignored) continue;
      names.set(
        probe,
        String(node.name?.value ?? '')
          .replace(/\s+/g, ' ')
          .trim(),
      );
    }
    return names;
  } finally {
    await cdp.detach();
  }
}

/**
 * Names on the page that more than one different action answers to, each with how many; and how many
 * named controls the page has, so that a walk over empty pages cannot pass.
 */
async function clashesOn(page: Page): Promise<{ clashes: string[]; named: number }> {
  const controls = await controlsOf(page);
  const names = await accessibleNames(page);
  const actionsByName = new Map<string, Set<string>>();
  for (const { probe, action } of controls) {
    const name = names.get(probe);
    if (name === undefined) continue;
    const key = name.toLocaleLowerCase();
    actionsByName.set(key, (actionsByName.get(key) ?? new Set()).add(action));
  }
  const clashes = [...actionsByName].filter(([, actions]) => actions.size > 1).map(([name, actions]) => `"${name}" ×${actions.size}`);
  return { clashes, named: names.size };
}

const walks = (['admin', 'host', 'guide'] as const).flatMap((role) => LOCALES.map((locale) => [role, locale] as const));

describe('every action has a name of its own on its page', () => {
  it('walks every staff page of the source tree, dynamic segments included', () => {
    const patterns = staffPagePatterns();
    expect(patterns).toEqual(expect.arrayContaining(['/shelters', '/shelters/[id]', '/arrivals/[id]', '/staff']));
    for (const pattern of patterns) expect(pathOf(pattern)).not.toMatch(/\[/);
  });

  it.each(walks)(
    'as %s in %s: no two controls share a name but do different things',
    { timeout: 240_000 },
    async (role, locale: Locale) => {
      const context = await browser.newContext({ baseURL: server.baseURL, viewport: PHONE, locale: 'en-GB', javaScriptEnabled: false });
      context.setDefaultTimeout(20_000);
      const page = await context.newPage();
      await openSignedIn(page, STAFF[role], { server });
      await context.addCookies([{ url: server.baseURL, name: LOCALE_COOKIE, value: locale }]);
      const found: string[] = [];
      for (const pattern of staffPagePatterns()) {
        const path = pathOf(pattern);
        const response = await page.goto(path);
        expect(response?.status(), `${role} ${path}`).toBeLessThan(500);
        // A page that is not this role's answers 404 with an empty shell until scripts draw the
        // not-found page (Next renders notFound() in the browser): it has no control to name.
        if (response?.status() === 404) continue;
        await page.locator('html[lang]').waitFor({ state: 'attached' });
        expect(await page.locator('html').getAttribute('lang'), `${role} ${path}`).toBe(locale);
        const { clashes, named } = await clashesOn(page);
        // Every page has at least the header's links and its sign-out button.
        if (named < 3) found.push(`${pattern} (${new URL(page.url()).pathname}): only ${named} named controls`);
        for (const clash of clashes) found.push(`${pattern} (${new URL(page.url()).pathname}): ${clash}`);
      }
      await context.close();
      expect(found).toEqual([]);
    },
  );
});
