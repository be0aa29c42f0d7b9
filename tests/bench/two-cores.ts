// Does this machine do two cores' work at once? `npx tsx tests/bench/two-cores.ts`: each kind of work
// timed alone, then two copies at once in two processes, three rounds. A busy loop over a small array
// stays in a core's own cache; rendering-like work (short-lived objects and strings, as a page's
// render makes, and the garbage collector after them) goes out to the memory and caches the two cores
// share. Printed, never asserted: it tells a surge that scales badly with processes apart from a
// machine whose cores, or what lies behind them, are shared.
import { spawn } from 'node:child_process';

type Timing = { wall: number; cpu: number };

const KINDS = ['loop', 'render'] as const;
type Kind = (typeof KINDS)[number];

function timed(run: () => void): Timing {
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  run();
  const cpu = process.cpuUsage(cpuStart);
  return { wall: Number(process.hrtime.bigint() - start) / 1e6, cpu: (cpu.user + cpu.system) / 1000 };
}

function loop() {
  const values = new Float64Array(1 << 16);
  let sum = 0;
  for (let round = 0; round < 3000; round++)
    for (let i = 0; i < values.length; i++) {
      values[i] = values[i] * 1.0000001 + (i & 7);
      sum += values[i];
    }
  if (!(sum > 0)) throw new Error('the loop was skipped');
}

/** Rows to objects to markup, 400 times over: allocation, strings and collection, like a page's render. */
function render() {
  let length = 0;
  for (let page = 0; page < 400; page++) {
    const rows = Array.from({ length: 2000 }, (_, i) => ({
      id: `bed-${page}-${i}`,
      label: `B${i}`,
      guests: [{ alias: `G${i}`, nights: i % 7 }],
    }));
    const html = rows
      .map((row) => `<li id="${row.id}">${row.label} ${row.guests.map((g) => `${g.alias}:${g.nights}`).join()}</li>`)
      .join('');
    length += JSON.stringify(rows).length + html.length;
  }
  if (!(length > 0)) throw new Error('the render was skipped');
}

function copies(kind: Kind, count: number): Promise<Timing[]> {
  return Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Timing>((done, fail) => {
          const child = spawn(process.execPath, [...process.execArgv, __filename, kind]);
          let out = '';
          child.stdout.on('data', (chunk) => (out += chunk));
          child.on('exit', (code) => (code === 0 ? done(JSON.parse(out) as Timing) : fail(new Error(`exit ${code}`))));
        }),
    ),
  );
}

const shown = (t: Timing) => `${t.wall.toFixed(0)} ms wall, ${t.cpu.toFixed(0)} ms CPU`;

const asked = process.argv[2] as Kind | undefined;
if (asked && KINDS.includes(asked)) console.log(JSON.stringify(timed(asked === 'loop' ? loop : render)));
else
  void (async () => {
    for (let round = 0; round < 3; round++)
      for (const kind of KINDS) {
        const [alone] = await copies(kind, 1);
        const together = await copies(kind, 2);
        console.log(`${kind} alone: ${shown(alone)}; two at once: ${together.map(shown).join(' | ')}`);
      }
  })();
