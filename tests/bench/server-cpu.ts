import { readdirSync, readFileSync } from 'node:fs';
import { round, spread } from './stats';

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux: clock ticks of 10 ms). */
export function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * CPU time each process of a tree (a cluster's primary and its workers) has used so far, in ms, by
 * pid. A process that ended in between takes its time with it: call it while the tree is stable.
 */
export function processTreeCpu(root: number): Map<number, number> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ');
      parents.set(Number(entry), Number(fields[1]));
    } catch {
      // Gone since the listing.
    }
  }
  const tree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (tree.has(parent) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  const used = new Map<number, number>();
  for (const pid of tree) {
    try {
      used.set(pid, processCpuMs(pid));
    } catch {
      // Gone since the listing.
    }
  }
  return used;
}

/** CPU time a process and every process under it have used so far, in ms. */
export const processTreeCpuMs = (root: number): number => [...processTreeCpu(root).values()].reduce((sum, ms) => sum + ms, 0);

/**
 * Each process's part of the CPU a tree used between two readings, busiest first, in percent: how
 * evenly a cluster spread the work ("71/29"), or one figure for a single process.
 */
export function cpuSplit(before: Map<number, number>, after: Map<number, number>): number[] {
  const used = [...after].map(([pid, ms]) => ms - (before.get(pid) ?? 0)).filter((ms) => ms > 0);
  const total = used.reduce((sum, ms) => sum + ms, 0);
  return used.sort((a, b) => b - a).map((ms) => Math.round((ms / total) * 100));
}

/**
 * The server's own CPU per request for one page, one request at a time after a warm-up: the median
 * of `batches` batches' means. CPU, unlike latency, does not count the time a busy machine keeps the
 * server waiting, so it compares runs on a shared machine better. Any answer but `status` fails.
 */
export async function serverCpuPerRequest(
  pid: number,
  url: string,
  headers: Record<string, string>,
  options = { warmUp: 30, batches: 5, perBatch: 60 },
  status = 200,
) {
  const get = async () => {
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (response.status !== status) throw new Error(`${url} answered ${response.status}`);
  };
  for (let i = 0; i < options.warmUp; i++) await get();
  const means: number[] = [];
  for (let b = 0; b < options.batches; b++) {
    const before = processCpuMs(pid);
    for (let i = 0; i < options.perBatch; i++) await get();
    means.push((processCpuMs(pid) - before) / options.perBatch);
  }
  return round(spread(means).median, 2);
}
