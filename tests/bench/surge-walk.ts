import { setTimeout as sleep } from 'node:timers/promises';
import { MIN_FILL_MS } from '@/lib/requests/form-guard';
import { actionId, callAction } from './actions';
import { BrowserConnection } from './browser-connection';
import { COOKIE_NAME, surgeAlias, type HouseholdSupply, type Member } from './surge-network';

/** Every kind of request the surge makes; the p95 of each is held against the limit. */
export const STEPS = [
  'queue',
  'household',
  'reserve',
  'board',
  'check_in',
  'check_out',
  'arrival_page',
  'request_form',
  'request_send',
] as const;
export type Step = (typeof STEPS)[number];

export type Sample = { step: Step; start: number; end: number | null; ok: boolean };

/** What every walker writes to: one sample per request, failures with their reason, and outcomes. */
export class Recorder {
  samples: Sample[] = [];
  failures: string[] = [];
  counts = { reserved: 0, conflicts: 0, no_place: 0, checked_in: 0, checked_out: 0, public_requests: 0 };

  async timed<T>(step: Step, run: () => Promise<T>): Promise<T | undefined> {
    const sample: Sample = { step, start: performance.now(), end: null, ok: false };
    this.samples.push(sample);
    try {
      const value = await run();
      sample.ok = true;
      return value;
    } catch (error) {
      this.failures.push(`${step}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    } finally {
      sample.end = performance.now();
    }
  }
}

export type Surge = {
  baseURL: string;
  recorder: Recorder;
  supply: HouseholdSupply;
  pause: [number, number];
  /** Aborted when the run ends: every sleeping walker wakes and leaves. */
  ended: AbortSignal;
  actions: { reserve: string; checkIn: string; checkOut: string };
};

export const surgeActions = () => ({
  reserve: actionId('app/(staff)/arrivals/[id]/actions.ts', 'reservePlace'),
  checkIn: actionId('app/(staff)/shelters/[id]/actions.ts', 'checkInHousehold'),
  checkOut: actionId('app/(staff)/shelters/[id]/actions.ts', 'checkOutHousehold'),
});

const between = (random: () => number, [low, high]: [number, number]) => (low + (high - low) * random()) * 1000;

/** Sleeps `ms`, or less if the run ends; says whether the walker should go on. */
async function wait(surge: Surge, ms: number, stopped: () => boolean): Promise<boolean> {
  if (ms > 0) await sleep(ms, undefined, { signal: surge.ended }).catch(() => undefined);
  return !surge.ended.aborted && !stopped();
}

/** A person at their browser: their own connection, and a session cookie when signed in. */
type Visitor = { connection: BrowserConnection; cookie?: string };

async function getPage(surge: Surge, path: string, visitor: Visitor): Promise<string> {
  const answer = await visitor.connection.send(`${surge.baseURL}${path}`, { headers: visitor.cookie ? { cookie: visitor.cookie } : {} });
  if (answer.status !== 200) throw new Error(`${path.split('/')[1]} answered ${answer.status}`);
  // A page view renews the session (the proxy re-issues the cookie), as a browser would keep it.
  const renewed = answer.setCookies.find((c) => c.startsWith(`${COOKIE_NAME}=`));
  if (visitor.cookie && renewed) visitor.cookie = renewed.split(';')[0];
  return answer.text;
}

/** Someone without an account for one short visit (a page or two), on a connection of their own. */
async function visit<T>(run: (visitor: Visitor) => Promise<T>): Promise<T> {
  const visitor = { connection: new BrowserConnection() };
  try {
    return await run(visitor);
  } finally {
    await visitor.connection.close();
  }
}

/** What a form posts. */
export type Fields = Record<string, string | string[]>;
/** A suggestion card: the shelter, and what a guide's press on its "Reserve" posts. */
export type Card = { shelterId: string; fields: Fields };

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/**
 * Each form of a page with the fields it posts: its hidden ones and its ticked boxes. React's own
 * fields for a post without JavaScript (`$ACTION_…`) are left out, as a browser running the page's
 * script does not send them.
 */
export function formsIn(html: string): Fields[] {
  return html
    .split('<form')
    .slice(1)
    .map((form) => {
      const fields: Fields = {};
      for (const [tag] of form.slice(0, form.indexOf('</form>')).matchAll(/<input\b[^>]*>/g)) {
        const name = attribute(tag, 'name');
        const type = attribute(tag, 'type');
        const posted = type === 'hidden' || (type === 'checkbox' && attribute(tag, 'checked') !== undefined);
        if (!name || name.startsWith('$ACTION') || !posted) continue;
        const value = attribute(tag, 'value') ?? 'on';
        fields[name] = name.endsWith('[]') ? [...[fields[name] ?? []].flat(), value] : value;
      }
      return fields;
    });
}

/**
 * The suggestion cards of a household's page, each with every field its form posts: a card under
 * another city's heading also sends `elsewhere`, without which the reservation is refused.
 */
export const suggestionsIn = (html: string): Card[] =>
  formsIn(html).flatMap((fields) =>
    typeof fields.shelterId === 'string' && (fields['bedIds[]'] ?? []).length > 0 ? [{ shelterId: fields.shelterId, fields }] : [],
  );

/**
 * The stays a host can check in from the bed board: the one-click forms that post a stay alone
 * ("one more night" also posts a departure; cancelling and checking out ask first).
 */
export const expectedStays = (html: string) =>
  formsIn(html).flatMap((fields) => (Object.keys(fields).join() === 'stayId' ? [String(fields.stayId)] : []));

/** The refusal codes in a server action's answer, for a failure's message. */
function refusalOf(answer: string): string {
  const codes = [...answer.matchAll(/"(?:message|[a-zA-Z]+Id|bedIds)":"([a-zA-Z]+)"/g)].map((match) => match[1]);
  return codes.length > 0 ? ` (${codes.join(',')})` : '';
}

/**
 * One volunteer: every step a request, each `pause` seconds (5–15 by default) after the previous
 * one began, so the offered load does not shrink when answers slow down. A guide takes a household,
 * opens the queue, then the household's page with its ranked suggestions, reserves one of the first
 * three (again from a fresh page if the beds were just taken), hands the link over and opens the
 * shelter's bed board. A host opens their shelter's board, checks in someone expected, and checks
 * out someone who has stayed a while.
 */
export async function walk(surge: Surge, member: Member, session: { cookie: string }, random: () => number, stopped: () => boolean) {
  const visitor = { connection: new BrowserConnection(), cookie: session.cookie };
  try {
    await walkAs(surge, member, visitor as Required<Visitor>, random, stopped);
  } finally {
    await visitor.connection.close();
  }
}

async function walkAs(surge: Surge, member: Member, session: Required<Visitor>, random: () => number, stopped: () => boolean) {
  const rec = surge.recorder;
  let lastStart = performance.now();
  const next = async () => {
    const go = await wait(surge, lastStart + between(random, surge.pause) - performance.now(), stopped);
    lastStart = performance.now();
    return go;
  };
  // New volunteers join spread over one pause, not all at once.
  if (!(await wait(surge, between(random, [0, surge.pause[1]]), stopped))) return;
  lastStart = performance.now();
  const checkedIn: string[] = [];
  // Half the guides begin at a household's page, as if they had read the queue a moment before,
  // so that volunteers who join together do not all walk the same step at the same time.
  let skipQueue = random() < 0.5;
  while (!surge.ended.aborted && !stopped()) {
    if (member.role === 'host') {
      const board = `/shelters/${member.shelterId}`;
      const html = await rec.timed('board', () => getPage(surge, board, session));
      const expected = html ? expectedStays(html) : [];
      if (expected.length > 0 && (await next())) {
        const stayId = expected[Math.floor(random() * expected.length)];
        const answer = await rec.timed('check_in', () =>
          callAction(surge.baseURL, board, surge.actions.checkIn, session.cookie, { stayId }, session.connection),
        );
        if (answer?.includes('"checkedIn"')) {
          rec.counts.checked_in++;
          checkedIn.push(stayId);
        } else if (answer?.includes('"stayNotReserved"')) {
          // Lost race: another host of the shelter checked them in first.
          rec.counts.conflicts++;
        } else if (answer !== undefined) rec.failures.push(`check_in: refused ${stayId}${refusalOf(answer)}`);
      }
      if (checkedIn.length > 1 && (await next()) && (await rec.timed('board', () => getPage(surge, board, session))) && (await next())) {
        const stayId = checkedIn.shift()!;
        const answer = await rec.timed('check_out', () =>
          callAction(surge.baseURL, board, surge.actions.checkOut, session.cookie, { stayId }, session.connection),
        );
        if (answer?.includes('"checkedOut"')) rec.counts.checked_out++;
        else if (answer !== undefined) rec.failures.push(`check_out: refused ${stayId}${refusalOf(answer)}`);
      }
    } else {
      await guideOnce(surge, session, random, next, skipQueue);
      skipQueue = false;
    }
    if (!(await next())) return;
  }
}

async function guideOnce(surge: Surge, session: Required<Visitor>, random: () => number, next: () => Promise<boolean>, skipQueue: boolean) {
  const rec = surge.recorder;
  const { id: arrivalId, alias, requestToken } = surge.supply.next();
  if (!skipQueue) {
    // In a long queue a guide finds the household they met by its alias, as the search box offers.
    const queue = await rec.timed('queue', () => getPage(surge, `/arrivals?q=${encodeURIComponent(alias)}`, session));
    if (queue !== undefined && !queue.includes(`/arrivals/${arrivalId}`))
      rec.failures.push(`queue: household ${arrivalId} not found by its alias`);
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    if ((attempt > 0 || !skipQueue) && !(await next())) return;
    const page = `/arrivals/${arrivalId}`;
    const html = await rec.timed('household', () => getPage(surge, page, session));
    if (html === undefined) return;
    const suggestions = suggestionsIn(html);
    if (suggestions.length === 0) {
      rec.counts.no_place++;
      return;
    }
    const { shelterId, fields } = suggestions[Math.floor(random() * Math.min(3, suggestions.length))];
    if (!(await next())) return;
    const answer = await rec.timed('reserve', () =>
      callAction(surge.baseURL, page, surge.actions.reserve, session.cookie, fields, session.connection),
    );
    if (answer === undefined) return;
    // A household that asked online gets no new link: the one it asked with now shows its stay (the
    // demo's Vera asked before request links were kept, and has none to open). The answer is matched
    // by its message, not by the key alone: a refusal re-renders the page, whose messages name it too.
    const onRequestLink = answer.includes('"message":"reservedOnRequestLink"');
    const token = /\/s\/([A-Za-z0-9_-]{20,})/.exec(answer)?.[1] ?? (onRequestLink ? requestToken : undefined);
    if (token || onRequestLink) {
      rec.counts.reserved++;
      if (token) arrivalOpens(surge, token, random);
      if (await next()) await rec.timed('board', () => getPage(surge, `/shelters/${shelterId}`, session));
      return;
    }
    // Lost races: another guide took the beds, or a host checked a guest into one of them meanwhile.
    if (!answer.includes('"bedsTaken"') && !answer.includes('"guestStillInBed"')) {
      rec.failures.push(`reserve: neither a link, the request's link, nor a lost race for ${arrivalId}${refusalOf(answer)}`);
      return;
    }
    rec.counts.conflicts++;
  }
}

/** The household opens its link a few seconds after the guide hands it over, and once more later on the way. */
function arrivalOpens(surge: Surge, token: string, random: () => number) {
  for (const after of [between(random, surge.pause), between(random, [30, 90])]) {
    void wait(surge, after, () => false).then((go) =>
      go ? visit((household) => surge.recorder.timed('arrival_page', () => getPage(surge, `/s/${token}`, household))) : undefined,
    );
  }
}

/**
 * Someone asking for a place on the public form: opens it, takes 5–15 s to fill it in (the form
 * refuses anything faster than its minimum), sends it from their own address, and lands on their
 * link. `next start` takes the client's X-Forwarded-For as the address when no proxy is in front
 * (lib/auth/client-address.ts), so each person's limits (lib/requests/throttle.ts) are their own.
 */
export const askForPlace = (surge: Surge, person: number, random: () => number) => visit((asker) => ask(surge, asker, person, random));

async function ask(surge: Surge, asker: Visitor, person: number, random: () => number) {
  const rec = surge.recorder;
  const form = await rec.timed('request_form', () => getPage(surge, '/request', asker));
  const stamp = form && /name="stamp" value="([^"]+)"/.exec(form)?.[1];
  if (!stamp) {
    if (form !== undefined) rec.failures.push('request_form: no stamp');
    return;
  }
  if (!(await wait(surge, Math.max(MIN_FILL_MS + 500, between(random, surge.pause)), () => false))) return;
  const body = new URLSearchParams({
    lang: 'en',
    stamp,
    website: '',
    alias: surgeAlias('Asker', person),
    adultMen: '0',
    adultWomen: '1',
    children: '0',
    contact: `@asker_${person}`,
    arrivedAt: '',
    cityId: surge.supply.cityId,
  });
  body.append('languages[]', 'ru');
  const location = await rec.timed('request_send', async () => {
    const answer = await asker.connection.send(`${surge.baseURL}/request`, {
      method: 'POST',
      headers: {
        origin: surge.baseURL,
        'content-type': 'application/x-www-form-urlencoded',
        // Each from a network of their own: the form holds one source network (an IPv4 /24) to 20 an hour.
        'x-forwarded-for': `10.${(person >> 8) & 255}.${person & 255}.1`,
      },
      body: body.toString(),
    });
    if (answer.status !== 303) throw new Error(`request answered ${answer.status}`);
    return answer.location ?? '';
  });
  if (location === undefined) return;
  const token = /\/s\/([A-Za-z0-9_-]+)/.exec(location)?.[1];
  if (!token) {
    rec.failures.push(`request_send: sent to ${location || 'nowhere'}, not to a link`);
    return;
  }
  rec.counts.public_requests++;
  surge.supply.requested(token);
  await rec.timed('arrival_page', () => getPage(surge, `/s/${token}`, asker));
}
