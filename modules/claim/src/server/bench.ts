import { type Benchmark, type Ctx, uuidv7, withTransaction } from '@mutua/kernel';
import { formatCents, parseCents } from '../domain/money.js';
import type { ClaimInput } from '../points.js';
import { daysBefore } from './demo.js';
import { depsOf } from './deps.js';
import { seeded } from './generate.js';
import { claim, claimItem, claimService } from './schema.js';
import type { ClaimService } from './service.js';

const BULK = 100;
const CLIENTS = 8;

interface Line {
  medicalId: string;
  cents: number;
}

/**
 * (a) Bulk check and valuation of 100 entered claims (5 lines each) against the bare batched insert of the same rows
 * (100 claims per transaction); the operation writes them the same way first, so the ratio is the cost of the rules.
 * (b) One claim per request (entry + check + valuation in one transaction), 8 clients at once, against the bare
 * insert of one claim and its lines per transaction at the same concurrency.
 */
export async function createBenchmarks(ctx: Ctx, claims: ClaimService): Promise<Benchmark[]> {
  const deps = depsOf.get(claims);
  if (!deps) return [];
  const today = daysBefore(new Date().toISOString().slice(0, 10), 0);

  const hf = (await deps.location.searchHealthFacilities(ctx, {}, { first: 50 })).edges
    .map((e) => e.node)
    .find((h) => h.careType !== 'I');
  if (!hf) return [];
  const lists = await deps.pricelist.facilityPricelists(ctx, hf.id);
  const priced = async (kind: 'items' | 'services', listId: string | null): Promise<Line[]> =>
    listId
      ? (await deps.pricelist[kind].details(ctx, listId))
          .filter((d) => d.price !== null)
          .slice(0, 40)
          .map((d) => ({ medicalId: d.medicalId, cents: parseCents(d.price ?? '0') ?? 0 }))
      : [];
  const items = await priced('items', lists.itemsPricelistId);
  const services = await priced('services', lists.servicesPricelistId);
  const icd = (await deps.medical.searchDiagnoses(ctx, {}, { first: 1 })).edges[0]?.node;
  // Patients with an active policy today, so the check and valuation do their full work.
  const patients: Array<{ id: string; chfId: string }> = [];
  for (const e of (await deps.insuree.searchInsurees(ctx, {}, { first: 500 })).edges) {
    if (patients.length >= 50) break;
    if ((await deps.policy.coveringPolicies(ctx, e.node.id, today)).length)
      patients.push({ id: e.node.id, chfId: e.node.chfId });
  }
  if (!items.length || !services.length || !icd || !patients.length) return [];
  const rng = seeded(7);
  const pickLines = () => ({
    items: [0, 1, 2].map(() => rng.pick(items)),
    services: [0, 1].map(() => rng.pick(services)),
  });
  const code = () => `B${uuidv7().replace(/-/g, '').slice(-14)}`;

  /** The rows of `n` entered claims, as the entry writes them. */
  const enteredRows = (n: number) => {
    const claims: Array<typeof claim.$inferInsert> = [];
    const itemRows: Array<typeof claimItem.$inferInsert> = [];
    const serviceRows: Array<typeof claimService.$inferInsert> = [];
    for (let i = 0; i < n; i++) {
      const id = uuidv7();
      const who = rng.pick(patients);
      const { items: its, services: svs } = pickLines();
      let sum = 0;
      const row = (l: Line, sortOrder: number) => {
        sum += l.cents;
        return {
          id: uuidv7(),
          claimId: id,
          insureeId: who.id,
          medicalId: l.medicalId,
          sortOrder,
          qtyProvided: '1',
          priceAsked: formatCents(l.cents),
        };
      };
      itemRows.push(...its.map(row));
      serviceRows.push(...svs.map(row));
      claims.push({
        id,
        code: code(),
        hfId: hf.id,
        insureeId: who.id,
        dateFrom: today,
        dateTo: today,
        dateClaimed: today,
        icdId: icd.id,
        claimed: formatCents(sum),
      });
    }
    return { claims, itemRows, serviceRows };
  };
  const insert = async (tx: Ctx, rows: ReturnType<typeof enteredRows>) => {
    await tx.db.insert(claim).values(rows.claims);
    if (rows.itemRows.length) await tx.db.insert(claimItem).values(rows.itemRows);
    if (rows.serviceRows.length) await tx.db.insert(claimService).values(rows.serviceRows);
  };
  const input = (): ClaimInput => {
    const { items: its, services: svs } = pickLines();
    return {
      code: code(),
      hfId: hf.id,
      insureeNumber: rng.pick(patients).chfId,
      dateFrom: today,
      dateClaimed: today,
      icdId: icd.id,
      items: its.map((l) => ({ medicalId: l.medicalId, qtyProvided: '1' })),
      services: svs.map((l) => ({ medicalId: l.medicalId, qtyProvided: '1' })),
    };
  };
  const concurrently = (fn: () => Promise<unknown>) => Promise.all(Array.from({ length: CLIENTS }, fn));

  return [
    {
      name: `bulk check + valuation (${BULK} claims × 5 lines)`,
      ops: BULK,
      iterations: 20,
      run: async () => {
        const rows = enteredRows(BULK);
        await withTransaction(ctx, (tx) => insert(tx, rows));
        const ids = rows.claims.map((c) => c.id!);
        await claims.submitClaims(ctx, ids);
        await claims.processClaims(ctx, ids);
      },
      baseline: async () => {
        const rows = enteredRows(BULK);
        await withTransaction(ctx, (tx) => insert(tx, rows));
      },
    },
    {
      name: `claim entry + check + valuation, ${CLIENTS} clients`,
      ops: CLIENTS,
      iterations: 30,
      run: async () => {
        await concurrently(() =>
          withTransaction(ctx, async (tx) => {
            const c = await claims.createClaim(tx, input());
            await claims.submitClaims(tx, [c.id]);
            await claims.processClaims(tx, [c.id]);
          }),
        );
      },
      baseline: async () => {
        await concurrently(() => withTransaction(ctx, (tx) => insert(tx, enteredRows(1))));
      },
    },
  ];
}
