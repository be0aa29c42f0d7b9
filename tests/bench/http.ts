import autocannon from 'autocannon';
import { round } from './stats';

type Target = { name: string; path: string; cookie?: string };

export function load(url: string, cookie: string | undefined, connections: number, seconds: number) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(
      { url, connections, duration: seconds, headers: { 'accept-encoding': 'gzip', ...(cookie ? { cookie } : {}) } },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

/**
 * Requests per second and latency under load on loopback, each page against a static file from
 * public/ served by the same server (the ceiling), one after the other in the same run.
 */
export async function benchHttp(baseURL: string, targets: Target[], options: { connections: number; seconds: number }) {
  const figures: Record<string, number> = {};
  const ceiling = await load(`${baseURL}/robots.txt`, undefined, options.connections, options.seconds);
  figures.static_per_second = round(ceiling.requests.average);
  figures.static_p50_ms = ceiling.latency.p50;
  figures.static_p99_ms = ceiling.latency.p99;
  for (const target of targets) {
    const result = await load(`${baseURL}${target.path}`, target.cookie, options.connections, options.seconds);
    const bad = result.non2xx + result.errors + result.timeouts;
    if (bad > 0) throw new Error(`${target.name}: ${bad} failed responses`);
    figures[`${target.name}_per_second`] = round(result.requests.average);
    figures[`${target.name}_p50_ms`] = result.latency.p50;
    figures[`${target.name}_p99_ms`] = result.latency.p99;
    figures[`${target.name}_ratio_to_static`] = round(result.requests.average / ceiling.requests.average, 2);
    // The health check is the cheapest answer Next's pipeline gives: the ceiling of any route handler.
    if (target.name !== 'health' && figures.health_per_second) {
      figures[`${target.name}_ratio_to_health`] = round(result.requests.average / figures.health_per_second, 2);
    }
  }
  return { connections: options.connections, seconds_each: options.seconds, ...figures };
}
