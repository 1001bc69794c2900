import {
  ConflictError,
  type Connection,
  type Ctx,
  ForbiddenError,
  InputError,
  isUniqueViolation,
  isUuid,
  keysetAfter,
  keysetPage,
  NotFoundError,
  recordAudit,
  requireRight,
  uuidv7,
  validAt,
  withTransaction,
} from '@mutua/kernel';
import { and, asc, count, eq, ilike, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm';
import { checkHeader, clean, planDetails } from '../domain/rules.js';
import type { DetailChanges, Pricelist, PricelistDetail, PricelistInput, Problem } from '../domain/types.js';
import { KIND_RIGHTS, type PricelistKind } from '../manifest.js';
import type { PageArgs, PricelistFilter, PricelistKindApi } from '../points.js';
import { checkAsOf, type Deps, ENTITY, iso, likeEscape, registerRows } from './pricelist-common.js';
import { createLines } from './pricelist-lines.js';
import { type HeaderTable, hfPricelist, TABLES } from './schema.js';

type HeaderRow = HeaderTable['$inferSelect'];

export type KindService = PricelistKindApi & {
  /** The header valid at `asOf`, in the caller's scope, without the search right (facility fields, priceFor). */
  peek(ctx: Ctx, id: string, asOf?: string | null): Promise<Pricelist | null>;
  /** Current lines as register id → override, in the caller's transaction (imports). */
  currentLines(ctx: Ctx, id: string): Promise<Map<string, string | null>>;
  /** Writes a planned change without re-checking (imports, after their own checks). */
  writeLines(
    tx: Ctx,
    list: Pricelist,
    close: string[],
    open: Array<{ medicalId: string; override: string | null }>,
  ): Promise<void>;
  /** Current lists visible to the caller by name (imports). */
  byNames(ctx: Ctx, names: readonly string[]): Promise<Map<string, Pricelist>>;
};

export function createKindService(kind: PricelistKind, deps: Deps): KindService {
  const h = TABLES[kind].header;
  const d = TABLES[kind].detail;
  const rights = KIND_RIGHTS[kind];
  const entity = ENTITY[kind];
  const { location } = deps;

  const toHeader = (r: HeaderRow): Pricelist => ({
    id: r.id,
    kind,
    name: r.name,
    pricelistDate: r.pricelistDate,
    locationId: r.locationId,
    validFrom: r.validFrom.toISOString(),
    validTo: iso(r.validTo),
  });

  async function loadHeader(
    ctx: Ctx,
    id: string,
    asOf: string | null,
  ): Promise<(Pricelist & { rowId: string }) | null> {
    if (!isUuid(id)) return null;
    const [row] = await ctx.db
      .select()
      .from(h)
      .where(and(eq(h.id, id), validAt(h, asOf), await location.scopeCondition(ctx, h.locationId)));
    return row ? { ...toHeader(row), rowId: row.rowId } : null;
  }

  const strip = ({ rowId: _r, ...p }: Pricelist & { rowId: string }): Pricelist => p;

  /** The caller may write lists at this location: national lists need an unrestricted user. */
  async function mayWrite(ctx: Ctx, locationId: string | null): Promise<void> {
    const ok = locationId === null ? (await location.scope(ctx)).all : await location.isInScope(ctx, locationId);
    if (!ok) throw new ForbiddenError(undefined, 'medical-pricelist.error.outOfScope');
  }

  async function prepare(ctx: Ctx, input: PricelistInput, exceptId: string | null) {
    const { problems, values } = checkHeader(input);
    if (values.locationId && !problems.some((p) => p.field === 'locationId')) {
      const loc = await location.getLocation(ctx, values.locationId);
      if (!loc) problems.push({ field: 'locationId', key: 'medical-pricelist.error.location' });
      else if (!location.levels.slice(0, 2).includes(loc.type)) {
        problems.push({ field: 'locationId', key: 'medical-pricelist.error.locationLevel' });
      }
    }
    if (problems.length) throw InputError.fields(problems);
    const [same] = await ctx.db
      .select({ id: h.id })
      .from(h)
      .where(and(eq(h.name, values.name), isNull(h.validTo), exceptId ? ne(h.id, exceptId) : undefined));
    if (same) throw nameTaken(values.name);
    return values;
  }

  const nameTaken = (name: string) =>
    new ConflictError('medical-pricelist.error.nameTaken', { name }, [
      { field: 'name', key: 'medical-pricelist.error.nameTaken', params: { name } },
    ]);

  async function guardName<T>(name: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (err) {
      if (isUniqueViolation(err)) throw nameTaken(name);
      throw err;
    }
  }

  async function mustCurrent(ctx: Ctx, id: string): Promise<Pricelist & { rowId: string }> {
    const cur = await loadHeader(ctx, id, null);
    if (!cur) throw new NotFoundError(entity, id);
    return cur;
  }

  async function insertHeader(tx: Ctx, values: { name: string; pricelistDate: string; locationId: string | null }) {
    const id = uuidv7();
    await guardName(values.name, () => tx.db.insert(h).values({ rowId: uuidv7(), id, ...values }));
    const created = strip((await loadHeader(tx, id, null))!);
    await recordAudit(tx, { entity, entityId: id, action: 'create', after: created });
    return created;
  }
  const { currentLines, writeLines, details, linesAt, withRegister } = createLines(kind, deps, loadHeader);

  return {
    peek: (ctx, id, asOf) => loadHeader(ctx, id, checkAsOf(asOf)).then((r) => (r ? strip(r) : null)),
    currentLines,
    writeLines,
    async byNames(ctx, names) {
      const out = new Map<string, Pricelist>();
      const unique = [...new Set(names)];
      for (let i = 0; i < unique.length; i += 500) {
        const rows = await ctx.db
          .select()
          .from(h)
          .where(
            and(
              inArray(h.name, unique.slice(i, i + 500)),
              isNull(h.validTo),
              await location.scopeCondition(ctx, h.locationId),
            ),
          );
        for (const r of rows) out.set(r.name, toHeader(r));
      }
      return out;
    },

    async search(ctx: Ctx, filter: PricelistFilter, page: PageArgs): Promise<Connection<Pricelist>> {
      requireRight(ctx, rights.search);
      const at = checkAsOf(filter.asOf);
      const conds: Array<SQL | undefined> = [validAt(h, at), await location.scopeCondition(ctx, h.locationId)];
      const text = clean(filter.search);
      if (text) conds.push(ilike(h.name, `%${likeEscape(text)}%`));
      const loc = clean(filter.locationId);
      if (loc) {
        if (!isUuid(loc)) throw InputError.fields([{ field: 'locationId', key: 'medical-pricelist.error.location' }]);
        conds.push(eq(h.locationId, loc));
      }
      const where = and(...conds);
      return keysetPage<Pricelist>({
        first: page.first,
        after: page.after,
        key: (r) => [r.name, r.id],
        fetch: async (limit, after) =>
          (
            await ctx.db
              .select()
              .from(h)
              .where(and(where, after ? keysetAfter([h.name, h.id], after) : undefined))
              .orderBy(asc(h.name), asc(h.id))
              .limit(limit)
          ).map(toHeader),
        count: async () => (await ctx.db.select({ n: count() }).from(h).where(where))[0]?.n ?? 0,
      });
    },
    async get(ctx, id, asOf) {
      requireRight(ctx, rights.search);
      const r = await loadHeader(ctx, id, checkAsOf(asOf));
      return r ? strip(r) : null;
    },
    async history(ctx, id) {
      requireRight(ctx, rights.search);
      if (!isUuid(id)) return [];
      const rows = await ctx.db
        .select()
        .from(h)
        .where(and(eq(h.id, id), await location.scopeCondition(ctx, h.locationId)))
        .orderBy(asc(h.validFrom));
      return rows.map(toHeader);
    },
    details,
    async entries(ctx, id, asOf) {
      const at = checkAsOf(asOf);
      if (!isUuid(id)) return [];
      if (!(await loadHeader(ctx, id, at)) && !(await loadHeader(ctx, id, null))) return [];
      return ctx.db
        .select({ medicalId: d.medicalId, override: d.priceOverride })
        .from(d)
        .where(and(eq(d.pricelistId, id), validAt(d, at)));
    },
    async detailHistory(ctx, id, medicalId) {
      requireRight(ctx, rights.search);
      if (!isUuid(id) || !isUuid(medicalId) || !(await loadHeader(ctx, id, null))) return [];
      const rows = await ctx.db
        .select()
        .from(d)
        .where(and(eq(d.pricelistId, id), eq(d.medicalId, medicalId)))
        .orderBy(asc(d.validFrom));
      const out: PricelistDetail[] = [];
      // Each version with the register price of its own time.
      for (const r of rows) out.push(...(await withRegister(ctx, [r], r.validFrom.toISOString())));
      return out;
    },
    async findByName(ctx, name) {
      requireRight(ctx, rights.search);
      const n = clean(name);
      if (!n) return null;
      const [row] = await ctx.db
        .select()
        .from(h)
        .where(and(eq(h.name, n), isNull(h.validTo), await location.scopeCondition(ctx, h.locationId)));
      return row ? toHeader(row) : null;
    },
    async create(ctx, input) {
      requireRight(ctx, rights.add);
      const values = await prepare(ctx, input, null);
      await mayWrite(ctx, values.locationId);
      return withTransaction(ctx, (tx) => insertHeader(tx, values));
    },
    async update(ctx, id, input) {
      requireRight(ctx, rights.edit);
      const before = await mustCurrent(ctx, id);
      await mayWrite(ctx, before.locationId);
      const values = await prepare(ctx, input, id);
      await mayWrite(ctx, values.locationId);
      const previous = strip(before);
      if (
        values.name === previous.name &&
        values.pricelistDate === previous.pricelistDate &&
        values.locationId === previous.locationId
      ) {
        return previous;
      }
      return withTransaction(ctx, async (tx) => {
        await tx.db.update(h).set({ validTo: sql`now()` }).where(eq(h.rowId, before.rowId));
        await guardName(values.name, () =>
          tx.db.insert(h).values({ rowId: uuidv7(), id, ...values, validFrom: sql`now()` }),
        );
        const after = strip((await loadHeader(tx, id, null))!);
        await recordAudit(tx, { entity, entityId: id, action: 'update', before: previous, after });
        return after;
      });
    },
    async delete(ctx, id) {
      requireRight(ctx, rights.delete);
      const before = await mustCurrent(ctx, id);
      await mayWrite(ctx, before.locationId);
      await withTransaction(ctx, async (tx) => {
        await tx.db.update(h).set({ validTo: sql`now()` }).where(eq(h.rowId, before.rowId));
        await tx.db
          .update(d)
          .set({ validTo: sql`now()` })
          .where(and(eq(d.pricelistId, id), isNull(d.validTo)));
        const col = kind === 'items' ? hfPricelist.itemsPricelistId : hfPricelist.servicesPricelistId;
        await tx.db
          .update(hfPricelist)
          .set(kind === 'items' ? { itemsPricelistId: null } : { servicesPricelistId: null })
          .where(eq(col, id));
        await recordAudit(tx, { entity, entityId: id, action: 'delete', before: strip(before) });
      });
    },
    async duplicate(ctx, id, input) {
      requireRight(ctx, rights.duplicate);
      const source = await mustCurrent(ctx, id);
      const values = await prepare(ctx, input, null);
      await mayWrite(ctx, values.locationId);
      return withTransaction(ctx, async (tx) => {
        const created = await insertHeader(tx, values);
        const lines = await currentLines(tx, source.id);
        await writeLines(
          tx,
          created,
          [],
          [...lines].map(([medicalId, override]) => ({ medicalId, override })),
        );
        return created;
      });
    },
    async setDetails(ctx, id, changes: DetailChanges) {
      requireRight(ctx, rights.edit);
      const list = strip(await mustCurrent(ctx, id));
      await mayWrite(ctx, list.locationId);
      const cur = await currentLines(ctx, id);
      const addIds = (changes.add ?? []).map((a) => a.id).filter(isUuid);
      const known = await registerRows(deps, kind, ctx, addIds, null);
      const plan = planDetails(cur, changes, (mid) => known.has(mid));
      if (plan.problems.length) throw InputError.fields(plan.problems as Problem[]);
      return withTransaction(ctx, async (tx) => {
        await writeLines(tx, list, plan.close, plan.open);
        return linesAt(tx, id);
      });
    },
    async facilities(ctx, id) {
      requireRight(ctx, rights.search);
      if (!isUuid(id)) return [];
      const col = kind === 'items' ? hfPricelist.itemsPricelistId : hfPricelist.servicesPricelistId;
      const rows = await ctx.db.select({ hfId: hfPricelist.hfId }).from(hfPricelist).where(eq(col, id));
      const visible = await location.getHealthFacilities(
        ctx,
        rows.map((r) => r.hfId),
      );
      return visible.map((f) => f.id).sort();
    },
  };
}
