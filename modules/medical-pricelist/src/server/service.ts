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
  requireUser,
  uuidv7,
  validAt,
  withTransaction,
} from '@mutua/kernel';
import { LOCATION_RIGHTS, type LocationService } from '@mutua/location';
import type { MedicalApi } from '@mutua/medical';
import { and, asc, count, eq, ilike, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm';
import { checkHeader, clean, effectivePrice, listFitsFacility, planDetails } from '../domain/rules.js';
import type { DetailChanges, Pricelist, PricelistDetail, PricelistInput, Problem } from '../domain/types.js';
import { KIND_RIGHTS, type PricelistKind } from '../manifest.js';
import type {
  FacilityPricelists,
  PageArgs,
  PricelistApi,
  PricelistFilter,
  PricelistKindApi,
  PriceQuote,
} from '../points.js';
import { type DetailTable, type HeaderTable, hfPricelist, TABLES } from './schema.js';

export interface Deps {
  location: LocationService;
  medical: MedicalApi;
}

/** Audit entity names of the two kinds. */
export const ENTITY: Record<PricelistKind, string> = { items: 'ItemsPricelist', services: 'ServicesPricelist' };

/** An ISO date or timestamp given as `asOf`; anything else is refused naming the field (never a 500). */
export function checkAsOf(asOf: string | null | undefined): string | null {
  const v = clean(asOf);
  if (v === null) return null;
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) || Number.isNaN(new Date(v).getTime())) {
    throw InputError.fields([{ field: 'asOf', key: 'medical-pricelist.error.asOf' }]);
  }
  return v;
}

const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

type HeaderRow = HeaderTable['$inferSelect'];
type DetailRow = DetailTable['$inferSelect'];

