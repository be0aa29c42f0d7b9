import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import arrivalEn from '@/lib/i18n/arrival/en.json';
import en from '@/lib/i18n/messages/en.json';
import ru from '@/lib/i18n/messages/ru.json';
import tr from '@/lib/i18n/messages/tr.json';
import publicEn from '@/lib/i18n/public/en.json';

type Tree = { [key: string]: string | Tree };
const catalogs = { en, ru, tr } as Record<string, Tree>;
const root = join(__dirname, '..', '..');

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}
const flat = Object.fromEntries(Object.entries(catalogs).map(([locale, tree]) => [locale, flatten(tree)]));

// intl-messageformat AST element types: 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural, 8 tag.
type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }>; children?: Element[] };
function placeholders(elements: Element[], found = new Map<string, number>()): Map<string, number> {
  for (const element of elements) {
    // Tags too (<who>…</who>): a translation must wrap the same words the page links.
    if (((element.type >= 1 && element.type <= 6) || element.type === 8) && element.value) found.set(element.value, element.type);
    for (const option of Object.values(element.options ?? {})) placeholders(option.value, found);
    if (element.children) placeholders(element.children, found);
  }
  return found;
}
const astOf = (message: string, locale: string) => new IntlMessageFormat(message, locale).getAst() as unknown as Element[];

