import type { InsureeApi } from '@mutua/insuree';
import { type Benchmark, type Ctx, withTransaction } from '@mutua/kernel';
import type { LocationService } from '@mutua/location';
import type { MedicalApi } from '@mutua/medical';
import type { ProductApi } from '@mutua/product';
import { sql } from 'drizzle-orm';
import type { ClaimBatchApi } from '../points.js';
import { sys } from './input.js';

/** The services the benchmark reads its reference data from (set in setup). */
export const benchDeps = new WeakMap<
  ClaimBatchApi,
  { location: LocationService; product: ProductApi; medical: MedicalApi; insuree: InsureeApi }
>();

/** Lines per run: `MUTUA_BENCH_BATCH_LINES` (default 20,000, about a minute on PGlite; 1,000,000 at national scale). */
export function benchLines(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.MUTUA_BENCH_BATCH_LINES ?? 20_000);
  if (!Number.isInteger(n) || n < 4) throw new RangeError('MUTUA_BENCH_BATCH_LINES must be a whole number ≥ 4');
  return n;
}
const LINES_PER_CLAIM = 4;
/** Lines inserted per statement while preparing (keeps memory and WAL bursts bounded). */
const FIXTURE_CHUNK = 200_000;
/** Far-future months that no other data uses: run k closes month k of 2090 onwards. */
const FIRST_YEAR = 2090;
const monthOf = (k: number) => ({ year: FIRST_YEAR + Math.floor(k / 12), month: (k % 12) + 1 });
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
/** Claim `i` of month `k` and its line `j` (SQL over the series variables i, j): ordered ids, months apart. */
const claimId = (k: number) =>
  sql.raw(`('b' || lpad(to_hex(${k}), 7, '0') || '-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid`);
const lineId = (k: number) =>
  sql.raw(
    `('c' || lpad(to_hex(${k}), 7, '0') || '-0000-7000-8000-' || lpad(to_hex(i * ${LINES_PER_CLAIM} + j), 12, '0'))::uuid`,
  );

/** Iterations the bench runner will call (its BENCH_ITERATIONS, else ours) plus its warm-up (bench/src/measure.ts). */
function callsExpected(declared: number): number {
  const it = Number(process.env.BENCH_ITERATIONS ?? declared) || declared;
  return it + Math.max(2, Math.min(20, Math.round(it / 10)));
}

/**
 * A national batch run over N processed relative-price claim lines (DOMAIN.md §13) against one bare set-based UPDATE
 * of the same lines (remunerated amount) and claims (status, remunerated) in one transaction. A run settles its lines,
 * so every call closes a new month: the fixture, prepared on the first (warm-up) call, puts N fresh lines in each
 * month the runner will call. The fixture is written with set-based INSERT … SELECT generate_series into the claim
 * module's tables (a benchmark fixture only: the claim module has no bulk entry of processed claims).
 */
