import {
  ConflictError,
  type Connection,
  type Ctx,
  type HookRef,
  type Hooks,
  InputError,
  isUniqueViolation,
  isUuid,
  keysetAfter,
  keysetPage,
  NotFoundError,
  recordAudit,
  requireRight,
  requireUser,
  uuidv7,
  validAt,
  withTransaction,
} from '@mutua/kernel';
import { and, asc, count, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { clean, sameValues } from '../domain/rules.js';
import type { Problem, Versioned } from '../domain/types.js';
import type { Changed, PageArgs, RegisterFilter } from '../points.js';
import type { diagnosis, medicalItem, medicalService } from './schema.js';

type Table = typeof medicalItem | typeof medicalService | typeof diagnosis;
type Row = Record<string, unknown> & { rowId: string; id: string; code: string; validFrom: Date; validTo: Date | null };

/** What differs between the items, services and diagnoses registers; everything else is shared below. */
export interface RegisterSpec<T extends Versioned, V extends { code: string }, I> {
  entity: string;
  table: Table;
  rights: { add: string; edit: string; delete: string };
  codeTakenKey: string;
  check(input: I): { problems: Problem[]; values: V };
  /** Equality filters (type, careType, …) from the filter object to columns. */
  filters: Record<string, AnyPgColumn>;
  /** Extra name columns searched by `search` (e.g. the French name). */
  nameColumns: AnyPgColumn[];
  changed: HookRef<Changed<T>>;
}

/** An ISO date or timestamp given as `asOf`; anything else is refused naming the field (never a 500). */
export function checkAsOf(asOf: string | null | undefined): string | null {
  const v = clean(asOf);
  if (v === null) return null;
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) || Number.isNaN(new Date(v).getTime())) {
    throw InputError.fields([{ field: 'asOf', key: 'medical.error.asOf' }]);
  }
  return v;
}