function sampleValues(names: Map<string, number>, elements: Element[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const selectOptions = new Map<string, string>();
  const collect = (list: Element[]) => {
    for (const el of list) {
      if (el.type === 5 && el.value) selectOptions.set(el.value, Object.keys(el.options ?? {}).find((k) => k !== 'other') ?? 'other');
      for (const option of Object.values(el.options ?? {})) collect(option.value);
    }
  };
  collect(elements);
  for (const [name, type] of names) {
    values[name] =
      type === 2 || type === 6
        ? 3
        : type === 3 || type === 4
          ? new Date('2026-03-01T10:00:00Z')
          : type === 5
            ? selectOptions.get(name)
            : type === 8
              ? (chunks: unknown[]) => chunks.join('')
              : `«${name}»`;
  }
  return values;
}

describe('message catalogues', () => {
  it('have exactly the same keys in English, Russian and Turkish', () => {
    const keys = [...flat.en.keys()].sort();
    expect(keys.length).toBeGreaterThan(50);
    expect([...flat.ru.keys()].sort()).toEqual(keys);
    expect([...flat.tr.keys()].sort()).toEqual(keys);
  });

  it('have no empty message', () => {
    for (const [locale, messages] of Object.entries(flat)) {
      for (const [key, message] of messages) expect(message.trim(), `${locale}:${key}`).not.toBe('');
    }
  });

  it('use in Russian and Turkish exactly the placeholders the English message uses', () => {
    for (const [key, message] of flat.en) {
      const expected = [...placeholders(astOf(message, 'en')).keys()].sort();
      for (const locale of ['ru', 'tr']) {
        const translated = flat[locale].get(key);
        if (translated === undefined) continue; // reported by the key test
        expect([...placeholders(astOf(translated, locale)).keys()].sort(), `${locale}:${key}`).toEqual(expected);
      }
    }
  });

  it('parse and format every message with sample values', () => {
    for (const [locale, messages] of Object.entries(flat)) {
      for (const [key, message] of messages) {
        let formatted: unknown;
        expect(() => {
          const format = new IntlMessageFormat(message, locale);
          const ast = format.getAst() as unknown as Element[];
          formatted = format.format(sampleValues(placeholders(ast), ast));
        }, `${locale}:${key}`).not.toThrow();
        expect(typeof formatted, `${locale}:${key}`).toBe('string');
        expect(formatted as string, `${locale}:${key}`).not.toMatch(/[{}]/);
      }
    }
  });

  it('pluralise the lock-out message in every language', () => {
    expect(new IntlMessageFormat(en.errors.signInLocked, 'en').format({ minutes: 1 })).toContain('1 minute.');
    expect(new IntlMessageFormat(en.errors.signInLocked, 'en').format({ minutes: 15 })).toContain('15 minutes');
    expect(new IntlMessageFormat(ru.errors.signInLocked, 'ru').format({ minutes: 5 })).toContain('5 минут');
    expect(new IntlMessageFormat(tr.errors.signInLocked, 'tr').format({ minutes: 15 })).toContain('15');
  });
});

// ---- every code the server can send back has a message ----

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The arguments of the call whose `(` is at `open`, split at top-level commas; quotes and nesting respected. */
function callArguments(text: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = open + 1;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return [...args, text.slice(start, i)].map((a) => a.trim());
    } else if (c === ',' && depth === 1) {
      args.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return args;
}

function codesInSource() {
  const errorCodes = new Map<string, string>();
  const noticeCodes = new Map<string, string>();
  for (const dir of ['lib', 'app']) {
    for (const file of sourceFiles(join(root, dir))) {
      const text = readFileSync(file, 'utf8');
      const where = file.slice(root.length + 1);
      for (const m of text.matchAll(/new DomainError\(\s*'([\w.]+)'/g)) errorCodes.set(m[1], where);
      for (const m of text.matchAll(/status: 'error',\s*message: '([\w.]+)'/g)) errorCodes.set(m[1], where);
      if (dir === 'lib') {
        for (const m of text.matchAll(/(?<!Math)\.(min|max|length|regex|refine|int|email|gt|gte|lt|lte)\(/g)) {
          const last = callArguments(text, m.index + m[0].length - 1).at(-1) ?? '';
          const code = /^'(\w+)'$/.exec(last)?.[1];
          if (code) errorCodes.set(code, where);
        }
        for (const m of text.matchAll(/\b(?:message|error):\s*'(\w+)'/g)) errorCodes.set(m[1], where);
        // Message keys handed to a field helper, such as coordinate(90, 'invalidLatitude').
        for (const m of text.matchAll(/\bcoordinate\([^,()]+,\s*'(\w+)'\)/g)) errorCodes.set(m[1], where);
      } else {
        for (const m of text.matchAll(/(?<!status: 'error',\s*)\bmessage: '([\w.]+)'/g)) noticeCodes.set(m[1], where);
      }
    }
  }
  return { errorCodes, noticeCodes };
}

// The public pages (request form, a request's link) speak from their own catalogue, in four languages.
const PUBLIC_SOURCES =
  /^(app\/request\/|app\/offer\/|app\/s\/|app\/public\/|lib\/requests\/|lib\/offers\/(submit|own)-offer\.ts|lib\/validation\/(guest-said|guest-word|offer)\.ts)/;
const publicCodes = new Set([
  ...Object.keys(publicEn.errors),
  ...Object.keys(publicEn.request),
  ...Object.keys(publicEn.waiting),
  ...Object.keys(publicEn.offer),
  ...Object.keys(arrivalEn.say),
  ...Object.keys(arrivalEn.word),
]);
// A code with a dot is the full path of a message in another namespace ("account.wrongPassword").
const covered = (code: string, file: string, staff: object) =>
  code.includes('.') ? flat.en.has(code) : code in staff || (PUBLIC_SOURCES.test(file) && publicCodes.has(code));

describe('codes returned by the server', () => {
  const { errorCodes, noticeCodes } = codesInSource();

  it('are found by the scan (so the checks below test something)', () => {
    for (const code of [
      'required',
      'passwordTooShort',
      'passwordTooCommon',
      'passwordsDiffer',
      'invalidTime',
      'invalidLatitude',
      'invalidHandle',
      'bedCountRange',
      'bedHasHistory',
      'notAllowed',
      'signInLocked',
      'checkFields',
    ]) {
      expect(errorCodes.has(code), code).toBe(true);
    }
    expect(noticeCodes.has('roomAdded')).toBe(true);
    expect(errorCodes.has('account.wrongPassword')).toBe(true);
  });

  it('each have an English error message', () => {
    const missing = [...errorCodes].filter(([code, file]) => !covered(code, file, en.errors)).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it('each success message has an English notice', () => {
    const missing = [...noticeCodes].filter(([code, file]) => !covered(code, file, en.notices)).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });
});
