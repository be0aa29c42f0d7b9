import type { AbstractIntlMessages } from 'next-intl';

/**
 * What every page sends the browser: the error boundary's words (it renders under the root layout
 * whichever page failed) and the few shared ones. Each page adds the namespaces its own client
 * components ask for (`<ClientMessages>`), never the whole catalogue: the catalogue was some 39 KB
 * of every staff page's 88, serialised, parsed, escaped and compressed again on every view
 * (docs/benchmarks.md). tests/unit/client-messages.test.ts reads the source to check each page
 * sends what its client components ask for, and no more.
 */
export const GLOBAL_NAMESPACES = ['common', 'errorPage'] as const;

export function pickMessages(messages: AbstractIntlMessages, namespaces: readonly string[]): AbstractIntlMessages {
  return Object.fromEntries(namespaces.flatMap((namespace) => (namespace in messages ? [[namespace, messages[namespace]]] : [])));
}
