import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { buildSync } from 'esbuild';

const CACHE = join(__dirname, '..', '..', 'node_modules', '.cache', 'waystation-workers');
const bundles = new Map<string, string>();

/**
 * The file `node` starts for a TypeScript worker, for the tests that start many OS processes. The
 * worker is bundled once per test process into one ES module, the app's modules inlined and the
 * packages left to node_modules (hence a cache folder under it, one file per content), which node
 * starts in about 0.4 CPU-s: under `--import tsx` each start took 1.3, its loader resolving and
 * compiling every module again.
 */
export function workerScript(script: string): string {
  let bundle = bundles.get(script);
  if (!bundle) {
    const [output] = buildSync({
      entryPoints: [script],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      write: false,
      logLevel: 'warning',
    }).outputFiles;
    const hash = createHash('sha256').update(output.contents).digest('hex').slice(0, 16);
    bundle = join(CACHE, `${basename(script, '.ts')}-${hash}.mjs`);
    if (!existsSync(bundle)) {
      // Written aside and renamed: another test process may be starting the same worker.
      mkdirSync(CACHE, { recursive: true });
      writeFileSync(`${bundle}.${process.pid}`, output.contents);
      renameSync(`${bundle}.${process.pid}`, bundle);
    }
    bundles.set(script, bundle);
  }
  return bundle;
}