const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The register's operations over one versioned table. */
export function createRegister<T extends Versioned & { code: string }, V extends { code: string }, I>(
  spec: RegisterSpec<T, V, I>,
  hooks: Hooks,
) {
  const t = spec.table as typeof medicalItem;
  const cols = t as unknown as Record<string, AnyPgColumn>;
  const toRecord = (r: Row): T => {
    const { rowId: _r, validFrom, validTo, ...rest } = r;
    return {
      ...rest,
      validFrom: validFrom.toISOString(),
      validTo: validTo ? validTo.toISOString() : null,
    } as unknown as T;
  };
  const valuesOf = (rec: T): V => {
    const { id: _i, validFrom: _f, validTo: _t, ...rest } = rec;
    return rest as unknown as V;
  };
  const select = async (ctx: Ctx, where: SQL | undefined): Promise<T[]> =>
    ((await ctx.db.select().from(t).where(where).orderBy(asc(t.code))) as unknown as Row[]).map(toRecord);

  const taken = (code: string) =>
    new ConflictError(spec.codeTakenKey, { code }, [{ field: 'code', key: spec.codeTakenKey, params: { code } }]);

  async function guard(code: string, write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (err) {
      if (isUniqueViolation(err)) throw taken(code);
      throw err;
    }
  }

  async function current(ctx: Ctx, id: string): Promise<(T & { rowId: string }) | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = (await ctx.db
      .select()
      .from(t)
      .where(and(eq(t.id, id), isNull(t.validTo)))) as unknown as Row[];
    return row ? { ...toRecord(row), rowId: row.rowId } : undefined;
  }

  async function isCodeFree(ctx: Ctx, code: string, exceptId?: string | null): Promise<boolean> {
    requireUser(ctx);
    const c = clean(code);
    if (!c) return false;
    const [row] = await ctx.db
      .select({ id: t.id })
      .from(t)
      .where(and(eq(t.code, c), isNull(t.validTo)));
    return !row || row.id === exceptId;
  }

  function prepare(input: I): V {
    const { problems, values } = spec.check(input);
    if (problems.length) throw InputError.fields(problems);
    return values;
  }

  const emit = async (tx: Ctx, payload: Changed<T>, write: () => Promise<void>) => {
    await hooks.runValidate(spec.changed, payload, tx);
    await hooks.runBefore(spec.changed, payload, tx);
    await write();
    await hooks.runAfter(spec.changed, payload, tx);
  };

  /** Inserts a new entity (in a transaction already open). */
  async function insertNew(tx: Ctx, values: V): Promise<T> {
    const id = uuidv7();
    const rowId = uuidv7();
    const rec = { id, ...values, validFrom: new Date().toISOString(), validTo: null } as unknown as T;
    await emit(tx, { action: 'create', current: rec, previous: null }, async () => {
      await guard(values.code, () => tx.db.insert(t).values({ rowId, id, ...values } as never));
      await recordAudit(tx, { entity: spec.entity, entityId: id, action: 'create', after: rec });
    });
    // The stored validFrom is the transaction's now(); read it back so asOf reads agree with what was returned.
    const stored = await current(tx, id);
    return stored ? stripRowId(stored) : rec;
  }

  const stripRowId = ({ rowId: _r, ...rec }: T & { rowId: string }): T => rec as unknown as T;

  /** Closes a version; another writer having closed it first (a concurrent edit) is a conflict, not a new fork. */
  async function closeVersion(tx: Ctx, rowId: string): Promise<void> {
    const closed = await tx.db
      .update(t)
      .set({ validTo: sql`now()` })
      .where(and(eq(t.rowId, rowId), isNull(t.validTo)))
      .returning({ rowId: t.rowId });
    if (!closed.length) throw new ConflictError('medical.error.changedMeanwhile');
  }

  /** Closes `before` and opens the new version (in a transaction already open). */
  async function replace(tx: Ctx, before: T & { rowId: string }, values: V): Promise<T> {
    const previous = stripRowId(before);
    if (sameValues(values, valuesOf(previous))) return previous;
    const pending = { ...previous, ...values, validTo: null } as T;
    await emit(tx, { action: 'update', current: pending, previous }, async () => {
      await closeVersion(tx, before.rowId);
      await guard(values.code, () =>
        tx.db.insert(t).values({ rowId: uuidv7(), id: before.id, ...values, validFrom: sql`now()` } as never),
      );
    });
    const after = stripRowId((await current(tx, before.id))!);
    await recordAudit(tx, { entity: spec.entity, entityId: before.id, action: 'update', before: previous, after });
    return after;
  }

  return {
    toRecord,
    isCodeFree,
    async get(ctx: Ctx, ids: readonly string[], asOf?: string | null): Promise<T[]> {
      requireUser(ctx);
      const at = checkAsOf(asOf);
      const valid = [...new Set(ids.filter(isUuid))];
      if (!valid.length) return [];
      return select(ctx, and(inArray(t.id, valid), validAt(t, at)));
    },
    async findByCode(ctx: Ctx, code: string, asOf?: string | null): Promise<T | null> {
      requireUser(ctx);
      const at = checkAsOf(asOf);
      const c = clean(code);
      if (!c) return null;
      return (await select(ctx, and(eq(t.code, c), validAt(t, at))))[0] ?? null;
    },
    /**
     * The versions valid at `asOf` (current ones without it) of these codes, in code order; unknown codes are left
     * out (the caller names them). Codes are trimmed; duplicates count once. Read in slices so a large claim batch
     * stays within the database's parameter limit.
     */
    async getByCodes(ctx: Ctx, codes: readonly string[], asOf?: string | null): Promise<T[]> {
      requireUser(ctx);
      const at = checkAsOf(asOf);
      const wanted = [...new Set(codes.map((c) => clean(c)).filter((c): c is string => c !== null))];
      const found: T[] = [];
      for (let i = 0; i < wanted.length; i += 500) {
        found.push(...(await select(ctx, and(inArray(t.code, wanted.slice(i, i + 500)), validAt(t, at)))));
      }
      return found.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    },
    async history(ctx: Ctx, id: string): Promise<T[]> {
      requireUser(ctx);
      if (!isUuid(id)) return [];
      const rows = (await ctx.db.select().from(t).where(eq(t.id, id)).orderBy(asc(t.validFrom))) as unknown as Row[];
      return rows.map(toRecord);
    },
    async search(ctx: Ctx, filter: RegisterFilter & Record<string, unknown>, page: PageArgs): Promise<Connection<T>> {
      requireUser(ctx);
      const at = checkAsOf(filter.asOf);
      const conds: Array<SQL | undefined> = [validAt(t, at)];
      const text = clean(filter.search);
      if (text) {
        const e = likeEscape(text);
        conds.push(or(ilike(t.code, `${e}%`), ...[t.name, ...spec.nameColumns].map((c) => ilike(c, `%${e}%`))));
      }
      const code = clean(filter.code);
      if (code) conds.push(ilike(t.code, `${likeEscape(code)}%`));
      for (const [name, col] of Object.entries(spec.filters)) {
        const v = clean(filter[name] as string | null | undefined);
        if (v) conds.push(eq(col, v));
      }
      const where = and(...conds);
      return keysetPage<T>({
        first: page.first,
        after: page.after,
        key: (r) => [r.code, r.id],
        fetch: async (limit, after) =>
          (
            (await ctx.db
              .select()
              .from(t)
              .where(and(where, after ? keysetAfter([t.code, t.id], after) : undefined))
              .orderBy(asc(t.code), asc(t.id))
              .limit(limit)) as unknown as Row[]
          ).map(toRecord),
        count: async () => (await ctx.db.select({ n: count() }).from(t).where(where))[0]?.n ?? 0,
      });
    },
    async create(ctx: Ctx, input: I): Promise<T> {
      requireRight(ctx, spec.rights.add);
      const values = prepare(input);
      if (!(await isCodeFree(ctx, values.code))) throw taken(values.code);
      return withTransaction(ctx, (tx) => insertNew(tx, values));
    },
    async update(ctx: Ctx, id: string, input: I): Promise<T> {
      requireRight(ctx, spec.rights.edit);
      const before = await current(ctx, id);
      if (!before) throw new NotFoundError(spec.entity, id);
      const values = prepare(input);
      if (!(await isCodeFree(ctx, values.code, id))) throw taken(values.code);
      return withTransaction(ctx, (tx) => replace(tx, before, values));
    },
    async remove(ctx: Ctx, id: string): Promise<void> {
      requireRight(ctx, spec.rights.delete);
      const before = await current(ctx, id);
      if (!before) throw new NotFoundError(spec.entity, id);
      const previous = stripRowId(before);
      await withTransaction(ctx, (tx) =>
        emit(tx, { action: 'delete', current: null, previous }, async () => {
          await closeVersion(tx, before.rowId);
          await recordAudit(tx, { entity: spec.entity, entityId: id, action: 'delete', before: previous });
        }),
      );
    },
    /**
     * Insert-or-update by code, all in the caller's transaction (imports, seeds). Unchanged rows are left alone.
     * `progress` is called after each row written.
     */
    async upsert(
      tx: Ctx,
      all: readonly V[],
      progress?: () => Promise<void>,
    ): Promise<{ created: number; updated: number }> {
      const existing = new Map<string, T & { rowId: string }>();
      const codes = [...new Set(all.map((v) => v.code))];
      for (let i = 0; i < codes.length; i += 500) {
        const rows = (await tx.db
          .select()
          .from(t)
          .where(and(inArray(t.code, codes.slice(i, i + 500)), isNull(t.validTo)))) as unknown as Row[];
        for (const r of rows) existing.set(r.code, { ...toRecord(r), rowId: r.rowId });
      }
      let created = 0;
      let updated = 0;
      for (const values of all) {
        const before = existing.get(values.code);
        if (before) {
          if (!sameValues(values, valuesOf(stripRowId(before)))) {
            await replace(tx, before, values);
            updated++;
          }
        } else {
          await insertNew(tx, values);
          created++;
        }
        await progress?.();
      }
      return { created, updated };
    },
    /** Current register in code order (exports). */
    async all(ctx: Ctx): Promise<T[]> {
      requireUser(ctx);
      return select(ctx, isNull(t.validTo));
    },
    cols,
  };
}

export type Register<T extends Versioned & { code: string }, V extends { code: string }, I> = ReturnType<
  typeof createRegister<T, V, I>
>;
