import { setMaxListeners } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { seedDemo } from '@/scripts/demo-data/seed';
import { AUTH_SECRET, DEMO_PASSWORD, startServer } from '../support/next-server';
import { load } from './http';
import { cpuSplit, processTreeCpu } from './server-cpu';
import { percentile, round } from './stats';
import { HouseholdSupply, prng, seedSurgeNetwork, sessionsFor } from './surge-network';
import { askForPlace, Recorder, STEPS, surgeActions, walk, type Step, type Surge } from './surge-walk';

export type SurgeOptions = {
  /** Server processes (WEB_CONCURRENCY) to measure, one fresh server and database each. */
  processes: number[];
  /** Every process count's server at the same time: for the smoke run, where none is measured against another. */
  atOnce?: boolean;
  /** The ramp, in volunteers: it stops at the first level that fails, then halves the gap `refineSteps` times. */
  levels: number[];
  refineSteps: number;
  /** Before the ramp: a few volunteers walking fast, so that no route is loaded inside a window. */
  warmUpWalkSeconds: number;
  /** Each level settles this long, once its last volunteer has joined, before its window opens. */
  warmupSeconds: number;
  holdSeconds: number;
  /**
   * The smoke run's window: it lasts until every step has been answered in it and a household placed,
   * so a slow machine only makes it longer; a step still not walked after this many seconds fails.
   */
  walkEveryStepWithin?: number;
  pause: [number, number];
  p95LimitMs: number;
  shelters: number;
  bedsPerRoom: number;
  /** One volunteer in this many is a host; the rest are guides. */
  hostEvery: number;
  /** Sessions signed in through Auth.js's endpoint; the others are minted with its `encode`. */
  signedIn: number;
  /** People sending the public form, per volunteer per minute. */
  requestsPerVolunteerMinute: number;
  /** Households already waiting longest before the run, so each guide's own is past the queue's first page. */
  queueBacklog: number;
  health: { connections: number; seconds: number };
};

type Level = {
  volunteers: number;
  passed: boolean;
  requests_per_second: number;
  generator_cpu_percent: number;
  /** The server's processes together, in percent of one core (this machine has `cpus().length`). */
  server_cpu_percent: number;
  server_cpu_ms_per_request: number;
  /** Each server process's part of the server's CPU, busiest first ("71/29"): how evenly the cluster spread the work. */
  server_cpu_split: string;
  worst: string;
  steps: Partial<Record<Step, { n: number; p50: number; p95: number }>>;
  failures: string[];
};

/** Per step kind, over the requests begun in the window; one still unanswered counts with its time so far. */
function levelFigures(rec: Recorder, from: number, to: number, now: number) {
  const byStep = new Map<Step, number[]>();
  for (const sample of rec.samples) {
    if (sample.start < from || sample.start >= to) continue;
    const times = byStep.get(sample.step) ?? [];
    times.push((sample.end ?? now) - sample.start);
    byStep.set(sample.step, times);
  }
  const steps: Level['steps'] = {};
  let total = 0;
  for (const step of STEPS) {
    const times = byStep.get(step);
    if (!times) continue;
    total += times.length;
    steps[step] = { n: times.length, p50: round(percentile(times, 0.5)), p95: round(percentile(times, 0.95)) };
  }
  return { steps, total };
}

/** The steps no request begun since `from` has completed, and "a reservation" if none was made since. */
function stepsNotWalked(rec: Recorder, from: number, reservedBefore: number): string[] {
  const walked = new Set(rec.samples.filter((s) => s.start >= from && s.ok).map((s) => s.step));
  return [...STEPS.filter((step) => !walked.has(step)), ...(rec.counts.reserved > reservedBefore ? [] : ['a reservation'])];
}

/** Until no request is waiting for its answer, or `seconds` have passed. */
async function drained(rec: Recorder, seconds: number) {
  const until = performance.now() + seconds * 1000;
  while (rec.samples.some((sample) => sample.end === null) && performance.now() < until) await sleep(250);
}

/**
 * Volunteers walking the seed story's steps against one server, in levels: each level adds (or,
 * when refining, stops) volunteers, lets them settle for `warmupSeconds` once the last has joined,
 * then measures `holdSeconds`.
 */
