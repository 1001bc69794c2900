import { type Ctx, pgArray, queryRows } from '@mutua/kernel';
import { sql } from 'drizzle-orm';
import type { HistoryClaim, LedgerRow, ServiceCategory } from '../domain/types.js';
import { num, STATUS_NAME, toLedger } from './engine-terms.js';

/**
 * Takes the transaction locks of these policies' claims, in one order for every caller (no deadlock). Read history
 * only after it: a statement sees the claims committed before it started.
 */
export async function lockPolicies(ctx: Ctx, policyIds: readonly string[]): Promise<void> {
  if (!policyIds.length) return;
  await ctx.db.execute(
    sql`SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtext('claim-ledger:' || id) AS h FROM unnest(${pgArray(policyIds)}::text[]) AS id ORDER BY 1) AS locks`,
  );
}

type ClaimTuple = [id: string, insureeId: string, targetDate: string | null, status: number, category: string | null];
type LineTuple = [claimId: string, medicalId: string, qtyProvided: string, qtyApproved: string | null, status: number];

/**
 * What the rules need of earlier claims, in one round trip: every checked, processed or valuated claim of these
 * insurees (not the ones being judged) with their accepted lines, and the deductible/ceiling ledger of these
 * policies. Amounts travel as text, so they stay exact.
 */
export async function readHistory(
  ctx: Ctx,
  insureeIds: readonly string[],
  judged: readonly string[],
  policyIds: readonly string[],
): Promise<{ history: Map<string, HistoryClaim[]>; ledger: LedgerRow[] }> {
  const history = new Map<string, HistoryClaim[]>();
  if (!insureeIds.length) return { history, ledger: [] };
  const ins = pgArray(insureeIds);
  const lines = (table: 'claim_item' | 'claim_service', id: 'item_id' | 'service_id') =>
    sql`(SELECT json_agg(json_build_array(l.claim_id, l.${sql.raw(id)}, l.qty_provided::text, l.qty_approved::text, l.status))
         FROM ${sql.raw(table)} l WHERE l.insuree_id = ANY(${ins}::uuid[]) AND l.rejection_reason = 0)`;
  const [row] = await queryRows<{
    claims: ClaimTuple[] | null;
    items: LineTuple[] | null;
    services: LineTuple[] | null;
    ledger: Array<Parameters<typeof toLedger>[0]> | null;
  }>(
    ctx.db,
    sql`SELECT
      (SELECT json_agg(json_build_array(c.id, c.insuree_id, c.target_date, c.status, c.category)) FROM claim c
        WHERE c.insuree_id = ANY(${ins}::uuid[]) AND c.status > 2 AND c.deleted_at IS NULL
          AND c.id <> ALL(${pgArray(judged)}::uuid[])) AS claims,
      ${lines('claim_item', 'item_id')} AS items,
      ${lines('claim_service', 'service_id')} AS services,
      (SELECT json_agg(json_build_object('claimId', d.claim_id, 'policyId', d.policy_id, 'insureeId', d.insuree_id,
          'dedG', d.ded_g::text, 'remG', d.rem_g::text, 'dedIp', d.ded_ip::text, 'remIp', d.rem_ip::text,
          'dedOp', d.ded_op::text, 'remOp', d.rem_op::text, 'remConsult', d.rem_consult::text,
          'remSurgery', d.rem_surgery::text, 'remDelivery', d.rem_delivery::text,
          'remHospitalization', d.rem_hospitalization::text, 'remAntenatal', d.rem_antenatal::text))
        FROM claim_ded_rem d WHERE d.policy_id = ANY(${pgArray(policyIds)}::uuid[])) AS ledger`,
  );
  const byClaim = new Map<string, HistoryClaim & { lines: HistoryClaim['lines'][number][] }>();
  for (const [id, insureeId, targetDate, status, category] of row?.claims ?? []) {
    const h = {
      claimId: id,
      targetDate: targetDate ?? '',
      status: STATUS_NAME[status] ?? 'checked',
      category: (category as ServiceCategory | null) ?? null,
      lines: [] as HistoryClaim['lines'][number][],
    };
    byClaim.set(id, h);
    const list = history.get(insureeId) ?? [];
    list.push(h);
    history.set(insureeId, list);
  }
  for (const [kind, list] of [
    ['item', row?.items],
    ['service', row?.services],
  ] as const) {
    for (const [claimId, medicalId, qtyProvided, qtyApproved, status] of list ?? []) {
      byClaim.get(claimId)?.lines.push({
        kind,
        medicalId,
        qtyProvided: Number(qtyProvided),
        qtyApproved: num(qtyApproved),
        passed: status === 1,
      });
    }
  }
  return { history, ledger: (row?.ledger ?? []).map(toLedger) };
}
