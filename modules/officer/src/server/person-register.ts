import {
  type Connection,
  type Ctx,
  clean,
  isUuid,
  keysetAfter,
  keysetPage,
  recordAudit,
  requireRight,
  requireUser,
} from '@mutua/kernel';
import { and, asc, count, eq, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { PersonInput } from '../domain/types.js';
import type { PageArgs } from '../points.js';
import { codeTaken, guardUnique, userTaken } from './common.js';
import type { claimAdmin, officer } from './schema.js';

type PersonTable = typeof officer | typeof claimAdmin;

/** The person fields of a validated input, cleaned as stored. */
export function personValues(input: PersonInput) {
  return {
    code: clean(input.code)!,
    lastName: clean(input.lastName)!,
    otherNames: clean(input.otherNames)!,
    dob: clean(input.dob),
    phone: clean(input.phone),
    email: clean(input.email),
  };
}

/**
 * The reads, checks and audited writes that the officer and claim-administrator registers share: both tables hold a
 * person by code and user account, soft-deleted, limited to the user's location scope (`scope`). Only `get`,
 * `findByCode` and `findByUser`, the service's own reads, check the register's search right; callers check the others'.
 */
export function personRegister<T extends PersonTable, R extends { id: string; code: string }>(
  table: T,
  {
    entity,
    searchRight,
    scope,
    toRecords,
    columns,
  }: {
    /** The audit log's name of the entity. */
    entity: string;
    searchRight: string;
    scope: (ctx: Ctx) => Promise<SQL | undefined>;
    toRecords: (ctx: Ctx, rows: T['$inferSelect'][]) => Promise<R[]>;
    /** A record's own columns, but its id. */
    columns: (record: R) => Omit<T['$inferInsert'], 'id'>;
  },
) {
  // Drizzle cannot follow a generic table to its row type; the rows are T's by construction.
  const rowsOf = (q: Promise<unknown>) => q as Promise<T['$inferSelect'][]>;
  const current = isNull(table.deletedAt);

  /** Current records matching `where`, in the user's scope. */
  async function select(ctx: Ctx, where: SQL | undefined): Promise<R[]> {
    const rows = await rowsOf(
      ctx.db
        .select()
        .from(table as PersonTable)
        .where(and(where, current, await scope(ctx))),
    );
    return toRecords(ctx, rows);
  }

  const loadVisible = async (ctx: Ctx, id: string): Promise<R | undefined> =>
    isUuid(id) ? (await select(ctx, eq(table.id, id)))[0] : undefined;

  return {
    loadVisible,

    async get(ctx: Ctx, id: string): Promise<R | null> {
      requireRight(ctx, searchRight);
      return (await loadVisible(ctx, id)) ?? null;
    },

    async findByCode(ctx: Ctx, code: string): Promise<R | null> {
      requireRight(ctx, searchRight);
      const c = clean(code);
      return c ? ((await select(ctx, eq(table.code, c)))[0] ?? null) : null;
    },

    /** Users may look up their own record, whatever their scope; anyone else's needs the search right. */
    async findByUser(ctx: Ctx, userId: string): Promise<R | null> {
      const own = requireUser(ctx).id === userId;
      if (!own) requireRight(ctx, searchRight);
      if (!isUuid(userId)) return null;
      const rows = await rowsOf(
        ctx.db
          .select()
          .from(table as PersonTable)
          .where(and(eq(table.userId, userId), current, own ? undefined : await scope(ctx))),
      );
      return (await toRecords(ctx, rows))[0] ?? null;
    },

    /** One page of the current records matching `conds` in the user's scope, by code. */
    async page(ctx: Ctx, conds: Array<SQL | undefined>, page: PageArgs): Promise<Connection<R>> {
      const where = and(current, ...conds, await scope(ctx));
      return keysetPage<R>({
        first: page.first,
        after: page.after,
        key: (r) => [r.code, r.id],
        fetch: async (limit, after) => {
          const rows = await rowsOf(
            ctx.db
              .select()
              .from(table as PersonTable)
              .where(and(where, after ? keysetAfter([table.code, table.id], after) : undefined))
              .orderBy(asc(table.code), asc(table.id))
              .limit(limit),
          );
          return toRecords(ctx, rows);
        },
        count: async () =>
          (
            await ctx.db
              .select({ n: count() })
              .from(table as PersonTable)
              .where(where)
          )[0]?.n ?? 0,
      });
    },

    /** Refuses a code or an account that another current record has. Scope-blind: both are unique nationally. */
    async checkUnique(ctx: Ctx, id: string, code: string, userId: string | null): Promise<void> {
      const other = (c: SQL) => and(c, current, ne(table.id, id));
      const taken = async (c: SQL) =>
        (
          await ctx.db
            .select({ id: table.id })
            .from(table as PersonTable)
            .where(other(c))
        ).length > 0;
      if (await taken(eq(table.code, code))) throw codeTaken(code);
      if (userId && (await taken(eq(table.userId, userId)))) throw userTaken();
    },

    /** Inserts a record; a concurrent insert of the same code or account is a conflict. */
    async insert(tx: Ctx, r: R): Promise<void> {
      const row = { id: r.id, ...columns(r) } as T['$inferInsert'];
      await guardUnique(r.code, () => tx.db.insert(table as PersonTable).values(row));
      await recordAudit(tx, { entity, entityId: r.id, action: 'create', after: r });
    },

    /** Rewrites the current record; a concurrent write of the same code or account is a conflict. */
    async update(tx: Ctx, before: R, r: R): Promise<void> {
      await guardUnique(r.code, () =>
        tx.db
          .update(table as PersonTable)
          .set({ ...columns(r), updatedAt: sql`now()` })
          .where(and(eq(table.id, r.id), current)),
      );
      await recordAudit(tx, { entity, entityId: r.id, action: 'update', before, after: r });
    },

    /** Marks the record deleted; its audit entry keeps what it was. */
    async softDelete(tx: Ctx, r: R): Promise<void> {
      await tx.db
        .update(table as PersonTable)
        .set({ deletedAt: sql`now()` })
        .where(eq(table.id, r.id));
      await recordAudit(tx, { entity, entityId: r.id, action: 'delete', before: r });
    },
  };
}
