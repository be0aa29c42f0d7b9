// Does this machine do two cores' work at once? `npx tsx tests/bench/two-cores.ts`: one busy loop
// timed alone, then two copies at once in two processes, three rounds. Printed, never asserted: it
// tells a surge that scales badly with processes apart from a machine whose cores are shared.
import { spawn } from 'node:child_process';

type Timing = { wall: number; cpu: number };

function work(): Timing {
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const values = new Float64Array(1 << 16);
  let sum = 0;
  for (let round = 0; round < 3000; round++)
    for (let i = 0; i < values.length; i++) {
      values[i] = values[i] * 1.0000001 + (i & 7);
      sum += values[i];
    }
  const cpu = process.cpuUsage(cpuStart);
  if (!(sum > 0)) throw new Error('the loop was skipped');
  return { wall: Number(process.hrtime.bigint() - start) / 1e6, cpu: (cpu.user + cpu.system) / 1000 };
}

function copies(count: number): Promise<Timing[]> {
  return Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Timing>((done, fail) => {
          const child = spawn(process.execPath, [...process.execArgv, __filename, 'work']);
          let out = '';
          child.stdout.on('data', (chunk) => (out += chunk));
          child.on('exit', (code) => (code === 0 ? done(JSON.parse(out) as Timing) : fail(new Error(`exit ${code}`))));
        }),
    ),
  );
}

const shown = (t: Timing) => `${t.wall.toFixed(0)} ms wall, ${t.cpu.toFixed(0)} ms CPU`;

if (process.argv[2] === 'work') console.log(JSON.stringify(work()));
else
  void (async () => {
    for (let round = 0; round < 3; round++) {
      const [alone] = await copies(1);
      const together = await copies(2);
      console.log(`alone: ${shown(alone)}; two at once: ${together.map(shown).join(' | ')}`);
    }
  })();
