import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientMessages, SERVER_ONLY_NAMESPACES } from '@/lib/i18n/client-messages';
import en from '@/lib/i18n/messages/en.json';

const root = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The file an import names, if it is one of ours. */
function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/')
    ? join(root, specifier.slice(2))
    : specifier.startsWith('.')
      ? resolve(dirname(from), specifier)
      : null;
  if (!base) return null;
  return [`${base}.tsx`, `${base}.ts`, join(base, 'index.ts')].find((path) => existsSync(path)) ?? null;
}

/** Every file that runs in the browser: each 'use client' file and everything it imports of ours. */
function clientGraph(): Set<string> {
  const files = [...sourceFiles(join(root, 'app')), ...sourceFiles(join(root, 'components'))];
  const queue = files.filter((file) => /^\s*['"]use client['"]/.test(readFileSync(file, 'utf8')));
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/from ['"]([^'"]+)['"]/g)) {
      const target = resolveImport(file, specifier);
      if (target) queue.push(target);
    }
  }
  return seen;
}

describe('messages sent to the browser', () => {
  it('leave out only namespaces that no code running in the browser asks for', () => {
    const graph = clientGraph();
    expect(graph.size).toBeGreaterThan(20);
    const asked = new Set<string>();
    for (const file of graph) {
      const source = readFileSync(file, 'utf8');
      for (const [, namespace] of source.matchAll(/useTranslations\(['"]([^'"]+)['"]\)/g)) asked.add(namespace.split('.')[0]);
      // Keys written out in full, as a form's status does with a code like 'account.wrongPassword'
      // (only real messages: a permission such as 'shelter.edit' is no message).
      for (const [, namespace, key] of source.matchAll(/['"]([a-zA-Z]+)\.([a-zA-Z]+)['"]/g))
        if (key in ((en as Record<string, Record<string, unknown>>)[namespace] ?? {})) asked.add(namespace);
    }
    expect(asked).toContain('board');
    expect(SERVER_ONLY_NAMESPACES.filter((namespace) => asked.has(namespace))).toEqual([]);
  });

  it('keep every other namespace, and each left out is a real one', () => {
    for (const namespace of SERVER_ONLY_NAMESPACES) expect(Object.keys(en)).toContain(namespace);
    const sent = clientMessages(en);
    expect(Object.keys(sent).sort()).toEqual(
      Object.keys(en)
        .filter((namespace) => !SERVER_ONLY_NAMESPACES.includes(namespace))
        .sort(),
    );
    expect(JSON.stringify(sent).length).toBeLessThan(JSON.stringify(en).length * 0.75);
  });
});
