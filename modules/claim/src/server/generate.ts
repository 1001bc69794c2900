import { type Ctx, type GenerateOptions, insertRows, uuidv7 } from '@mutua/kernel';
import { formatCents, parseCents } from '../domain/money.js';
import type { Deps } from './deps.js';
import { claim, claimItem, claimService } from './schema.js';

/** A small seeded generator (mulberry32): the same seed gives the same claims. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}

/** Earlier claims of a generated country: one per ten insurees (100,000 at national scale, as the benchmarks ask). */
export const claimsFor = (insurees: number) => Math.ceil(insurees / 10);
/** Generated claims are dated in the year before this day, so the same seed gives the same rows on any day. */
const ANCHOR = Date.UTC(2026, 0, 1);
const dayBefore = (days: number) => new Date(ANCHOR - days * 86_400_000).toISOString().slice(0, 10);
const BATCH = 1000;

interface Priced {
  id: string;
  cents: number;
}

/**
 * Earlier claims at scale (`mutua generate`, the benchmarks' history): one valuated claim of 3 items and 2 services
 * for each of the first `claimsFor(insurees)` insurees, at the facilities' prices, in multi-row inserts of 1,000 claims (5,000 lines).
 */
export async function generate(ctx: Ctx, deps: Deps, opts: GenerateOptions): Promise<void> {
  const total = claimsFor(opts.insurees);
  if (!total) return;
  const hfs = (await deps.location.searchHealthFacilities(ctx, {}, { first: 500 })).edges.map((e) => e.node);
  const icds = (await deps.medical.searchDiagnoses(ctx, {}, { first: 200 })).edges.map((e) => e.node.id);
  const items: Priced[] = (await deps.medical.searchItems(ctx, {}, { first: 200 })).edges.map((e) => ({
    id: e.node.id,
    cents: parseCents(e.node.price) ?? 0,
  }));
  const services: Priced[] = (await deps.medical.searchServices(ctx, {}, { first: 200 })).edges.map((e) => ({
    id: e.node.id,
    cents: parseCents(e.node.price) ?? 0,
  }));
  if (!hfs.length || !icds.length || !items.length || !services.length) return;
  const rng = seeded(opts.seed ^ 0xc1a1);
  let done = 0;
  let after: string | null = null;
  while (done < total) {
    const page = await deps.insuree.searchInsurees(ctx, {}, { first: 500, after });
    const insurees = page.edges.map((e) => e.node.id);
    if (!insurees.length) break;
    after = page.pageInfo.endCursor;
    for (let i = 0; i < insurees.length && done < total; i += BATCH) {
      const part = insurees.slice(i, Math.min(i + BATCH, i + total - done));
      const claims: Array<typeof claim.$inferInsert> = [];
      const itemRows: Array<typeof claimItem.$inferInsert> = [];
      const serviceRows: Array<typeof claimService.$inferInsert> = [];
      for (const insureeId of part) {
        const id = uuidv7();
        const to = dayBefore(rng.int(30, 395));
        let sum = 0;
        const line = (p: Priced, sortOrder: number) => {
          const qty = rng.int(1, 3);
          const amount = qty * p.cents;
          sum += amount;
          return {
            id: uuidv7(),
            claimId: id,
            insureeId,
            medicalId: p.id,
            sortOrder,
            status: 1,
            qtyProvided: String(qty),
            priceAsked: formatCents(p.cents),
            priceApproved: formatCents(p.cents),
            priceValuated: formatCents(amount),
            remuneratedAmount: formatCents(amount),
            priceOrigin: 'P',
          };
        };
        for (let k = 0; k < 3; k++) itemRows.push(line(rng.pick(items), k));
        for (let k = 0; k < 2; k++) serviceRows.push(line(rng.pick(services), k));
        const money = formatCents(sum);
        claims.push({
          id,
          code: `G${String(done + claims.length + 1).padStart(8, '0')}`,
          hfId: rng.pick(hfs).id,
          insureeId,
          dateFrom: to,
          dateTo: to,
          dateClaimed: to,
          icdId: rng.pick(icds),
          visitType: 'O',
          category: 'V',
          status: 16,
          reviewStatus: 2,
          feedbackStatus: 2,
          claimed: money,
          approved: money,
          valuated: money,
          remunerated: money,
          dateProcessed: to,
        });
      }
      await insertRows(ctx, claim, claims);
      await insertRows(ctx, claimItem, itemRows);
      await insertRows(ctx, claimService, serviceRows);
      done += claims.length;
      await opts.progress(done, total, 'claims');
    }
  }
}
