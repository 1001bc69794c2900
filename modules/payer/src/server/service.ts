import type { CodeListService } from '@mutua/codelist';
import {
  ConflictError,
  type Ctx,
  clean,
  current,
  ForbiddenError,
  type Hooks,
  InputError,
  isUuid,
  keysetAfter,
  keysetPage,
  likeEscape,
  NotFoundError,
  recordAudit,
  requireRight,
  uuidv7,
  validAt,
  withTransaction,
} from '@mutua/kernel';
import type { LocationService } from '@mutua/location';
import { and, asc, count, eq, ilike, type SQL, sql } from 'drizzle-orm';
import { checkPayer, isPayerLevel } from '../domain/payer-rules.js';
import type { Payer, PayerInput, PayerType } from '../domain/types.js';
import { RIGHTS } from '../manifest.js';
import { type PageArgs, type PayerFilter, type PayerService, payerDeleted } from '../points.js';
import { payer } from './schema.js';

type Row = typeof payer.$inferSelect;

export interface PayerDeps {
  hooks: Hooks;
  location: LocationService;
  /** The code lists when the codelist module is composed (optional): the type must then be an active payer type. */
  codeLists?: CodeListService | undefined;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toPayer(r: Row): Payer {
  return {
    id: r.id,
    // The table's CHECK constraint holds the type to the closed list.
    type: r.type as PayerType,
    name: r.name,
    address: r.address,
    locationId: r.locationId,
    phone: r.phone,
    fax: r.fax,
    email: r.email,
    validFrom: r.validFrom.toISOString(),
    validTo: iso(r.validTo),
  };
}

/** The stored columns of a validated input. */
const values = (input: PayerInput) => ({
  type: clean(input.type)!,
  name: clean(input.name)!,
  address: clean(input.address),
  locationId: clean(input.locationId)!,
  phone: clean(input.phone),
  fax: clean(input.fax),
  email: clean(input.email),
});

/** The audited shape: the business fields, without the version bounds (the audit entry carries its own time). */
const audited = ({ validFrom: _f, validTo: _t, ...rest }: Payer) => rest;

export function createPayerService({ hooks, location, codeLists }: PayerDeps): PayerService {
  const outOfScope = () => new ForbiddenError(undefined, 'payer.error.outOfScope');

  async function loadAt(ctx: Ctx, id: string, when: SQL): Promise<Payer | null> {
    requireRight(ctx, RIGHTS.search);
    if (!isUuid(id)) return null;
    const [row] = await ctx.db
      .select()
      .from(payer)
      .where(and(eq(payer.id, id), when, await location.scopeCondition(ctx, payer.locationId)))
      .limit(1);
    return row ? toPayer(row) : null;
  }

  /**
   * Field rules, then the location: a current region or district the user may write at. The type must be an active
   * entry of the payer-type code list, unless it is the type the payer already had (`before`).
   */
  async function prepare(ctx: Ctx, input: PayerInput, before: Payer | null) {
    const problems = checkPayer(input);
    const type = clean(input.type);
    if (codeLists && type !== null && !problems.some((p) => p.field === 'type')) {
      problems.push(
        ...(await codeLists.check(ctx, 'payerType', 'type', type, {
          includeInactive: before?.type === type,
          fieldLabel: 'payer.field.type',
        })),
      );
    }
    const locationId = clean(input.locationId);
    if (locationId) {
      const loc = isUuid(locationId) ? await location.getLocation(ctx, locationId) : null;
      // A location the user cannot see is refused as out of their scope (403), as the location module does.
      if (!loc && isUuid(locationId) && !(await location.isInScope(ctx, locationId))) throw outOfScope();
      if (!loc) problems.push({ field: 'locationId', key: 'payer.error.locationNotFound' });
      else if (!isPayerLevel(loc.type, location.levels)) {
        problems.push({ field: 'locationId', key: 'payer.error.notRegionOrDistrict' });
      }
    }
    if (problems.length) throw InputError.fields(problems);
    if (!(await location.isInScope(ctx, locationId!))) throw outOfScope();
    return values(input);
  }

  async function loadWritable(ctx: Ctx, id: string): Promise<Payer> {
    const found = await loadAt(ctx, id, current(payer));
    if (!found) throw new NotFoundError('Payer', id);
    if (!(await location.isInScope(ctx, found.locationId))) throw outOfScope();
    return found;
  }

  /** Closes the current version at the transaction's time; returns that time. */
  const close = (tx: Ctx, id: string) =>
    tx.db
      .update(payer)
      .set({ validTo: sql`now()` })
      .where(and(eq(payer.id, id), current(payer)));

  return {
    async searchPayers(ctx: Ctx, filter: PayerFilter, page: PageArgs) {
      requireRight(ctx, RIGHTS.search);
      const conds: Array<SQL | undefined> = [current(payer)];
      const text = clean(filter.search);
      if (text) conds.push(ilike(payer.name, `%${likeEscape(text)}%`));
      const type = clean(filter.type);
      if (type) conds.push(eq(payer.type, type));
      const at = clean(filter.locationId);
      if (at) {
        const ids = isUuid(at) ? await location.subtreeIds(ctx, [at]) : [];
        conds.push(ids.length ? sql`${payer.locationId} = ANY(${`{${ids.join(',')}}`}::uuid[])` : sql`false`);
      }
      conds.push(await location.scopeCondition(ctx, payer.locationId));
      const where = and(...conds);
      return keysetPage<Payer>({
        first: page.first,
        after: page.after,
        key: (p) => [p.name, p.id],
        fetch: async (limit, after) => {
          const rows = await ctx.db
            .select()
            .from(payer)
            .where(and(where, after ? keysetAfter([payer.name, payer.id], after) : undefined))
            .orderBy(asc(payer.name), asc(payer.id))
            .limit(limit);
          return rows.map(toPayer);
        },
        count: async () => (await ctx.db.select({ n: count() }).from(payer).where(where))[0]?.n ?? 0,
      });
    },

    getPayer: (ctx, id) => loadAt(ctx, id, current(payer)),

    async getPayerAt(ctx, id, at) {
      const when =
        typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at) ? new Date(`${at}T00:00:00Z`) : new Date(at);
      if (Number.isNaN(when.getTime())) throw InputError.fields([{ field: 'at', key: 'payer.error.instant' }]);
      return loadAt(ctx, id, validAt(payer, at));
    },

    async payerVersions(ctx, id) {
      requireRight(ctx, RIGHTS.search);
      if (!isUuid(id)) return [];
      const rows = await ctx.db
        .select()
        .from(payer)
        .where(and(eq(payer.id, id), await location.scopeCondition(ctx, payer.locationId)))
        .orderBy(asc(payer.validFrom), asc(payer.rowId));
      return rows.map(toPayer);
    },

    async createPayer(ctx, input) {
      requireRight(ctx, RIGHTS.add);
      const v = await prepare(ctx, input, null);
      const id = uuidv7();
      return withTransaction(ctx, async (tx) => {
        const [row] = await tx.db
          .insert(payer)
          .values({ rowId: uuidv7(), id, ...v, validFrom: sql`now()` })
          .returning();
        const created = toPayer(row!);
        await recordAudit(tx, { entity: 'Payer', entityId: id, action: 'create', after: audited(created) });
        return created;
      });
    },

    async updatePayer(ctx, id, input) {
      requireRight(ctx, RIGHTS.edit);
      const before = await loadWritable(ctx, id);
      const v = await prepare(ctx, input, before);
      // An unchanged form makes no new version (nor an audit entry).
      const same = (Object.keys(v) as Array<keyof typeof v>).every((k) => v[k] === before[k]);
      if (same) return before;
      return withTransaction(ctx, async (tx) => {
        // now() is the transaction's start: the old version ends exactly where the new one begins.
        const closed = await close(tx, before.id).returning({ rowId: payer.rowId });
        // Another user changed or deleted the payer since it was read: nothing current is left to close.
        if (!closed.length) throw new ConflictError('payer.error.changedMeanwhile', { name: before.name });
        const [row] = await tx.db
          .insert(payer)
          .values({ rowId: uuidv7(), id: before.id, ...v, validFrom: sql`now()` })
          .returning();
        const after = toPayer(row!);
        await recordAudit(tx, {
          entity: 'Payer',
          entityId: id,
          action: 'update',
          before: audited(before),
          after: audited(after),
        });
        return after;
      });
    },

    async deletePayer(ctx, id) {
      requireRight(ctx, RIGHTS.delete);
      const before = await loadWritable(ctx, id);
      await withTransaction(ctx, async (tx) => {
        await hooks.runValidate(payerDeleted, { payer: before }, tx);
        await hooks.runBefore(payerDeleted, { payer: before }, tx);
        await close(tx, before.id);
        await recordAudit(tx, { entity: 'Payer', entityId: id, action: 'delete', before: audited(before) });
        await hooks.runAfter(payerDeleted, { payer: before }, tx);
      });
    },
  };
}
