import { sql } from 'drizzle-orm';
import type { Ctx } from './context.js';
import { defineStatement } from './db.js';

const ABSENT = Symbol('absent');
const generationStatement = defineStatement(sql`SELECT n::text AS n FROM reference_generation WHERE id = 1`);

/**
 * A process-wide cache of reference data (registers, price lists, products, facilities): what every claim reads and
 * an administrator changes a few times a month. It is only as good as `sync`: call it once per transaction before
 * reading; it asks the database's reference generation (kernel migration 0003, bumped by a statement trigger on each
 * reference table, whichever process writes) and empties the cache when it moved. A read inside a transaction that
 * changed reference data sees that transaction's generation, so nothing it caches outlives a rollback.
 *
 * Values are kept per space (a kind of data at a date, say) and key (an id); a key the loader did not return is
 * remembered as absent. The whole cache is emptied past `maxEntries`.
 */
export class ReferenceCache {
  private generation: string | null = null;
  private readonly spaces = new Map<string, Map<string, unknown>>();
  private entries = 0;
  /** Transactions already synced (by their after-commit list, one per transaction). */
  private readonly synced = new WeakSet<object>();

  constructor(private readonly maxEntries = 250_000) {}

  /**
   * One indexed read: empties the cache when reference data changed since the last call (or cannot be told). Once
   * per transaction: a transaction that changes reference data and then reads it again should not use the cache.
   */
  async sync(ctx: Pick<Ctx, 'db'> & { afterCommit?: Ctx['afterCommit'] }): Promise<void> {
    const tx = ctx.afterCommit;
    if (tx && this.synced.has(tx)) return;
    if (tx) this.synced.add(tx);
    const [row] = await generationStatement<{ n: string }>(ctx.db, {});
    const g = row?.n ?? null;
    if (g === null || g !== this.generation) this.clear();
    this.generation = g;
  }

  clear(): void {
    this.spaces.clear();
    this.entries = 0;
  }

  private space(name: string): Map<string, unknown> {
    let s = this.spaces.get(name);
    if (!s) {
      s = new Map();
      this.spaces.set(name, s);
    }
    return s;
  }

  /** The values of `keys` in a space; the missing ones are loaded in one call of `load`. */
  async many<T>(
    space: string,
    keys: readonly string[],
    load: (missing: string[]) => Promise<ReadonlyMap<string, T>>,
  ): Promise<Map<string, T>> {
    const s = this.space(space);
    const out = new Map<string, T>();
    const missing: string[] = [];
    for (const k of keys) {
      if (!s.has(k)) missing.push(k);
      else {
        const v = s.get(k);
        if (v !== ABSENT) out.set(k, v as T);
      }
    }
    if (!missing.length) return out;
    const loaded = await load([...new Set(missing)]);
    if (this.entries + missing.length > this.maxEntries) this.clear();
    const target = this.space(space);
    for (const k of missing) {
      const v = loaded.get(k);
      if (!target.has(k)) this.entries++;
      target.set(k, v === undefined ? ABSENT : v);
      if (v !== undefined) out.set(k, v);
    }
    return out;
  }

  /**
   * A whole small list (a product's lines, a price list's lines) read in one call of `load` and kept as one entry of
   * the space: later asks for any of its keys never miss, where `many` would read each key the first time it is asked.
   */
  async whole<T>(space: string, load: () => Promise<ReadonlyMap<string, T>>): Promise<ReadonlyMap<string, T>> {
    const s = this.space('whole');
    const got = s.get(space);
    if (got !== undefined) return got as ReadonlyMap<string, T>;
    const loaded = await load();
    if (this.entries + loaded.size > this.maxEntries) this.clear();
    this.space('whole').set(space, loaded);
    this.entries += Math.max(1, loaded.size);
    return loaded;
  }

  /** One value (`undefined` = absent, remembered as such). */
  async one<T>(space: string, key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
    const got = await this.many<T>(space, [key], async () => {
      const v = await load();
      return new Map(v === undefined ? [] : [[key, v]]);
    });
    return got.get(key);
  }
}