export function createBenchmarks(ctx: Ctx, api: ClaimBatchApi): Benchmark[] {
  const deps = benchDeps.get(api);
  if (!deps) return [];
  const lines = benchLines();
  const claims = Math.ceil(lines / LINES_PER_CLAIM);
  const iterations = 1;
  const months = callsExpected(iterations);
  let prepared: Promise<void> | null = null;
  let runs = 0;

  async function prepare(): Promise<void> {
    const s = sys(ctx);
    const hfs = (await deps!.location.searchHealthFacilities(s, {}, { first: 20 })).edges.map((e) => e.node.id);
    const services = (await deps!.medical.searchServices(s, {}, { first: 50 })).edges
      .map((e) => e.node)
      .filter((m) => Number(m.price) > 0);
    const insuree = (await deps!.insuree.searchInsurees(s, {}, { first: 1 })).edges[0]?.node.id;
    // The generated country has no diagnoses; the batch never reads them (claim.icd_id has no foreign key).
    const icd =
      (await deps!.medical.searchDiagnoses(s, {}, { first: 1 })).edges[0]?.node.id ??
      '00000000-0000-4000-8000-000000000000';
    if (!hfs.length || !services.length || !insuree)
      throw new Error('claim-batch bench: needs health facilities, priced services and an insuree');
    const product =
      (await deps!.product.findByCode(s, 'BNCH-BAT')) ??
      (await deps!.product.createProduct(s, {
        code: 'BNCH-BAT',
        name: 'Benchmark: monthly relative pricing',
        dateFrom: `${FIRST_YEAR}-01-01`,
        dateTo: '2100-12-31',
        insurancePeriod: 12,
        lumpSum: '10000',
        maxMembers: 0,
        threshold: 0,
        relativeDistribution: [{ careType: 'B', periods: Array.from({ length: 12 }, () => '80') }],
      }));
    const hfArr = sql`ARRAY[${sql.join(
      hfs.map((h) => sql`${h}::uuid`),
      sql`, `,
    )}]`;
    const svcArr = sql`ARRAY[${sql.join(
      services.map((m) => sql`${m.id}::uuid`),
      sql`, `,
    )}]`;
    const priceArr = sql`ARRAY[${sql.join(
      services.map((m) => sql`${m.price}::numeric`),
      sql`, `,
    )}]`;
    const perChunk = Math.max(1, Math.floor(FIXTURE_CHUNK / LINES_PER_CLAIM));
    for (let k = 0; k < months; k++) {
      const { year, month } = monthOf(k);
      const days = lastDay(year, month);
      const tag = `bb${year}${pad(month)}`;
      for (let from = 0; from < claims; from += perChunk) {
        const to = Math.min(claims, from + perChunk) - 1;
        await withTransaction(ctx, async (tx) => {
          // Claim i of month k at facility i mod #hf, processed on day (i mod days) + 1. Ids are time-ordered like the
          // application's uuidv7 (claims then their lines), so indexes grow at their right edge as in production.
          await tx.db.execute(sql`
            INSERT INTO claim (id, code, hf_id, insuree_id, date_from, date_to, date_claimed, icd_id, status, claimed,
              date_processed, process_stamp)
            SELECT ${claimId(k)}, ${tag} || '-' || i, (${hfArr})[1 + i % ${hfs.length}],
              ${insuree}::uuid, d, d, d, ${icd}::uuid, 8,
              -- Σ price × quantity of the claim's lines (the same formulas as the line insert below)
              (SELECT sum((${priceArr})[1 + (i + j) % ${services.length}] * (1 + (i + j) % 3))
                 FROM generate_series(0, ${LINES_PER_CLAIM - 1}) AS j WHERE i * ${LINES_PER_CLAIM} + j < ${lines}),
              d, now()
            FROM generate_series(${from}::int, ${to}::int) AS i,
              LATERAL (SELECT make_date(${year}::int, ${month}::int, 1 + i % ${days}) AS d) AS dd`);
          await tx.db.execute(sql`
            INSERT INTO claim_service (id, claim_id, insuree_id, service_id, sort_order, status, qty_provided,
              price_asked, price_approved, product_id, price_origin)
            SELECT ${lineId(k)}, ${claimId(k)}, ${insuree}::uuid,
              (${svcArr})[1 + (i + j) % ${services.length}], j, 1, 1 + (i + j) % 3,
              (${priceArr})[1 + (i + j) % ${services.length}], (${priceArr})[1 + (i + j) % ${services.length}],
              ${product.id}::uuid, 'R'
            FROM generate_series(${from}::int, ${to}::int) AS i, generate_series(0, ${LINES_PER_CLAIM - 1}) AS j
            WHERE i * ${LINES_PER_CLAIM} + j < ${lines}`);
        });
      }
    }
    await ctx.db.execute(sql`ANALYZE claim`);
    await ctx.db.execute(sql`ANALYZE claim_service`);
  }
  const ready = () => {
    prepared ??= prepare();
    return prepared;
  };

  return [
    {
      name: `national batch run over ${lines.toLocaleString('en')} relative-price lines (${claims.toLocaleString('en')} claims)`,
      ops: lines,
      iterations,
      run: async () => {
        await ready();
        if (runs >= months) throw new Error(`claim-batch bench: prepared ${months} months, called more often`);
        const target = { ...monthOf(runs++), locationId: null };
        const { run } = await api.runBatch(ctx, target);
        const done = await api.executeRun(ctx, run.id);
        if (done.linesRemunerated < lines)
          throw new Error(`claim-batch bench: the run remunerated ${done.linesRemunerated} lines, not ${lines}`);
      },
      baseline: async () => {
        await ready();
        // The month the last run closed (its lines are settled; the UPDATE rewrites the same rows).
        const { year, month } = monthOf(Math.max(0, runs - 1));
        const start = `${year}-${pad(month)}-01`;
        const end = `${year}-${pad(month)}-${pad(lastDay(year, month))}`;
        await withTransaction(ctx, async (tx) => {
          await tx.db.execute(sql`
            UPDATE claim_service s SET remunerated_amount = round(s.price_approved * s.qty_provided * 0.8, 2)
            FROM claim c
            WHERE c.id = s.claim_id AND c.date_processed BETWEEN ${start}::date AND ${end}::date`);
          await tx.db.execute(sql`
            UPDATE claim c SET status = 16, remunerated = round(c.claimed * 0.8, 2)
            WHERE c.date_processed BETWEEN ${start}::date AND ${end}::date`);
        });
      },
    },
  ];
}
