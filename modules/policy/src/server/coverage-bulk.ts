import { type Ctx, defineStatement, isUuid, pgArray, requireUser } from '@mutua/kernel';
import { sql } from 'drizzle-orm';
import type { CoverageAsk, CoveringPolicy, InsureePolicy } from '../points.js';
import { toPolicy } from './read.js';
import type { policy } from './schema.js';

type PolicyRow = typeof policy.$inferSelect;

/** The key of one ask in the result of `coveringPoliciesMany`. */
export const coverageKey = (insureeId: string, date: string) => `${insureeId}|${date}`;

/** A coverage row of `coveringPoliciesMany`: the policy's columns (as drizzle reads them), the member's coverage. */
interface CoverRow {
  id: string;
  familyId: string;
  productId: string;
  stage: string;
  status: number;
  enrollDate: string;
  startDate: string;
  effectiveDate: string | null;
  expiryDate: string;
  value: string;
  officerId: string | null;
  previousPolicyId: string | null;
  /** timestamptz as the server writes it (drizzle reads it so too, then makes a Date of it) */
  validFrom: string;
  rowId: string;
  cInsureeId: string;
  cEffectiveDate: string | null;
  cExpiryDate: string;
  members: InsureePolicy[] | null;
}

const policyRow = (r: CoverRow): PolicyRow => ({
  rowId: r.rowId,
  id: r.id,
  validFrom: new Date(r.validFrom),
  validTo: null,
  familyId: r.familyId,
  productId: r.productId,
  stage: r.stage,
  status: r.status,
  enrollDate: r.enrollDate,
  startDate: r.startDate,
  effectiveDate: r.effectiveDate,
  expiryDate: r.expiryDate,
  value: r.value,
  officerId: r.officerId,
  previousPolicyId: r.previousPolicyId,
});

/**
 * The current coverage rows of the asked insurees (a handful each, by the insuree index; dates are checked in
 * JavaScript: the planner cannot estimate a join on a JSON parameter and would scan the coverage table), each with
 * its policy and the policy's members as one JSON list. With `lock`: first (an uncorrelated subquery, evaluated once
 * before the rows) the caller's transaction-scoped locks on these insurees' active policies, in one order.
 * Built once (every claim batch runs it); the rows as drizzle's select read them.
 */
function coveringStatement(locked: boolean) {
  const ids = sql`${sql.placeholder('ids')}::uuid[]`;
  const locks = locked
    ? sql`(SELECT count(pg_advisory_xact_lock(h)) FROM (SELECT DISTINCT hashtext(${sql.placeholder('lock')}::text || ip.policy_id::text) AS h
        FROM insuree_policy ip JOIN policy lp ON lp.id = ip.policy_id AND lp.valid_to IS NULL AND lp.status IN (2, 8)
        WHERE ip.insuree_id = ANY(${ids}) AND ip.valid_to IS NULL ORDER BY 1) AS locks)`
    : sql`0`;
  return defineStatement<{
    ids: string;
    lock?: string;
  }>(sql`SELECT p.row_id AS "rowId", p.id, p.valid_from AS "validFrom",
      p.family_id AS "familyId", p.product_id AS "productId", p.stage, p.status, p.enroll_date AS "enrollDate",
      p.start_date AS "startDate", p.effective_date AS "effectiveDate", p.expiry_date AS "expiryDate", p.value,
      p.officer_id AS "officerId", p.previous_policy_id AS "previousPolicyId",
      c.insuree_id AS "cInsureeId", c.effective_date AS "cEffectiveDate", c.expiry_date AS "cExpiryDate",
      (SELECT json_agg(json_build_object('id', m.id, 'policyId', m.policy_id,
        'insureeId', m.insuree_id, 'enrollmentDate', m.enrollment_date, 'startDate', m.start_date,
        'effectiveDate', m.effective_date, 'expiryDate', m.expiry_date) ORDER BY m.id)
       FROM insuree_policy m WHERE m.policy_id = p.id AND m.valid_to IS NULL) AS members,
      ${locks} AS locked
    FROM insuree_policy c JOIN policy p ON p.id = c.policy_id AND p.valid_to IS NULL AND p.status IN (2, 8)
    WHERE c.insuree_id = ANY(${ids}) AND c.valid_to IS NULL
    ORDER BY p.expiry_date DESC, p.id ASC`);
}
const covering = coveringStatement(false);
const coveringLocked = coveringStatement(true);

/**
 * `coveringPolicies` for many (insuree, date) asks in one query — the asked insurees' coverage rows, their policies
 * and every member row of those policies — so a bulk claim check costs the same round trip for 500 claims as for one.
 * Same rules as `coveringPolicies` (active or expired policy, member covered on the date), same order (latest expiry
 * first).
 */
export async function coveringPoliciesMany(
  ctx: Ctx,
  asks: readonly CoverageAsk[],
  opts: { lock?: string } = {},
): Promise<Map<string, CoveringPolicy[]>> {
  requireUser(ctx);
  const out = new Map<string, CoveringPolicy[]>();
  const valid = asks.filter((a) => isUuid(a.insureeId) && /^\d{4}-\d{2}-\d{2}$/.test(a.date));
  for (const a of asks) out.set(coverageKey(a.insureeId, a.date), []);
  if (!valid.length) return out;
  const ids = pgArray([...new Set(valid.map((a) => a.insureeId))]);
  const found = await (opts.lock ? coveringLocked : covering)<CoverRow>(ctx.db, {
    ids,
    ...(opts.lock ? { lock: `${opts.lock}:` } : {}),
  });
  const byInsuree = new Map<string, CoverRow[]>();
  for (const r of found) {
    const list = byInsuree.get(r.cInsureeId) ?? [];
    list.push(r);
    byInsuree.set(r.cInsureeId, list);
  }
  const within = (d: string, from: string | null, to: string) => from !== null && from <= d && to >= d;
  const done = new Set<string>();
  for (const a of valid) {
    const key = coverageKey(a.insureeId, a.date);
    if (done.has(key)) continue;
    done.add(key);
    const list = out.get(key)!;
    for (const r of byInsuree.get(a.insureeId) ?? []) {
      if (within(a.date, r.cEffectiveDate, r.cExpiryDate) && within(a.date, r.effectiveDate, r.expiryDate))
        list.push({ ...toPolicy(policyRow(r)), members: r.members ?? [] });
    }
  }
  return out;
}
