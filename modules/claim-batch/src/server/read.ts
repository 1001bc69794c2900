import { type Ctx, queryRows } from '@mutua/kernel';
import { type SQL, sql } from 'drizzle-orm';
import { formatCents } from '../domain/money.js';
import type { CapitationRow, IndexRow } from '../domain/types.js';
import type { BatchRun, BillLineRow, BillTotals, CapitationReport, RelativeIndexRow } from '../points.js';

/** Plan index rows as the API shows them. */
export const indexRows = (rows: readonly IndexRow[]): RelativeIndexRow[] =>
  rows.map((i) => ({
    productId: i.productId,
    careType: i.careType,
    periodType: i.periodType,
    relType: i.relType,
    year: i.year,
    period: i.period,
    windowStart: i.window.start,
    windowEnd: i.window.end,
    allocated: formatCents(i.allocated),
    sharePercent: i.sharePercent,
    pool: formatCents(i.pool),
    claimValue: formatCents(i.claimValue),
    index: i.index,
  }));

/** Plan capitation rows as the API shows them. */
export const capitationReports = (rows: readonly CapitationRow[]): CapitationReport[] =>
  rows.map((c) => ({
    productId: c.productId,
    periodType: c.periodType,
    windowStart: c.window.start,
    windowEnd: c.window.end,
    allocated: formatCents(c.allocated),
    sharePercent: c.sharePercent,
    pool: formatCents(c.pool),
    components: c.components.map((x) => ({
      component: x.component,
      weightPercent: x.weightPercent,
      amount: formatCents(x.amount),
      total: formatCents(x.total),
      unitPrice: x.unitPrice,
    })),
    payments: c.facilities.map((f) => ({
      facilityId: f.facilityId,
      payment: formatCents(f.payment),
      components: Object.fromEntries(
        Object.keys(f.values).map((k) => [
          k,
          {
            value: formatCents(f.values[k as keyof typeof f.values]),
            amount: formatCents(f.amounts[k as keyof typeof f.amounts]),
          },
        ]),
      ),
    })),
  }));

export function readRuns(ctx: Ctx, where: SQL, limit: number): Promise<BatchRun[]> {
  return queryRows<BatchRun>(
    ctx.db,
    sql`SELECT r.id::text AS id, r.run_year::int AS year, r.run_month::int AS month, r.location_id::text AS "locationId",
          r.level, r.status, r.job_id::text AS "jobId", r.claims_valuated AS "claimsValuated",
          r.lines_remunerated AS "linesRemunerated", r.claimed::text AS claimed, r.remunerated::text AS remunerated,
          r.capitation::text AS capitation, to_char(r.run_date AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "runDate",
          to_char(r.finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "finishedAt"
        FROM batch_run r WHERE ${where}
        ORDER BY r.run_year DESC, r.run_month DESC, r.id DESC LIMIT ${limit}`,
  );
}

export function readIndexes(ctx: Ctx, runId: string): Promise<RelativeIndexRow[]> {
  return queryRows<RelativeIndexRow>(
    ctx.db,
    sql`SELECT product_id::text AS "productId", care_type AS "careType", period_type AS "periodType",
          rel_type::int AS "relType", rel_year::int AS year, rel_period::int AS period,
          window_start::text AS "windowStart", window_end::text AS "windowEnd", allocated::text AS allocated,
          share_percent::text AS "sharePercent", pool::text AS pool, claim_value::text AS "claimValue",
          rel_index::text AS index
        FROM batch_relative_index WHERE run_id = ${runId}::uuid ORDER BY product_id, care_type`,
  );
}

const billColumns = sql`b.id::text AS id, b.run_id::text AS "runId", b.hf_id::text AS "facilityId",
  b.claimed::text AS claimed, b.remunerated::text AS remunerated, b.deduction::text AS deduction,
  b.line_count AS "lineCount"`;

export function readBills(ctx: Ctx, runId: string, scope?: SQL): Promise<BillTotals[]> {
  return queryRows<BillTotals>(
    ctx.db,
    sql`SELECT ${billColumns} FROM provider_bill b WHERE b.run_id = ${runId}::uuid AND ${scope ?? sql`true`}
        ORDER BY b.hf_id`,
  );
}

export async function readBill(
  ctx: Ctx,
  id: string,
  scope?: SQL,
): Promise<(BillTotals & { lines: BillLineRow[] }) | null> {
  const [bill] = await queryRows<BillTotals>(
    ctx.db,
    sql`SELECT ${billColumns} FROM provider_bill b WHERE b.id = ${id}::uuid AND ${scope ?? sql`true`}`,
  );
  if (!bill) return null;
  const lines = await queryRows<BillLineRow>(
    ctx.db,
    sql`SELECT claim_id::text AS "claimId", claimed::text AS claimed, remunerated::text AS remunerated,
          deduction::text AS deduction
        FROM provider_bill_line WHERE bill_id = ${id}::uuid ORDER BY claim_id`,
  );
  return { ...bill, lines };
}

export async function readCapitation(ctx: Ctx, runId: string): Promise<CapitationReport[]> {
  const caps = await queryRows<Omit<CapitationReport, 'payments'> & { id: string }>(
    ctx.db,
    sql`SELECT id::text AS id, product_id::text AS "productId", period_type AS "periodType",
          window_start::text AS "windowStart", window_end::text AS "windowEnd", allocated::text AS allocated,
          share_percent::text AS "sharePercent", pool::text AS pool, components
        FROM batch_capitation WHERE run_id = ${runId}::uuid ORDER BY product_id`,
  );
  const pays = await queryRows<CapitationReport['payments'][number] & { capitationId: string }>(
    ctx.db,
    sql`SELECT capitation_id::text AS "capitationId", hf_id::text AS "facilityId", payment::text AS payment, components
        FROM batch_capitation_payment WHERE run_id = ${runId}::uuid ORDER BY hf_id`,
  );
  return caps.map(({ id, ...c }) => ({
    ...c,
    payments: pays.filter((p) => p.capitationId === id).map(({ capitationId: _c, ...p }) => p),
  }));
}
