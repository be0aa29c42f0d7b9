/**
 * One value per server process. Next bundles the instrumentation hook apart from the routes, so a
 * module both import is loaded twice and a cache in a plain module variable would be two caches: the
 * one read ahead before traffic (lib/warm-up.ts) and the one the pages read. Kept on globalThis under
 * a registered symbol, both copies find the same one.
 */
export function processWide<T>(key: string, create: () => T): T {
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  const symbol = Symbol.for(`waystation.${key}`);
  return (store[symbol] ??= create());
}
