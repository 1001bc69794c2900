import {
  type Ctx,
  ForbiddenError,
  InputError,
  isUuid,
  NotFoundError,
  recordAudit,
  requireRight,
  requireUser,
  validAt,
  withTransaction,
} from '@mutua/kernel';
import { LOCATION_RIGHTS } from '@mutua/location';
import { and, eq, inArray } from 'drizzle-orm';
import { clean, effectivePrice, listFitsFacility } from '../domain/rules.js';
import type { Problem } from '../domain/types.js';
import type { PricelistKind } from '../manifest.js';
import type { FacilityPricelists, PricelistApi, PriceQuote } from '../points.js';
import type { KindService } from './kind-service.js';
import { checkAsOf, type Deps, registerRows } from './pricelist-common.js';
import { hfPricelist, TABLES } from './schema.js';

export type FacilityPrices = Pick<PricelistApi, 'priceFor' | 'pricesFor' | 'facilityPricelists' | 'assignToFacility'>;

/** A facility's two lists (links, assignment) and the price quotes they give. */
export function createFacilityPrices(deps: Deps, items: KindService, services: KindService): FacilityPrices {
  async function facilityRow(ctx: Ctx, hfId: string): Promise<FacilityPricelists> {
    const empty = { hfId, itemsPricelistId: null, servicesPricelistId: null };
    if (!isUuid(hfId)) return empty;
    const [row] = await ctx.db.select().from(hfPricelist).where(eq(hfPricelist.hfId, hfId));
    return row ?? empty;
  }

  const api: FacilityPrices = {
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
