import { anyOf, type Ctx, preferGenericPlans } from '@mutua/kernel';
import { COVERAGE_MONEY_FIELDS } from '@mutua/product/domain';
import type { IsoDate } from '../domain/dates.js';
import type { RejectionCode } from '../domain/reasons.js';
import type {
  CareType,
  ClaimEngineInput,
  ClaimInput as EngineClaim,
  ClaimStatus as EngineStatus,
  HfLevel,
  HistoryClaim,
  InsureeInput,
  LedgerRow,
  LineStatus,
  PolicyInput,
  PriceList,
  PriceListEntry,
  ProductLineTerms,
  ProductTerms,
  Register,
  RegisterEntry,
  ServiceCategory,
} from '../domain/types.js';
import type { ClaimDetail, LineKind } from '../points.js';
import { type Deps, sys, versionAt, versionsAt } from './deps.js';
import { LEDGER_LOCK, readHistory } from './engine-history.js';
import { cents, createReferenceCache, lineTerms, Memo, num, PRODUCT_INT, toLedger } from './engine-terms.js';
import { claimDedRem } from './schema.js';

export { STATUS_CODE, STATUS_NAME, toLedger } from './engine-terms.js';

const endOfDay = (d: IsoDate) => `${d}T23:59:59.999Z`;
/** The date the rules judge a claim at (RULES.md §3.1). */
const targetOf = (c: ClaimDetail): IsoDate => c.dateTo ?? c.dateFrom;

/**
 * Loads what the engine needs for many claims with few queries: one query per table of this module for the
 * history and the ledger, and reference data (registers, price lists, products, policies) read once per distinct
 * (entity, date) and shared across the claims of the run. `remember` adds a claim just checked or valued to the
 * history, so later claims of the same insuree in the same run see it (the run is sequential, like the SP).
 */
