import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_ARGS, FULL_CHROMIUM_PATH } from '../tests/e2e/chromium';

// `npx tsx scripts/lighthouse.ts URL`: Lighthouse's default mobile audit of one page in Debian's
// Chromium, printed as category scores (0–100). Lighthouse runs as its own CLI process: its
// in-browser code must not pass through our TypeScript loader. It and its 173 packages are a package
// of their own (scripts/lighthouse/, with its lock), installed on the first audit: no test or CI step
// needs them, and every `npm ci` would otherwise unpack them (decision 0010).
const HOME = join(__dirname, 'lighthouse');
const CLI = join(HOME, 'node_modules', 'lighthouse', 'cli', 'index.js');

function installLighthouse(): void {
  if (existsSync(CLI)) return;
  console.error('Installing Lighthouse into scripts/lighthouse (first run only)…');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefix', HOME], { stdio: ['ignore', 'ignore', 'inherit'] });
}

export function lighthouseScores(url: string, headers: Record<string, string> = {}): Promise<Record<string, number>> {
  installLighthouse();
  const args = [
    CLI,
    url,
    `--chrome-path=${FULL_CHROMIUM_PATH}`,
    `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
    '--only-categories=performance,accessibility,best-practices',
    '--output=json',
    '--output-path=stdout',
    '--quiet',
    // A signed-in page: the session cookie goes with every request Lighthouse makes.
    ...(Object.keys(headers).length ? [`--extra-headers=${JSON.stringify(headers)}`] : []),
  ];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      if (error) return reject(error);
      const report = JSON.parse(stdout) as { finalDisplayedUrl: string; categories: Record<string, { score: number | null }> };
      // A page that sent Lighthouse elsewhere (a sign-in page, say) was not the page audited.
      if (new URL(report.finalDisplayedUrl).pathname !== new URL(url).pathname) {
        return reject(new Error(`${url} ended at ${report.finalDisplayedUrl}`));
      }
      resolve(Object.fromEntries(Object.entries(report.categories).map(([id, c]) => [id, Math.round((c.score ?? 0) * 100)])));
    });
  });
}

if (process.argv[1]?.endsWith('lighthouse.ts')) {
  const url = process.argv[2];
  if (!url) {
    console.error('usage: npx tsx scripts/lighthouse.ts URL');
    process.exit(2);
  }
  lighthouseScores(url).then((scores) => console.log(JSON.stringify(scores)));
}
