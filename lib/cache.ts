import { processWide } from './process-wide';

/*
 * What Waystation keeps between calls, and the one rule for when each kind goes stale
 * (docs/decisions/0017):
 *
 * - `Remembered`: answers of a pure computation (a day in a zone, a formatter, a derived key). The
 *   same question always has the same answer, so nothing makes them stale; the oldest is forgotten
 *   once `limit` are kept, so memory stays bounded whatever the questions.
 * - `Stamped`: what was read from the database, kept per connection while the stamp it was read
 *   under stands still. Triggers give a stamp a new random value on every write to what it covers
 *   (migrations 0008 and 0010), on any connection and inside a transaction not yet committed, so a
 *   reader who reads the stamp and the rows in one snapshot is never served stale rows, and a
 *   rolled-back write cannot bring an old stamp back.
 *
 * Anything else (a session token, a lock-out) is state, kept in the database, not a cache.
 */

/** A bounded memo for a pure computation's answers. */
export class Remembered<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  /** Keeps `value` for `key` and returns it; the oldest answer goes first when `limit` are kept. */
  set(key: K, value: V): V {
    // A Map keeps insertion order: its first key is the oldest.
    if (this.entries.size >= this.limit && !this.entries.has(key)) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, value);
    return value;
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

type Connection = object;

/**
 * Values read from the database, per connection and key, each valid while its stamp is the one read
 * now. Process-wide under `name`: Next loads the start-up warm-up (lib/warm-up.ts) and the routes as
 * two bundles, and both must find the same values.
 */
export class Stamped<V> {
  private readonly byConnection: WeakMap<Connection, Map<string, { stamp: string; value: V }>>;

  constructor(name: string) {
    this.byConnection = processWide(`stamped.${name}`, () => new WeakMap());
  }

  /** The value kept for `key` if it was read under `stamp`, else undefined. */
  fresh(connection: Connection, key: string, stamp: string): V | undefined {
    const kept = this.byConnection.get(connection)?.get(key);
    return kept !== undefined && kept.stamp === stamp ? kept.value : undefined;
  }

  /** Keeps `value` as read under `stamp`, and returns it. */
  keep(connection: Connection, key: string, stamp: string, value: V): V {
    let values = this.byConnection.get(connection);
    if (!values) this.byConnection.set(connection, (values = new Map()));
    values.set(key, { stamp, value });
    return value;
  }
}
