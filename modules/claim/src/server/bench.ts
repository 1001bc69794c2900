import { type Benchmark, type BenchTools, type Ctx, insertRows, uuidv7, withTransaction } from '@mutua/kernel';
import { formatCents, parseCents } from '../domain/money.js';
import type { ClaimInput } from '../points.js';
import { daysBefore } from './demo.js';
import { depsOf } from './deps.js';
import { seeded } from './generate.js';
import { claim, claimItem, claimService } from './schema.js';
import type { ClaimService } from './service.js';

const BULK = 100;
const CLIENTS = 8;
/** Insurees the benchmark's claims are for (those with a covering policy among them). */
const PATIENTS = 5000;
/** A date the generated policies cover (modules/policy generate: 2026-01-01 … 2026-12-31). */
const COVERED_DATE = '2026-06-15';

interface Line {
  medicalId: string;
  cents: number;
}

/**
 * (a) Bulk check and valuation of 100 entered claims (5 lines each) against the bare batched insert of the same rows
 * (100 claims per transaction); the claims are entered before each run, outside its timing.
 * (b) One claim per request (entry + check + valuation in one transaction), 8 clients at once, against the bare
 * insert of one claim and its lines per transaction at the same concurrency.
 */
export async function createBenchmarks(ctx: Ctx, claims: ClaimService, tools?: BenchTools): Promise<Benchmark[]> {
  const deps = depsOf.get(claims);
  if (!deps) throw new Error('claim bench: the service was not set up by this module');
  const missing = (what: string) =>
    new Error(
      `claim bench: ${what} — generate the country first (location, medical, medical-pricelist, product, insuree, policy)`,
    );

  const hf = (await deps.location.searchHealthFacilities(ctx, {}, { first: 50 })).edges
    .map((e) => e.node)
    .find((h) => h.careType !== 'I');
  if (!hf) throw missing('no out-patient health facility');
  const lists = await deps.pricelist.facilityPricelists(ctx, hf.id);
  // Lines any patient may get at an out-patient visit, as often as asked (so the check passes them).
  const priced = async (kind: 'items' | 'services', listId: string | null): Promise<Line[]> => {
    if (!listId) return [];
    const details = (await deps.pricelist[kind].details(ctx, listId)).filter((d) => d.price !== null);
    const ids = details.map((d) => d.medicalId);
    const register =
      kind === 'items' ? await deps.medical.getItems(ctx, ids) : await deps.medical.getServices(ctx, ids);
    const usable = new Set(
      register.filter((r) => r.careType !== 'I' && r.patientCategory === 15 && !r.frequency).map((r) => r.id),
    );
    return details
      .filter((d) => usable.has(d.medicalId))
      .slice(0, 40)
      .map((d) => ({ medicalId: d.medicalId, cents: parseCents(d.price ?? '0') ?? 0 }));
  };
  const items = await priced('items', lists.itemsPricelistId);
  const services = await priced('services', lists.servicesPricelistId);
  if (!items.length || !services.length) throw missing(`facility ${hf.code} has no priced items or services`);
  const icd = (await deps.medical.searchDiagnoses(ctx, {}, { first: 1 })).edges[0]?.node;
  if (!icd) throw missing('no diagnosis');
  // Patients with a policy covering the claim date, so the check and valuation do their full work: the generated
  // country's policies cover the year 2026 (a fixed date keeps runs comparable); the demo's cover today.
  // Patients spread over 5,000 insurees, as a country's claims are (not piled onto a few families' history).
  const candidates: Array<{ id: string; chfId: string }> = [];
  for (let after: string | null = null; candidates.length < PATIENTS; ) {
    const page = await deps.insuree.searchInsurees(ctx, {}, { first: 500, after });
    candidates.push(...page.edges.map((e) => e.node));
    after = page.pageInfo.endCursor;
    if (!page.pageInfo.hasNextPage) break;
  }
  let date = '';
  let patients: Array<{ id: string; chfId: string }> = [];
  for (const d of [COVERED_DATE, daysBefore(new Date().toISOString().slice(0, 10), 0)]) {
    const covering = await deps.policy.coveringPoliciesMany(
      ctx,
      candidates.map((c) => ({ insureeId: c.id, date: d })),
    );
    patients = candidates.filter((c) => covering.get(`${c.id}|${d}`)?.length);
    date = d;
    if (patients.length) break;
  }
  if (!patients.length) throw missing('no insuree with a covering policy');
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
        dateFrom: date,
        dateTo: date,
        dateClaimed: date,
        icdId: icd.id,
        claimed: formatCents(sum),
      });
    }
    return { claims, itemRows, serviceRows };
  };
  // The bare insert: one statement per table, values as one JSON parameter (the fastest write we have).
  const insert = async (tx: Ctx, rows: ReturnType<typeof enteredRows>) => {
    await insertRows(tx, claim, rows.claims);
    await insertRows(tx, claimItem, rows.itemRows);
    await insertRows(tx, claimService, rows.serviceRows);
  };
  const input = (): ClaimInput => {
    const { items: its, services: svs } = pickLines();
    return {
      code: code(),
      hfId: hf.id,
      insureeNumber: rng.pick(patients).chfId,
      dateFrom: date,
      dateClaimed: date,
      icdId: icd.id,
      items: its.map((l) => ({ medicalId: l.medicalId, qtyProvided: '1' })),
      services: svs.map((l) => ({ medicalId: l.medicalId, qtyProvided: '1' })),
    };
  };
  const concurrently = (fn: () => Promise<unknown>) => Promise.all(Array.from({ length: CLIENTS }, fn));
  let entered: string[] = [];

  return [
    {
      name: `bulk check + valuation (${BULK} claims × 5 lines)`,
      ops: BULK,
      // Enough to measure the steady state, as a national system runs: 20 iterations (2 warm-up) measured mostly
      // V8 compiling the engine (21.6 % against 24.5 % for 120 iterations, same database, same code).
      iterations: 100,
      prepare: async () => {
        const rows = enteredRows(BULK);
        await withTransaction(ctx, (tx) => insert(tx, rows));
        entered = rows.claims.map((c) => c.id!);
      },
      run: async () => {
        const done = await claims.submitClaims(ctx, entered, undefined, { process: true });
        if (done.valuated + done.processed !== BULK)
          throw new Error(`claim bench: ${BULK - done.valuated - done.processed} of ${BULK} claims were not valued`);
      },
      baseline: async () => {
        const rows = enteredRows(BULK);
        await withTransaction(ctx, (tx) => insert(tx, rows));
      },
    },
    {
      name: `claim entry + check + valuation per API request, ${CLIENTS} clients`,
      ops: CLIENTS,
      iterations: 150, // 1,200 claims, past the warm-up (see above)
      run: async () => {
        await concurrently(async () => {
          const status = tools
            ? await overHttp(tools, input())
            : (await claims.submitClaim(ctx, input(), { process: true })).status;
          if (status !== 16 && status !== 8)
            throw new Error(`claim bench: a submitted claim ended in status ${status}, not valuated`);
        });
      },
      baseline: async () => {
        await concurrently(() => withTransaction(ctx, (tx) => insert(tx, enteredRows(1))));
      },
    },
  ];
}

/** `POST /api/claims` with `process: true`, as a facility system sends it; the claim's final status. */
async function overHttp(tools: BenchTools, claim: ClaimInput): Promise<number> {
  const res = await tools.request({ method: 'POST', url: '/api/claims', body: { claim, process: true } });
  const body = res.body as { claim?: { status: number } } | null;
  if (res.status !== 200 || !body?.claim)
    throw new Error(`claim bench: POST /api/claims → ${res.status} ${JSON.stringify(body)}`);
  return body.claim.status;
}
