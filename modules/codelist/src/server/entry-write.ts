import {
  ConflictError,
  type Ctx,
  InputError,
  isUniqueViolation,
  NotFoundError,
  recordAudit,
  requireRight,
  uuidv7,
  withTransaction,
} from '@mutua/kernel';
import { and, eq, ne, sql } from 'drizzle-orm';
import { checkEntryChange, checkNewEntry, clean, deactivateProblems } from '../domain/entry-rules.js';
import { type CodeListDef, listDef } from '../domain/lists.js';
import type { CodeListEntry, EntryChange, NewEntry } from '../domain/types.js';
import { RIGHTS } from '../manifest.js';
import { type EntryCache, requireList } from './entry-read.js';
import { codeListEntry } from './schema.js';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ENTITY = 'CodeListEntry';

/** The code is taken by another entry of the list (a concurrent addition got there first). */
const codeTaken = (code: string) =>
  new ConflictError('codelist.error.codeTaken', { code }, [
    { field: 'code', key: 'codelist.error.codeTaken', params: { code } },
  ]);

async function guardCode(code: string, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw codeTaken(code);
    throw err;
  }
}

/** The entry and its list's definition, read in the transaction; unknown id → not found, malformed id → bad input. */
async function loadForWrite(
  tx: Ctx,
  id: string,
): Promise<{ before: CodeListEntry; def: CodeListDef; siblings: CodeListEntry[] }> {
  if (!UUID_RE.test(id)) throw InputError.fields([{ field: 'id', key: 'kernel.error.badId', params: { id } }]);
  const [before] = await tx.db.select().from(codeListEntry).where(eq(codeListEntry.id, id)).for('update');
  const def = before && listDef(before.list);
  if (!before || !def) throw new NotFoundError(ENTITY, id);
  const siblings = await tx.db
    .select()
    .from(codeListEntry)
    .where(and(eq(codeListEntry.list, before.list), ne(codeListEntry.id, id)));
  return { before: toEntry(before), def, siblings: siblings.map(toEntry) };
}

function toEntry(r: typeof codeListEntry.$inferSelect): CodeListEntry {
  return {
    id: r.id,
    list: r.list,
    code: r.code,
    name: r.name,
    nameFr: r.nameFr,
    sortOrder: r.sortOrder,
    active: r.active,
    requiresNumber: r.requiresNumber,
    builtIn: r.builtIn,
  };
}

const activeCount = (before: CodeListEntry, siblings: readonly CodeListEntry[]) =>
  siblings.filter((s) => s.active).length + (before.active ? 1 : 0);

async function save(tx: Ctx, before: CodeListEntry, after: CodeListEntry, action: string): Promise<CodeListEntry> {
  const { id, list: _list, builtIn: _builtIn, ...values } = after;
  await guardCode(after.code, () =>
    tx.db
      .update(codeListEntry)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(codeListEntry.id, id)),
  );
  await recordAudit(tx, { entity: ENTITY, entityId: id, action, before, after });
  return after;
}

export async function updateEntry(
  cache: EntryCache,
  ctx: Ctx,
  id: string,
  change: EntryChange,
): Promise<CodeListEntry> {
  requireRight(ctx, RIGHTS.entryEdit);
  return withTransaction(ctx, async (tx) => {
    const { before, def, siblings } = await loadForWrite(tx, id);
    const problems = checkEntryChange(def, before, change, {
      otherCodes: siblings.map((s) => s.code),
      activeCount: activeCount(before, siblings),
    });
    if (problems.length) throw InputError.fields(problems);
    const after: CodeListEntry = {
      ...before,
      code: clean(change.code) ?? before.code,
      name: clean(change.name) ?? before.name,
      nameFr: clean(change.nameFr) ?? before.nameFr,
      sortOrder: change.sortOrder ?? before.sortOrder,
      active: change.active ?? before.active,
      requiresNumber: def.hasRequiresNumber ? (change.requiresNumber ?? before.requiresNumber) : false,
    };
    cache.invalidate(tx);
    return save(tx, before, after, 'update');
  });
}

export async function deactivateEntry(cache: EntryCache, ctx: Ctx, id: string): Promise<CodeListEntry> {
  requireRight(ctx, RIGHTS.entryEdit);
  return withTransaction(ctx, async (tx) => {
    const { before, def, siblings } = await loadForWrite(tx, id);
    const problems = deactivateProblems(def, before, activeCount(before, siblings));
    if (problems.length) throw InputError.fields(problems);
    if (!before.active) return before;
    cache.invalidate(tx);
    return save(tx, before, { ...before, active: false }, 'deactivate');
  });
}

export async function addEntry(cache: EntryCache, ctx: Ctx, list: string, input: NewEntry): Promise<CodeListEntry> {
  requireRight(ctx, RIGHTS.entryEdit);
  const def = requireList(list);
  return withTransaction(ctx, async (tx) => {
    const existing = await tx.db
      .select({ code: codeListEntry.code, sortOrder: codeListEntry.sortOrder })
      .from(codeListEntry)
      .where(eq(codeListEntry.list, def.id));
    const problems = checkNewEntry(
      def,
      input,
      existing.map((e) => e.code),
    );
    if (problems.length) throw InputError.fields(problems);
    const created: CodeListEntry = {
      id: uuidv7(),
      list: def.id,
      code: clean(input.code) ?? '',
      name: clean(input.name) ?? '',
      nameFr: clean(input.nameFr) ?? '',
      // Without a sort order, a new entry goes last.
      sortOrder: input.sortOrder ?? Math.min(9999, Math.max(0, ...existing.map((e) => e.sortOrder)) + 1),
      active: true,
      requiresNumber: def.hasRequiresNumber ? (input.requiresNumber ?? false) : false,
      builtIn: false,
    };
    cache.invalidate(tx);
    await guardCode(created.code, () => tx.db.insert(codeListEntry).values(created));
    await recordAudit(tx, { entity: ENTITY, entityId: created.id, action: 'create', after: created });
    return created;
  });
}
