import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import en from '@/lib/i18n/messages/en.json';

// Which message namespaces the code that runs in the browser asks for, found from the source: the
// 'use client' files a page or layout renders (reached through its server components) and all they
// import. The messages each page sends the browser are checked against it (tests/unit/client-messages.test.ts).
export const ROOT = join(__dirname, '..', '..');
const MESSAGES = en as Record<string, Record<string, unknown>>;

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const sources = new Map<string, string>();
const source = (file: string) => sources.get(file) ?? (sources.set(file, readFileSync(file, 'utf8')), sources.get(file)!);
export const isClient = (file: string) => /^\s*['"]use client['"]/.test(source(file));

/** The file an import names, if it is one of ours. */
function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/')
    ? join(ROOT, specifier.slice(2))
    : specifier.startsWith('.')
      ? resolve(dirname(from), specifier)
      : null;
  if (!base) return null;
  return [`${base}.tsx`, `${base}.ts`, join(base, 'index.ts')].find((path) => existsSync(path)) ?? null;
}

const importsOf = (file: string) =>
  [...source(file).matchAll(/(?:from|import)\s*['"]([^'"]+)['"]/g)].flatMap(([, specifier]) => resolveImport(file, specifier) ?? []);

/** Everything `entries` import of ours, themselves included. */
function closure(entries: string[], follow: (file: string) => boolean = () => true): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (follow(file)) queue.push(...importsOf(file));
  }
  return seen;
}

/** The 'use client' files a route file renders: reached from it through server components only. */
export function clientEntries(routeFile: string): string[] {
  if (isClient(routeFile)) return [routeFile];
  return [...closure([routeFile], (file) => !isClient(file))].filter(isClient);
}

/**
 * The namespaces `clientFiles` and everything they import ask for: `useTranslations('ns')`, keys
 * written out in full ('account.wrongPassword', as an action's state carries them: only real
 * messages, since a permission such as 'shelter.edit' is none), and a form's status or field error
 * (`messagePath(code, 'errors')`).
 */
export function namespacesAsked(clientFiles: string[]): Set<string> {
  const asked = new Set<string>();
  for (const file of closure(clientFiles)) {
    const text = source(file);
    for (const [, namespace] of text.matchAll(/useTranslations\(['"]([^'"]+)['"]\)/g)) asked.add(namespace.split('.')[0]);
    for (const [, namespace, key] of text.matchAll(/['"]([a-zA-Z]+)\.([a-zA-Z]+)['"]/g))
      if (key in (MESSAGES[namespace] ?? {})) asked.add(namespace);
    for (const [, namespace] of text.matchAll(/messagePath\([^)]*['"]([a-zA-Z]+)['"]\)/g)) asked.add(namespace);
  }
  return asked;
}

/** `useTranslations` with a namespace the source does not spell out, which no check could follow. */
export function unreadableAsks(clientFiles: string[]): string[] {
  return [...closure(clientFiles)].filter((file) => /useTranslations\((?!['"][^'"]*['"]\)|\))/.test(source(file)));
}

/** The namespaces a route file's `<ClientMessages namespaces={[…]}>` sends, or null without one. */
export function namespacesSent(routeFile: string): string[] | null {
  const match = source(routeFile).match(/<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}/);
  return match ? [...match[1].matchAll(/['"]([^'"]+)['"]/g)].map(([, namespace]) => namespace) : null;
}