async function ramp(
  surge: Surge,
  serverPid: number,
  sessions: string[],
  members: Parameters<typeof walk>[1][],
  options: SurgeOptions,
  levelsToTry: number[],
) {
  const running: { stopped: boolean; done: Promise<void> }[] = [];
  const setVolunteers = (count: number) => {
    while (running.length < count) {
      const i = running.length;
      const volunteer = { stopped: false, done: Promise.resolve() };
      volunteer.done = walk(surge, members[i], { cookie: sessions[i] }, prng(1000 + i), () => volunteer.stopped);
      running.push(volunteer);
    }
    for (const volunteer of running.slice(count)) volunteer.stopped = true;
    running.splice(count);
  };
  // People on the public form arrive at a steady rate, in proportion to the volunteers.
  let askers = 0;
  let owed = 0;
  const askerRandom = prng(7);
  const askerTicker = setInterval(() => {
    owed += (running.length * options.requestsPerVolunteerMinute) / 60;
    for (; owed >= 1; owed--) void askForPlace(surge, ++askers, askerRandom);
  }, 1000);

  const measure = async (volunteers: number): Promise<Level> => {
    if (volunteers < running.length) {
      // Stepping down from an overload: volunteers whose answers came late ask again at once (each
      // step is timed from the last one's start), so the backlog would outlive the level that made
      // it. Everyone leaves, what is on the wire is answered, and the level starts afresh.
      setVolunteers(0);
      await drained(surge.recorder, 120);
    }
    setVolunteers(volunteers);
    const failuresBefore = surge.recorder.failures.length;
    // New volunteers join spread over one pause (walk()): the window opens once all of them walk.
    await sleep((options.pause[1] + options.warmupSeconds) * 1000);
    const from = performance.now();
    const cpu = process.cpuUsage();
    const serverCpu = processTreeCpu(serverPid);
    const reservedBefore = surge.recorder.counts.reserved;
    await sleep(options.holdSeconds * 1000);
    if (options.walkEveryStepWithin !== undefined) {
      const until = from + options.walkEveryStepWithin * 1000;
      const missing = () => stepsNotWalked(surge.recorder, from, reservedBefore);
      while (missing().length > 0 && performance.now() < until) await sleep(500);
      for (const step of missing()) surge.recorder.failures.push(`${step}: not walked within ${options.walkEveryStepWithin} s`);
    }
    const to = performance.now();
    const used = process.cpuUsage(cpu);
    const serverCpuAfter = processTreeCpu(serverPid);
    const split = cpuSplit(serverCpu, serverCpuAfter);
    const serverUsed =
      [...serverCpuAfter.values()].reduce((sum, ms) => sum + ms, 0) - [...serverCpu.values()].reduce((sum, ms) => sum + ms, 0);
    // A grace second: anything begun in the window and still unanswered is already past the limit.
    await sleep(Math.min(1000, options.p95LimitMs * 3));
    const { steps, total } = levelFigures(surge.recorder, from, to, performance.now());
    const failures = surge.recorder.failures.slice(failuresBefore);
    const [worstStep, worst] = Object.entries(steps).sort((a, b) => b[1].p95 - a[1].p95)[0] ?? ['none', { p95: 0 }];
    return {
      volunteers,
      passed: failures.length === 0 && worst.p95 <= options.p95LimitMs,
      requests_per_second: round(total / ((to - from) / 1000)),
      generator_cpu_percent: round(((used.user + used.system) / 1000 / (to - from)) * 100),
      server_cpu_percent: round((serverUsed / (to - from)) * 100),
      server_cpu_ms_per_request: total > 0 ? round(serverUsed / total) : 0,
      server_cpu_split: split.join('/'),
      worst: `${worstStep} ${worst.p95}`,
      steps,
      failures: failures.slice(0, 5),
    };
  };

  const levels: Level[] = [];
  try {
    for (const volunteers of levelsToTry) {
      levels.push(await measure(volunteers));
      if (!levels[levels.length - 1].passed) break;
    }
    // Then halve the gap between the last level that passed (or none) and the first that failed.
    let low = levels.filter((l) => l.passed).pop()?.volunteers ?? 0;
    let high = levels.find((l) => !l.passed)?.volunteers;
    for (let step = 0; high !== undefined && step < options.refineSteps; step++) {
      const halfway = Math.round((low + high) / 2 / 10) * 10;
      if (halfway <= low || halfway >= high) break;
      const level = await measure(halfway);
      levels.push(level);
      if (level.passed) low = halfway;
      else high = halfway;
    }
  } finally {
    clearInterval(askerTicker);
    setVolunteers(0);
  }
  return levels;
}

