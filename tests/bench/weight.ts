import { request as httpRequest } from 'node:http';
import type { Browser } from 'playwright-core';

/** Bytes on the wire for one URL, asking for gzip as browsers do. */
export function wireBytes(url: string, cookie?: string): Promise<{ compressed: number; status: number }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers: { 'accept-encoding': 'gzip', ...(cookie ? { cookie } : {}) } }, (response) => {
      let compressed = 0;
      response.on('data', (chunk: Buffer) => (compressed += chunk.length));
      response.on('end', () => resolve({ compressed, status: response.statusCode ?? 0 }));
    })
      .on('error', reject)
      .end();
  });
}

/**
 * The JavaScript a page makes the browser download: every script response, compressed, summed. The
 * guest's page registers a service worker, which fetches the page once more when it starts: no script
 * to count, and the one request that page makes after loading. Once, in CI, beside the smoke's surge,
 * the network did not go idle within 30 s on that page; the context blocks service workers.
 */
export async function scriptBytes(browser: Browser, url: string, cookie?: { name: string; value: string }): Promise<number> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  if (cookie) await context.addCookies([{ ...cookie, url }]);
  const page = await context.newPage();
  const scripts = new Set<string>();
  page.on('response', (response) => response.request().resourceType() === 'script' && scripts.add(response.url()));
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  await context.close();
  let total = 0;
  for (const script of scripts) total += (await wireBytes(script)).compressed;
  return total;
}

const asCookie = (session: string) => {
  const [name, ...rest] = session.split('=');
  return { name, value: rest.join('=') };
};

export async function benchWeight(
  browser: Browser,
  baseURL: string,
  pages: { arrival: string; board: string; arrivals: string },
  host: string,
  guide: string,
) {
  const arrival = await wireBytes(pages.arrival);
  const raw = Buffer.byteLength(await (await fetch(pages.arrival)).text());
  return {
    arrival_page_gzip_bytes: arrival.compressed,
    arrival_page_raw_bytes: raw,
    arrival_page_js_bytes: await scriptBytes(browser, pages.arrival),
    sign_in_js_gzip_bytes: await scriptBytes(browser, `${baseURL}/login`),
    bed_board_js_gzip_bytes: await scriptBytes(browser, pages.board, asCookie(host)),
    arrivals_queue_js_gzip_bytes: await scriptBytes(browser, pages.arrivals, asCookie(guide)),
  };
}
