import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';

// The rules of .dependency-cruiser.cjs (decisions 0015 and 0020), run over a small made-up tree that
// breaks each of them once: what `npm run lint` would say if someone wrote these files.
const ROOT = resolve(__dirname, '..', '..');
const config = createRequire(__filename)(join(ROOT, '.dependency-cruiser.cjs')) as IConfiguration & { faces: Record<string, string[]> };

const tree = mkdtempSync(join(tmpdir(), 'layers-'));
afterAll(() => rmSync(tree, { recursive: true, force: true }));

function write(files: Record<string, string>): string[] {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(tree, path)), { recursive: true });
    writeFileSync(join(tree, path), text);
  }
  return Object.keys(files);
}

async function violations(files: string[]): Promise<string[]> {
  const { output } = await cruise(files, {
    ruleSet: { forbidden: config.forbidden },
    validate: true,
    baseDir: tree,
    tsPreCompilationDeps: true,
  });
  const result = output as ICruiseResult;
  return result.summary.violations.map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`).sort();
}

// A public file of lib/placement, and one no other module may import.
const [publicFile] = config.faces.placement;
const privateFile = 'not-in-the-face';

describe('the dependency rules', () => {
  it('let a page import a module through its face', async () => {
    const files = write({
      [`lib/placement/${publicFile}.ts`]: 'export const one = 1;\n',
      'app/fine/page.ts': `import { one } from '../../lib/placement/${publicFile}';\nexport default one;\n`,
    });
    expect(await violations(files)).toEqual([]);
  });

  it('fail on a deliberately added cycle, naming it', async () => {
    const files = write({
      'lib/cyclic/one.ts': "import { two } from './two';\nexport const one = () => two();\n",
      'lib/cyclic/two.ts': "import { one } from './one';\nexport const two = () => one();\n",
    });
    expect(await violations(files)).toEqual(['no-cycles: lib/cyclic/one.ts → lib/cyclic/two.ts']);
  });

  it('fail on a backfill that imports lib/, a component that imports app/, and lib/ that imports a component', async () => {
    const files = write({
      'lib/today/booking.ts': 'export const book = 1;\n',
      'db/backfills/0099-old.ts': "import { book } from '../../lib/today/booking';\nexport default book;\n",
      'app/place/actions.ts': 'export async function act() {}\n',
      'components/button.tsx': "import { act } from '../app/place/actions';\nexport default act;\n",
      'lib/today/view.ts': "import button from '../../components/button';\nexport default button;\n",
    });
    expect(await violations(files)).toEqual([
      'components-take-actions-as-props: components/button.tsx → app/place/actions.ts',
      'db-is-schema-connection-migrations: db/backfills/0099-old.ts → lib/today/booking.ts',
      'lib-is-plain-domain-code: lib/today/view.ts → components/button.tsx',
    ]);
  });

  it('fail on a component that opens the database instead of rendering its view', async () => {
    const files = write({
      'db/index.ts': 'export const getDb = () => null;\n',
      'components/reads.tsx': "import { getDb } from '../db/index';\nexport default getDb;\n",
    });
    expect(await violations(files)).toEqual(['components-render-views: components/reads.tsx → db/index.ts']);
  });

  it('fail on a page or another module reaching past a module’s face', async () => {
    const files = write({
      [`lib/placement/${privateFile}.ts`]: 'export const inner = 1;\n',
      'app/reach/page.ts': `import { inner } from '../../lib/placement/${privateFile}';\nexport default inner;\n`,
      'lib/households/reach.ts': `import { inner } from '../placement/${privateFile}';\nexport default inner;\n`,
      'lib/placement/inside.ts': `import { inner } from './${privateFile}';\nexport default inner;\n`,
    });
    expect(await violations(files)).toEqual([
      `face-of-lib/placement: app/reach/page.ts → lib/placement/${privateFile}.ts`,
      `face-of-lib/placement: lib/households/reach.ts → lib/placement/${privateFile}.ts`,
    ]);
  });
});

describe('the faces', () => {
  it('name every module of lib/, and only files that exist', () => {
    const modules = readdirSync(join(ROOT, 'lib')).filter((name) => statSync(join(ROOT, 'lib', name)).isDirectory());
    expect(Object.keys(config.faces).sort()).toEqual(modules.sort());
    const missing = Object.entries(config.faces).flatMap(([module, files]) =>
      files.filter(
        (file) => !['', '.ts', '.tsx'].some((ext) => statSync(join(ROOT, 'lib', module, file + ext), { throwIfNoEntry: false })?.isFile()),
      ),
    );
    expect(missing).toEqual([]);
  });
});