/** Register rows (code, name, price) of the kind, valid at `asOf`. */
async function registerRows(
  deps: Deps,
  kind: PricelistKind,
  ctx: Ctx,
  ids: readonly string[],
  asOf: string | null,
): Promise<Map<string, { code: string; name: string; price: string }>> {
  const rows =
    kind === 'items' ? await deps.medical.getItems(ctx, ids, asOf) : await deps.medical.getServices(ctx, ids, asOf);
  return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name, price: r.price }]));
}

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

  async function currentLines(ctx: Ctx, id: string): Promise<Map<string, string | null>> {
    const rows = await ctx.db
      .select({ medicalId: d.medicalId, override: d.priceOverride })
      .from(d)
      .where(and(eq(d.pricelistId, id), isNull(d.validTo)));
    return new Map(rows.map((r) => [r.medicalId, r.override]));
  }

  async function writeLines(
    tx: Ctx,
    list: Pricelist,
    close: string[],
    open: Array<{ medicalId: string; override: string | null }>,
  ): Promise<void> {
    const ids = new Map<string, string>();
    for (let i = 0; i < close.length; i += 500) {
      const closed = await tx.db
        .update(d)
        .set({ validTo: sql`now()` })
        .where(and(eq(d.pricelistId, list.id), inArray(d.medicalId, close.slice(i, i + 500)), isNull(d.validTo)))
        .returning({ id: d.id, medicalId: d.medicalId });
      for (const c of closed) ids.set(c.medicalId, c.id);
    }
    for (let i = 0; i < open.length; i += 500) {
      await tx.db.insert(d).values(
        open.slice(i, i + 500).map((o) => ({
          rowId: uuidv7(),
          // A repriced line keeps its id: its versions are one line's history.
          id: ids.get(o.medicalId) ?? uuidv7(),
          pricelistId: list.id,
          medicalId: o.medicalId,
          priceOverride: o.override,
          validFrom: sql`now()`,
        })),
      );
    }
    if (close.length || open.length) {
      const removed = close.filter((c) => !open.some((o) => o.medicalId === c));
      await recordAudit(tx, {
        entity,
        entityId: list.id,
        action: 'details',
        after: {
          added: open.filter((o) => !ids.has(o.medicalId)),
          repriced: open.filter((o) => ids.has(o.medicalId)),
          removed,
        },
      });
    }
  }

  async function details(ctx: Ctx, id: string, asOf?: string | null): Promise<PricelistDetail[]> {
    requireRight(ctx, rights.search);
    return linesAt(ctx, id, asOf);
  }

  /** The lines valid at `asOf`, without the search right (after a write by an editor). */
  async function linesAt(ctx: Ctx, id: string, asOf?: string | null): Promise<PricelistDetail[]> {
    const at = checkAsOf(asOf);
    if (!(await loadHeader(ctx, id, at)) && !(await loadHeader(ctx, id, null))) return [];
    const rows = await ctx.db
      .select()
      .from(d)
      .where(and(eq(d.pricelistId, id), validAt(d, at)));
    return withRegister(ctx, rows, at);
  }

  async function withRegister(ctx: Ctx, rows: DetailRow[], at: string | null): Promise<PricelistDetail[]> {
    const reg = await registerRows(deps, kind, ctx, [...new Set(rows.map((r) => r.medicalId))], at);
    return rows
      .map((r) => {
        const m = reg.get(r.medicalId);
        return {
          id: r.id,
          pricelistId: r.pricelistId,
          medicalId: r.medicalId,
          override: r.priceOverride,
          validFrom: r.validFrom.toISOString(),
          validTo: iso(r.validTo),
          code: m?.code ?? null,
          name: m?.name ?? null,
          registerPrice: m?.price ?? null,
          price: effectivePrice(r.priceOverride, m?.price ?? null),
        };
      })
      .sort((a, b) => (a.code ?? '').localeCompare(b.code ?? '') || a.validFrom.localeCompare(b.validFrom));
  }

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
    async entries(ctx, id, medicalIds, asOf) {
      const at = checkAsOf(asOf);
      const ids = [...new Set(medicalIds.filter(isUuid))];
      if (!ids.length || !isUuid(id)) return [];
      if (!(await loadHeader(ctx, id, at)) && !(await loadHeader(ctx, id, null))) return [];
      return ctx.db
        .select({ medicalId: d.medicalId, override: d.priceOverride })
        .from(d)
        .where(and(eq(d.pricelistId, id), inArray(d.medicalId, ids), validAt(d, at)));
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

export interface PricelistService extends PricelistApi {
  items: KindService;
  services: KindService;
  /** The services it reads (demo seed). */
  deps: Deps;
}

export function createPricelistService(deps: Deps): PricelistService {
  const items = createKindService('items', deps);
  const services = createKindService('services', deps);

  async function facilityRow(ctx: Ctx, hfId: string): Promise<FacilityPricelists> {
    const empty = { hfId, itemsPricelistId: null, servicesPricelistId: null };
    if (!isUuid(hfId)) return empty;
    const [row] = await ctx.db.select().from(hfPricelist).where(eq(hfPricelist.hfId, hfId));
    return row ?? empty;
  }

  const api: PricelistService = {
    items,
    services,
    deps,
    async priceFor(ctx, q) {
      const quotes = await api.pricesFor(ctx, { ...q, medicalIds: [q.medicalId] });
      return quotes.get(q.medicalId) ?? { inList: false, price: null, override: null };
    },
    async pricesFor(ctx, q) {
      requireUser(ctx);
      const at = checkAsOf(q.asOf);
      const none = { inList: false, price: null, override: null };
      const out = new Map<string, PriceQuote>(q.medicalIds.map((id) => [id, none]));
      if (q.kind !== 'item' && q.kind !== 'service') {
        throw InputError.fields([{ field: 'kind', key: 'medical-pricelist.error.kind' }]);
      }
      const kind: PricelistKind = q.kind === 'item' ? 'items' : 'services';
      const ids = [...new Set(q.medicalIds.filter(isUuid))];
      const row = await facilityRow(ctx, q.hfId);
      const listId = kind === 'items' ? row.itemsPricelistId : row.servicesPricelistId;
      if (!listId || !ids.length) return out;
      const { header: h, detail: d } = TABLES[kind];
      const [list] = await ctx.db
        .select({ id: h.id })
        .from(h)
        .where(and(eq(h.id, listId), validAt(h, at)));
      if (!list) return out;
      const lines = await ctx.db
        .select({ medicalId: d.medicalId, override: d.priceOverride })
        .from(d)
        .where(and(eq(d.pricelistId, listId), inArray(d.medicalId, ids), validAt(d, at)));
      if (!lines.length) return out;
      const reg = await registerRows(
        deps,
        kind,
        ctx,
        lines.map((l) => l.medicalId),
        at,
      );
      for (const l of lines) {
        const r = reg.get(l.medicalId);
        if (r) out.set(l.medicalId, { inList: true, price: effectivePrice(l.override, r.price), override: l.override });
      }
      return out;
    },
    async facilityPricelists(ctx, hfId) {
      requireUser(ctx);
      return facilityRow(ctx, hfId);
    },
    async assignToFacility(ctx, hfId, lists) {
      requireRight(ctx, LOCATION_RIGHTS.hfEdit);
      const hf = isUuid(hfId) ? await deps.location.getHealthFacility(ctx, hfId) : null;
      if (!hf) throw new NotFoundError('HealthFacility', hfId);
      if (!(await deps.location.isInScope(ctx, hf.locationId))) {
        throw new ForbiddenError(undefined, 'medical-pricelist.error.outOfScope');
      }
      const path = (await deps.location.ancestors(ctx, hf.locationId)).map((l) => l.id);
      const problems: Problem[] = [];
      const check = async (field: string, svc: KindService, id: string | null | undefined) => {
        const v = clean(id);
        if (!v) return null;
        const list = await svc.peek(ctx, v);
        if (!list) problems.push({ field, key: 'medical-pricelist.error.unknownListId' });
        else if (!listFitsFacility(list.locationId, path))
          problems.push({ field, key: 'medical-pricelist.error.listLocation' });
        return v;
      };
      const itemsPricelistId = await check('itemsPricelistId', items, lists.itemsPricelistId);
      const servicesPricelistId = await check('servicesPricelistId', services, lists.servicesPricelistId);
      if (problems.length) throw InputError.fields(problems);
      return withTransaction(ctx, async (tx) => {
        const before = await facilityRow(tx, hfId);
        const after = { hfId, itemsPricelistId, servicesPricelistId };
        await tx.db
          .insert(hfPricelist)
          .values(after)
          .onConflictDoUpdate({ target: hfPricelist.hfId, set: { itemsPricelistId, servicesPricelistId } });
        await recordAudit(tx, { entity: 'HealthFacility', entityId: hfId, action: 'pricelists', before, after });
        return after;
      });
    },
  };
  return api;
}