/**
 * A fresh server loads each route's code on its first request (a second or more): a few volunteers
 * walk every step quickly through each server process first, outside any measurement.
 */
async function warmUp(surge: Surge, sessions: string[], members: Parameters<typeof walk>[1][], processes: number, seconds: number) {
  if (seconds <= 0) return;
  const ended = new AbortController();
  setMaxListeners(0, ended.signal);
  const warm: Surge = { ...surge, recorder: new Recorder(), pause: [0.1, 0.3], ended: ended.signal };
  const walkers = members
    .slice(0, Math.min(members.length, 4 * processes))
    .map((member, i) => walk(warm, member, { cookie: sessions[i] }, prng(i), () => false));
  void askForPlace(warm, 0, prng(0));
  await sleep(seconds * 1000);
  ended.abort();
  await Promise.all(walkers);
}

const describeLevel = (l: Level) =>
  `${l.volunteers} ${l.passed ? 'passed' : 'failed'} (${l.requests_per_second}/s, worst p95 ${l.worst} ms, server CPU ${l.server_cpu_percent}% split ${l.server_cpu_split}, ${l.server_cpu_ms_per_request} ms a request, generator CPU ${l.generator_cpu_percent}%${l.failures.length ? `, ${l.failures[0]}` : ''})`;

const describeMix = (l: Level | undefined) => {
  if (!l) return 'none';
  const total = Object.values(l.steps).reduce((sum, s) => sum + s.n, 0);
  return Object.entries(l.steps)
    .map(([step, s]) => `${step} ${Math.round((s.n / total) * 100)}% (p50 ${s.p50} / p95 ${s.p95} ms)`)
    .join(' · ');
};

