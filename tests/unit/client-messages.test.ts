import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GLOBAL_NAMESPACES, pickMessages } from '@/lib/i18n/client-messages';
import en from '@/lib/i18n/messages/en.json';
import { clientEntries, namespacesAsked, namespacesSent, ROOT, sourceFiles, unreadableAsks } from '../support/client-namespaces';

// Each page sends the browser only the message namespaces its own client components ask for: a
// namespace left out shows the reader a key ("board.title") instead of words, one too many costs
// every view of the page its bytes. Both are read here from the source, route file by route file.
const routeFiles = sourceFiles(join(ROOT, 'app')).filter((file) =>
  /\/(page|layout|error|not-found|global-error|template|loading|default)\.tsx$/.test(file),
);
const name = (file: string) => relative(ROOT, file);

describe('messages sent to the browser', () => {
  it('are, for each page and layout, what its client components ask for beside the global ones', () => {
    for (const file of routeFiles) {
      const asked = namespacesAsked(clientEntries(file));
      const sent = namespacesSent(file) ?? [];
      const global: readonly string[] = GLOBAL_NAMESPACES;
      expect({ file: name(file), missing: [...asked].filter((ns) => !global.includes(ns) && !sent.includes(ns)).sort() }).toEqual({
        file: name(file),
        missing: [],
      });
      expect({ file: name(file), unasked: sent.filter((ns) => !asked.has(ns) || global.includes(ns)) }).toEqual({
        file: name(file),
        unasked: [],
      });
    }
  });

  it('are found by reading the source: known components ask for their namespaces', () => {
    const page = (path: string) => join(ROOT, 'app', path);
    // The bed board's guest-notice form, a room's bed rows, the household's suggestions.
    expect(namespacesAsked(clientEntries(page('(staff)/shelters/[id]/page.tsx')))).toContain('guestNotices');
    expect(namespacesAsked(clientEntries(page('(staff)/shelters/[id]/rooms/page.tsx')))).toContain('board');
    expect(namespacesAsked(clientEntries(page('(staff)/arrivals/[id]/page.tsx')))).toContain('suggest');
    // A form's refusal names a key under errors; its notice one under notices.
    expect(namespacesAsked(clientEntries(page('login/page.tsx')))).toEqual(new Set(['account', 'common', 'errors', 'login', 'notices']));
    // A page of server components only sends the global namespaces.
    expect(namespacesAsked(clientEntries(page('(staff)/audit/page.tsx')))).toEqual(new Set());
  });

  it('are asked for by name, so that reading the source can follow them', () => {
    const everyClientFile = routeFiles.flatMap(clientEntries);
    expect(everyClientFile.length).toBeGreaterThan(20);
    expect(unreadableAsks(everyClientFile).map(name)).toEqual([]);
  });

  it('name real namespaces, and a pick holds those alone', () => {
    const named = new Set([...GLOBAL_NAMESPACES, ...routeFiles.flatMap((file) => namespacesSent(file) ?? [])]);
    for (const namespace of named) expect(Object.keys(en)).toContain(namespace);
    const picked = pickMessages(en, ['board', 'common', 'nowhere']);
    expect(Object.keys(picked)).toEqual(['board', 'common']);
    expect(picked.board).toEqual(en.board);
  });
});
