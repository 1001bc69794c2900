import { type Ctx, defineStatement, pgArray } from '@mutua/kernel';
import { sql } from 'drizzle-orm';
import type { HistoryClaim, LedgerRow, LineKind, ServiceCategory } from '../domain/types.js';
import { num, STATUS_NAME, toLedger } from './engine-terms.js';

/** The name of the transaction locks that make claims of one policy be judged one after the other (ADR 0011). */
export const LEDGER_LOCK = 'claim-ledger';

/** The ledger amounts in the order the history query lists them. */
const LEDGER_AMOUNTS = [
  'dedG',
  'remG',
  'dedIp',
  'remIp',
  'dedOp',
  'remOp',
  'remConsult',
  'remSurgery',
  'remDelivery',
  'remHospitalization',
  'remAntenatal',
] as const;

type ClaimTuple = [id: string, insureeId: string, targetDate: string | null, status: number, category: string | null];
type LineTuple = [claimId: string, medicalId: string, qtyProvided: string, qtyApproved: string | null, status: number];

/** An item or service a patient is claimed for: the only earlier provisions the rules look at (checks 5 and 16). */
export interface Asked {
  insureeId: string;
  kind: LineKind;
  medicalId: string;
}

/** The (patient, item) and (patient, service) pairs as two pairs of arrays, each pair once. */
function pairs(asked: readonly Asked[]) {
  const out = {
    item: { ins: [] as string[], ids: [] as string[] },
    service: { ins: [] as string[], ids: [] as string[] },
  };
  const seen = new Set<string>();
  for (const a of asked) {
    const key = `${a.kind}|${a.insureeId}|${a.medicalId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out[a.kind].ins.push(a.insureeId);
    out[a.kind].ids.push(a.medicalId);
  }
  return out;
}

const uuids = (name: string) => sql`${sql.placeholder(name)}::uuid[]`;
/**
 * One statement, rows of four shapes told apart by `k` (plain text columns: cheaper to build and read than JSON);
 * its text built once (every claim batch runs it).
 */
const historyStatement = defineStatement<
  Record<'ins' | 'judged' | 'itemIns' | 'itemIds' | 'serviceIns' | 'serviceIds' | 'policyIds', string>
>(sql`SELECT 'c' AS k, c.id::text AS a, c.insuree_id::text AS b, c.target_date::text AS c, c.category::text AS d, c.status::int AS n
    FROM claim c WHERE c.insuree_id = ANY(${uuids('ins')}) AND c.status > 2 AND c.deleted_at IS NULL
      AND c.id <> ALL(${uuids('judged')})
  UNION ALL SELECT 'i', l.claim_id::text, l.item_id::text, l.qty_provided::text, l.qty_approved::text, l.status::int
    FROM unnest(${uuids('itemIns')}, ${uuids('itemIds')}) AS a(insuree_id, medical_id)
    JOIN claim_item l ON l.insuree_id = a.insuree_id AND l.item_id = a.medical_id AND l.rejection_reason = 0
  UNION ALL SELECT 's', l.claim_id::text, l.service_id::text, l.qty_provided::text, l.qty_approved::text, l.status::int
    FROM unnest(${uuids('serviceIns')}, ${uuids('serviceIds')}) AS a(insuree_id, medical_id)
    JOIN claim_service l ON l.insuree_id = a.insuree_id AND l.service_id = a.medical_id AND l.rejection_reason = 0
  UNION ALL SELECT 'l', d.claim_id::text, d.policy_id::text, d.insuree_id::text,
      concat_ws(',', d.ded_g, d.rem_g, d.ded_ip, d.rem_ip, d.ded_op, d.rem_op, d.rem_consult, d.rem_surgery,
        d.rem_delivery, d.rem_hospitalization, d.rem_antenatal), 0
    FROM claim_ded_rem d WHERE d.policy_id = ANY(${uuids('policyIds')})`);

/**
 * What the rules need of earlier claims, in one round trip: every checked, processed or valuated claim of these
 * insurees (not the ones being judged), their accepted lines of the items and services now asked for the same patient
 * (the frequency and quantity checks look at no other: a patient's long history costs nothing), and the
 * deductible/ceiling ledger of these policies. Amounts travel as text, so they stay exact.
 */
export async function readHistory(
  ctx: Ctx,
  insureeIds: readonly string[],
  judged: readonly string[],
  policyIds: readonly string[],
  asked: readonly Asked[],
): Promise<{ history: Map<string, HistoryClaim[]>; ledger: LedgerRow[] }> {
  const history = new Map<string, HistoryClaim[]>();
  if (!insureeIds.length) return { history, ledger: [] };
  const ins = pgArray(insureeIds);
  const p = pairs(asked);
  const rows = await historyStatement<{
    k: 'c' | 'i' | 's' | 'l';
    a: string;
    b: string;
    c: string | null;
    d: string | null;
    n: number;
  }>(ctx.db, {
    ins,
    judged: pgArray(judged),
    itemIns: pgArray(p.item.ins),
    itemIds: pgArray(p.item.ids),
    serviceIns: pgArray(p.service.ins),
    serviceIds: pgArray(p.service.ids),
    policyIds: pgArray(policyIds),
  });
  const row = {
    claims: [] as ClaimTuple[],
    items: [] as LineTuple[],
    services: [] as LineTuple[],
    ledger: [] as LedgerRow[],
  };
  for (const r of rows) {
    if (r.k === 'c') row.claims.push([r.a, r.b, r.c, r.n, r.d]);
    else if (r.k === 'i') row.items.push([r.a, r.b, r.c ?? '0', r.d, r.n]);
    else if (r.k === 's') row.services.push([r.a, r.b, r.c ?? '0', r.d, r.n]);
    else {
      const amounts = (r.d ?? '').split(',');
      const entry = Object.fromEntries(LEDGER_AMOUNTS.map((f, i) => [f, amounts[i] ?? '0']));
      row.ledger.push(
        toLedger({ claimId: r.a, policyId: r.b, insureeId: r.c ?? '', ...entry } as Parameters<typeof toLedger>[0]),
      );
    }
  }
  const byClaim = new Map<string, HistoryClaim & { lines: HistoryClaim['lines'][number][] }>();
  for (const [id, insureeId, targetDate, status, category] of row.claims) {
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
    ['item', row.items],
    ['service', row.services],
  ] as const) {
    for (const [claimId, medicalId, qtyProvided, qtyApproved, status] of list) {
      byClaim.get(claimId)?.lines.push({
        kind,
        medicalId,
        qtyProvided: Number(qtyProvided),
        qtyApproved: num(qtyApproved),
        passed: status === 1,
      });
    }
  }
  return { history, ledger: row.ledger };
}