/** One server with `processes` processes over a fresh database: its health check rate, then the ramp. */
async function surgeOn(processes: number, options: SurgeOptions, levelsToTry: number[]) {
  const dir = mkdtempSync(join(tmpdir(), 'waystation-surge-'));
  const databasePath = join(dir, 'surge.db');
  const { db, sqlite } = openDatabase(databasePath);
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    migrateDatabase(db);
    await seedDemo(db, { password: DEMO_PASSWORD, now: new Date() });
    const volunteers = Math.max(...options.levels);
    const members = await seedSurgeNetwork(db, {
      shelters: options.shelters,
      bedsPerRoom: options.bedsPerRoom,
      volunteers,
      hostEvery: options.hostEvery,
    });
    server = await startServer(databasePath, { webConcurrency: processes });
    const health = await load(`${server.baseURL}/api/health`, undefined, options.health.connections, options.health.seconds);
    if (health.non2xx + health.errors + health.timeouts > 0) throw new Error('health check failed under load');
    const sessions = await sessionsFor(server.baseURL, members, options.signedIn, AUTH_SECRET, DEMO_PASSWORD);
    const ended = new AbortController();
    // Every sleeping walker listens for the end of the run.
    setMaxListeners(0, ended.signal);
    const surge: Surge = {
      baseURL: server.baseURL,
      recorder: new Recorder(),
      supply: new HouseholdSupply(db, prng(processes), options.queueBacklog),
      pause: options.pause,
      ended: ended.signal,
      actions: surgeActions(),
    };
    await warmUp(surge, sessions, members, processes, options.warmUpWalkSeconds);
    const levels = await ramp(surge, server.pid, sessions, members, options, levelsToTry);
    ended.abort();
    // Let the requests still on the wire finish before the database is read.
    await sleep(Math.min(2000, options.pause[0] * 1000));
    const passed = levels.filter((l) => l.passed);
    const best = passed.reduce<Level | undefined>((a, l) => (!a || l.volunteers > a.volunteers ? l : a), undefined);
    const doubles = sqlite
      .prepare('select count(*) as n from (select bed_id from stay_beds where released_at is null group by bed_id having count(*) > 1)')
      .get() as { n: number };
    return {
      processes,
      volunteers: best?.volunteers ?? 0,
      health_per_second: round(health.requests.average),
      requests_per_second: best?.requests_per_second ?? 0,
      generator_cpu_percent: best?.generator_cpu_percent ?? 0,
      server_cpu_percent: best?.server_cpu_percent ?? 0,
      server_cpu_ms_per_request: best?.server_cpu_ms_per_request ?? 0,
      server_cpu_split: best?.server_cpu_split ?? '',
      mix: describeMix(best),
      failedMix: describeMix(levels.find((l) => !l.passed)),
      levels: levels.map(describeLevel).join('; '),
      double_bookings: doubles.n,
      failures: surge.recorder.failures.length,
      failureKinds: failureKinds(surge.recorder.failures),
      ...surge.recorder.counts,
    };
  } finally {
    server?.stop();
    sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A run of letters, digits, `-` and `_` that is an id or a link's token: the app's ids are 16
 * characters (db/schema/columns.ts), its tokens longer; a refusal code such as `reservedOnRequestLink`
 * is a camelCase word, and stays.
 */
const looksLikeId = (word: string) => word.length >= 16 && !/^[a-z]+(?:[A-Z][a-z]*)*$/.test(word);

/** Each kind of failure once, with how often it happened: its message less the ids in it. */
export function failureKinds(failures: string[]): string {
  const kinds = new Map<string, number>();
  for (const failure of failures) {
    const kind = failure.replace(/[\w-]{16,}/g, (word) => (looksLikeId(word) ? '…' : word));
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return [...kinds].map(([kind, n]) => `${kind} ×${n}`).join('; ') || 'none';
}

/** Each process count's ramp in turn: more processes should serve at least as many, so each starts at the previous count's best level. */
async function oneAfterAnother(options: SurgeOptions) {
  const runs: Awaited<ReturnType<typeof surgeOn>>[] = [];
  for (const processes of options.processes) {
    const floor = runs.length > 0 ? runs[runs.length - 1].volunteers : 0;
    const start = Math.max(0, options.levels.filter((level) => level <= floor).length - 1);
    runs.push(await surgeOn(processes, options, options.levels.slice(start)));
  }
  return runs;
}

const per = (n: number) => `${n}_process${n === 1 ? '' : 'es'}`;

/**
 * Surge capacity, in volunteers: the most volunteers walking the seed story at once (each with their
 * own session, a request every 5–15 s) before the p95 of any step passes the limit or anything fails,
 * with 1 and with N server processes. The headline is the last process count (`npm start`'s default).
 */
export async function benchSurge(options: SurgeOptions) {
  const runs = options.atOnce
    ? await Promise.all(options.processes.map((processes) => surgeOn(processes, options, options.levels)))
    : await oneAfterAnother(options);
  const figures: Record<string, number | string> = {};
  const headline = runs[runs.length - 1];
  figures.volunteers_at_p95_300ms = headline.volunteers;
  for (const run of runs) {
    figures[`volunteers_at_p95_300ms_${per(run.processes)}`] = run.volunteers;
    figures[`health_per_second_${per(run.processes)}`] = run.health_per_second;
  }
  for (const run of runs) {
    const at = per(run.processes);
    figures[`requests_per_second_${at}`] = run.requests_per_second;
    figures[`generator_cpu_percent_${at}`] = run.generator_cpu_percent;
    figures[`server_cpu_percent_${at}`] = run.server_cpu_percent;
    figures[`server_cpu_ms_per_request_${at}`] = run.server_cpu_ms_per_request;
    figures[`server_cpu_split_${at}`] = run.server_cpu_split;
    figures[`mix_${at}`] = run.mix;
    figures[`mix_at_first_failure_${at}`] = run.failedMix;
    figures[`levels_${at}`] = run.levels;
    figures[`reservations_${at}`] = run.reserved;
    figures[`conflicts_${at}`] = run.conflicts;
    figures[`check_ins_${at}`] = run.checked_in;
    figures[`check_outs_${at}`] = run.checked_out;
    figures[`public_requests_${at}`] = run.public_requests;
    figures[`no_place_${at}`] = run.no_place;
    figures[`failure_kinds_${at}`] = run.failureKinds;
  }
  figures.failures = runs.reduce((sum, run) => sum + run.failures, 0);
  figures.double_bookings = runs.reduce((sum, run) => sum + run.double_bookings, 0);
  return figures;
}