export async function createEngineContext(
  deps: Deps,
  ctx: Ctx,
  claims: readonly ClaimDetail[],
  known: { insurees?: ReadonlyArray<{ id: string; dob: string; gender: string | null }> } = {},
) {
  const s = sys(ctx);
  const insureeIds = [...new Set(claims.map((c) => c.insureeId))];
  const hfIds = [...new Set(claims.map((c) => c.hfId))];
  const asks = [...new Map(claims.map((c) => [`${c.insureeId}|${targetOf(c)}`, c])).values()].map((c) => ({
    insureeId: c.insureeId,
    date: targetOf(c),
  }));
  // The engine's statements are lookups by key and bulk writes: planned once per connection, not at every batch.
  await preferGenericPlans(ctx);
  // One after the other: a transaction's connection runs one query at a time anyway.
  await deps.refs.sync(ctx);
  const knownIds = new Set(known.insurees?.map((i) => i.id));
  const insurees =
    known.insurees && insureeIds.every((id) => knownIds.has(id))
      ? known.insurees
      : await deps.insuree.getInsurees(s, insureeIds);
  const hfById = await deps.refs.many('health-facility', hfIds, async (missing) => {
    const found = await deps.location.getHealthFacilities(s, missing);
    return new Map(found.map((h) => [h.id, { level: h.level, careType: h.careType }]));
  });
  // Claims of the same policy are judged one after the other, each seeing the ones before it committed: two sent at
  // once must not both take the last of a ceiling or of a frequency. The coverage read takes the policies' locks
  // (held until the caller's commit); history is read after it, by a later statement.
  const covering = await deps.policy.coveringPoliciesMany(s, asks, ctx.afterCommit ? { lock: LEDGER_LOCK } : {});
  // Register ids per (kind, date) over all the claims, so one read serves every claim of that date.
  const registerIds = new Map<string, Set<string>>();
  for (const c of claims)
    for (const l of [...c.items, ...c.services]) {
      const key = `${l.kind}:${targetOf(c)}`;
      const set = registerIds.get(key) ?? new Set<string>();
      set.add(l.medicalId);
      registerIds.set(key, set);
    }
  const insureeById = new Map(insurees.map((i) => [i.id, i]));

  const { registerMemo, priceMemo, facilityListsMemo, productMemo } = createReferenceCache();
  const coveringMemo = new Memo<PolicyInput[]>();

  // Earlier claims of these insurees (their lines of the items and services asked now) and the ledger of the policies
  // that may pay: one round trip.
  const coveredPolicyIds = [...new Set([...covering.values()].flatMap((list) => list.map((p) => p.id)))];
  const earlier = await readHistory(
    ctx,
    insureeIds,
    claims.map((c) => c.id),
    coveredPolicyIds,
    claims.flatMap((c) =>
      [...c.items, ...c.services].map((l) => ({ insureeId: c.insureeId, kind: l.kind, medicalId: l.medicalId })),
    ),
  );
  const history = earlier.history;
  // The deductible/ceiling ledger of every policy the claims may use, by policy, read in one query.
  const ledger = new Map<string, LedgerRow[]>();
  const ledgerLoaded = new Set<string>();
  const policiesOfClaim = new Map<string, Set<string>>();
  const addLedger = (r: LedgerRow) => {
    const list = ledger.get(r.policyId) ?? [];
    list.push(r);
    ledger.set(r.policyId, list);
    const set = policiesOfClaim.get(r.claimId) ?? new Set<string>();
    set.add(r.policyId);
    policiesOfClaim.set(r.claimId, set);
  };
  async function loadLedger(policyIds: readonly string[]) {
    const missing = [...new Set(policyIds)].filter((p) => !ledgerLoaded.has(p));
    if (!missing.length) return;
    for (const p of missing) ledgerLoaded.add(p);
    for (let i = 0; i < missing.length; i += 5000) {
      const part = missing.slice(i, i + 5000);
      for (const r of await ctx.db.select().from(claimDedRem).where(anyOf(claimDedRem.policyId, part)))
        addLedger(toLedger(r));
    }
  }
  for (const p of coveredPolicyIds) ledgerLoaded.add(p);
  for (const r of earlier.ledger) addLedger(r);

  /** The register ids the claims of the context ask for on a date. */
  const sortedIds = new Map<string, string[]>();
  const idsAt = (kind: LineKind, date: IsoDate): string[] => {
    const key = `${kind}:${date}`;
    let ids = sortedIds.get(key);
    if (!ids) {
      ids = [...(registerIds.get(key) ?? [])].sort();
      sortedIds.set(key, ids);
    }
    return ids;
  };
  // Memo keys are short (a date, a list, a product): within the context the ids read for a date are always the same
  // set, `idsAt`; only a read for ids outside it carries them in its key, so it never answers for the context's.
  function register(kind: LineKind, date: IsoDate, ids: readonly string[]) {
    const key = `${kind}:${date}`;
    const known = registerIds.get(key);
    // A claim outside the ones the context was made for (never in practice) gets its own read.
    const inContext = !!known && ids.every((id) => known.has(id));
    const all = inContext ? idsAt(kind, date) : [...ids].sort();
    return registerMemo.get(inContext ? key : `${key}:${all.join(',')}`, () =>
      deps.refs.many<RegisterEntry>(`register:${key}`, all, async (missing) => {
        const rows =
          kind === 'item'
            ? await versionsAt((x, at) => deps.medical.getItems(s, x, at), missing, endOfDay(date))
            : await versionsAt((x, at) => deps.medical.getServices(s, x, at), missing, endOfDay(date));
        return new Map(
          rows.map((r) => [
            r.id,
            {
              id: r.id,
              careType: r.careType as CareType,
              patientCategory: r.patientCategory,
              frequency: r.frequency,
              price: cents(r.price) ?? 0,
              ...(kind === 'service'
                ? { category: ((r as { category: string | null }).category ?? null) as ServiceCategory | null }
                : {}),
            } satisfies RegisterEntry,
          ]),
        );
      }),
    );
  }

  function priceList(kind: LineKind, hfId: string, date: IsoDate) {
    return facilityListsMemo
      .get(hfId, async () => {
        const lists = await deps.refs.one('facility-pricelists', hfId, async () => {
          const f = await deps.pricelist.facilityPricelists(s, hfId);
          return { items: f.itemsPricelistId, services: f.servicesPricelistId };
        });
        return lists ?? { items: null, services: null };
      })
      .then((lists) => {
        const listId = kind === 'item' ? lists.items : lists.services;
        if (!listId) return new Map<string, PriceListEntry>();
        return priceMemo.get(`${kind}:${listId}:${date}`, async () => {
          const api = kind === 'item' ? deps.pricelist.items : deps.pricelist.services;
          const head = await deps.refs.one(`pricelist:${kind}:${date}`, listId, async () => {
            const v = await versionAt((at) => api.get(s, listId, at), endOfDay(date));
            return v.row ? { asOf: v.asOf } : undefined;
          });
          if (!head) return new Map();
          // The whole list, once per version: every later claim at any facility using it finds its lines.
          return deps.refs.whole<PriceListEntry>(
            `pricelist-lines:${kind}:${listId}:${head.asOf ?? 'current'}`,
            async () => {
              const entries = await api.entries(s, listId, head.asOf);
              return new Map(entries.map((d) => [d.medicalId, { id: d.medicalId, priceOverride: cents(d.override) }]));
            },
          );
        });
      });
  }

  function product(productId: string, date: IsoDate) {
    return productMemo.get(`${productId}:${date}`, async () => {
      const head = await deps.refs.one(`product:${date}`, productId, async () => {
        const { row: p, asOf } = await versionAt((a) => deps.product.getProduct(s, productId, a), endOfDay(date));
        if (!p) return undefined;
        const rec = p as unknown as Record<string, string | number | null>;
        const terms: Record<string, unknown> = {
          id: productId,
          ceilingInterpretation: (rec.ceilingInterpretation as 'I' | 'H' | null) ?? null,
        };
        for (const k of COVERAGE_MONEY_FIELDS) terms[k] = cents(rec[k] as string | null);
        for (const k of PRODUCT_INT) terms[k] = rec[k] === null || rec[k] === undefined ? null : Number(rec[k]);
        return { terms: terms as Omit<ProductTerms, 'lines'>, asOf };
      });
      if (!head) return null;
      // Every line of the product version, once: claims of any item it covers then never read it again.
      const lines = (kind: LineKind) =>
        deps.refs.whole<ProductLineTerms>(`product-lines:${kind}:${productId}:${head.asOf ?? 'current'}`, async () => {
          const found =
            kind === 'item'
              ? await deps.product.productItems(s, productId, head.asOf)
              : await deps.product.productServices(s, productId, head.asOf);
          return new Map(found.map((l) => [l.medicalId, lineTerms(l)]));
        });
      return { ...head.terms, lines: { item: await lines('item'), service: await lines('service') } } as ProductTerms;
    });
  }

  function policies(insureeId: string, date: IsoDate) {
    return coveringMemo.get(`${insureeId}|${date}`, async () => {
      const key = `${insureeId}|${date}`;
      const list = covering.get(key) ?? (await deps.policy.coveringPoliciesMany(s, [{ insureeId, date }])).get(key);
      return (list ?? []).map((p) => {
        const own = p.members.find((x) => x.insureeId === insureeId);
        return {
          id: p.id,
          productId: p.productId,
          stage: p.stage,
          status: p.status,
          effectiveDate: p.effectiveDate,
          expiryDate: p.expiryDate,
          insureeCoverage: own ? { effectiveDate: own.effectiveDate, expiryDate: own.expiryDate } : null,
          memberCoverages: p.members.map((x) => ({ effectiveDate: x.effectiveDate, expiryDate: x.expiryDate })),
        };
      });
    });
  }

  return {
    /** The engine input of one claim (its lines as stored). */
    async input(c: ClaimDetail): Promise<ClaimEngineInput> {
      const target = targetOf(c);
      const lines = [...c.items, ...c.services];
      const ins = insureeById.get(c.insureeId);
      const insuree: InsureeInput | null = ins ? { id: ins.id, birthDate: ins.dob, gender: ins.gender } : null;
      const hf = hfById.get(c.hfId);
      const itemIds = c.items.map((l) => l.medicalId);
      const serviceIds = c.services.map((l) => l.medicalId);
      const regItems = await register('item', target, itemIds);
      const regServices = await register('service', target, serviceIds);
      const plItems = await priceList('item', c.hfId, target);
      const plServices = await priceList('service', c.hfId, target);
      const pols = ins ? await policies(c.insureeId, target) : [];
      const productIds = [...new Set(pols.map((p) => p.productId))];
      const products = new Map<string, ProductTerms>();
      for (const pid of productIds) {
        const t = await product(pid, target);
        if (t) products.set(pid, t);
      }
      await loadLedger(pols.map((p) => p.id));
      const claimIn: EngineClaim = {
        id: c.id,
        insureeId: c.insureeId,
        dateFrom: c.dateFrom,
        dateTo: c.dateTo,
        dateClaimed: c.dateClaimed,
        visitType: c.visitType,
        diagnoses: [c.icdId, ...c.secondaryIcdIds],
        facility: {
          id: c.hfId,
          level: (hf?.level ?? 'D') as HfLevel,
          careType: (hf?.careType ?? null) as CareType | null,
        },
        lines: lines.map((l) => ({
          lineId: l.id,
          kind: l.kind,
          medicalId: l.medicalId,
          qtyProvided: Number(l.qtyProvided),
          priceAsked: cents(l.priceAsked) ?? 0,
          qtyApproved: num(l.qtyApproved),
          priceApproved: cents(l.priceApproved),
          status: (l.status === 2 ? 'rejected' : 'passed') as LineStatus,
          rejectionReason: l.rejectionReason as RejectionCode,
        })),
      };
      const policyIds = new Set(pols.map((p) => p.id));
      return {
        claim: claimIn,
        insuree,
        policies: pols,
        products,
        register: { item: regItems, service: regServices } satisfies Register,
        priceList: { item: plItems, service: plServices } satisfies PriceList,
        history: {
          claims: (history.get(c.insureeId) ?? []).filter((h) => h.claimId !== c.id),
          ledger: [...policyIds].flatMap((p) => (ledger.get(p) ?? []).filter((r) => r.claimId !== c.id)),
        },
      };
    },
    /** Adds (or replaces) a claim in the run's history after its check or valuation. */
    remember(
      c: ClaimDetail,
      status: EngineStatus,
      category: string | null,
      passed: ReadonlyMap<string, { qtyApproved: number | null }>,
    ) {
      const list = history.get(c.insureeId) ?? [];
      const i = list.findIndex((h) => h.claimId === c.id);
      const h: HistoryClaim = {
        claimId: c.id,
        targetDate: c.dateTo ?? c.dateFrom,
        status,
        category: category as ServiceCategory | null,
        lines: [...c.items, ...c.services]
          .filter((l) => passed.has(l.id))
          .map((l) => ({
            kind: l.kind,
            medicalId: l.medicalId,
            qtyProvided: Number(l.qtyProvided),
            qtyApproved: passed.get(l.id)?.qtyApproved ?? null,
            passed: true,
          })),
      };
      if (i >= 0) list[i] = h;
      else list.push(h);
      history.set(c.insureeId, list);
    },
    rememberLedger(claimId: string, rows: readonly LedgerRow[]) {
      for (const policyId of policiesOfClaim.get(claimId) ?? [])
        ledger.set(
          policyId,
          (ledger.get(policyId) ?? []).filter((r) => r.claimId !== claimId),
        );
      policiesOfClaim.delete(claimId);
      for (const r of rows) addLedger(r);
    },
  };
}
