import { type Ctx, InputError, requireUser } from '@mutua/kernel';
import { asc } from 'drizzle-orm';
import { type CodeListDef, listDef } from '../domain/lists.js';
import type { CodeListEntry } from '../domain/types.js';
import { codeListEntry } from './schema.js';
import { seedBuiltIns } from './seed.js';

/** How long a server trusts its copy of the lists: another server's edit shows within this delay. */
const TTL_MS = 30_000;

const COLUMNS = {
  id: codeListEntry.id,
  list: codeListEntry.list,
  code: codeListEntry.code,
  name: codeListEntry.name,
  nameFr: codeListEntry.nameFr,
  sortOrder: codeListEntry.sortOrder,
  active: codeListEntry.active,
  requiresNumber: codeListEntry.requiresNumber,
  builtIn: codeListEntry.builtIn,
};

/** Every entry grouped by list, in display order. */
export type Snapshot = Map<string, CodeListEntry[]>;

/** The definition of a list, or an input error on `list` naming it. */
export function requireList(list: string): CodeListDef {
  const def = listDef(list);
  if (!def) throw InputError.fields([{ field: 'list', key: 'codelist.error.unknownList', params: { list } }]);
  return def;
}

/**
 * The whole table (about 120 rows) kept per service instance. Forms and other modules' validations read it on every
 * request; writes drop it (and again after commit). Reads made inside a transaction are not kept: they may see
 * uncommitted changes.
 */
export function createEntryCache() {
  let cached: { at: number; snapshot: Snapshot } | null = null;

  async function load(ctx: Ctx): Promise<Snapshot> {
    const rows = await ctx.db
      .select(COLUMNS)
      .from(codeListEntry)
      .orderBy(asc(codeListEntry.list), asc(codeListEntry.sortOrder), asc(codeListEntry.code));
    if (rows.length === 0) {
      // An emptied table (a test's reset, a restore gone wrong): put the built-in entries back.
      await seedBuiltIns(ctx.db);
      return load(ctx);
    }
    const snapshot: Snapshot = new Map();
    for (const r of rows) {
      const list = snapshot.get(r.list) ?? [];
      // Shared by every caller until the next reload: frozen so no caller can change another's view.
      list.push(Object.freeze(r));
      snapshot.set(r.list, list);
    }
    return snapshot;
  }

  return {
    async snapshot(ctx: Ctx): Promise<Snapshot> {
      requireUser(ctx);
      if (cached && Date.now() - cached.at < TTL_MS) return cached.snapshot;
      const snapshot = await load(ctx);
      if (!ctx.afterCommit) cached = { at: Date.now(), snapshot };
      return snapshot;
    },
    /** Drops the copy now and once the surrounding transaction commits. */
    invalidate(ctx: Ctx): void {
      cached = null;
      ctx.afterCommit?.push(async () => {
        cached = null;
      });
    },
  };
}
export type EntryCache = ReturnType<typeof createEntryCache>;
