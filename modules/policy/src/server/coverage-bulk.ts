import { type Ctx, isUuid, pgArray, requireUser } from '@mutua/kernel';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { CoverageAsk, CoveringPolicy, InsureePolicy } from '../points.js';
import { toPolicy } from './read.js';
import { insureePolicy, policy } from './schema.js';

/** The key of one ask in the result of `coveringPoliciesMany`. */
export const coverageKey = (insureeId: string, date: string) => `${insureeId}|${date}`;

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
  // Every current coverage row of the asked insurees (a handful each, by the insuree index), dates checked below:
  // the planner cannot estimate a join on a JSON parameter and would scan the coverage table.
  const insureeIds = [...new Set(valid.map((a) => a.insureeId))];
  // Each coverage row with its policy and the policy's members as one JSON list (dates are text in JSON already).
  const members = sql<InsureePolicy[]>`(SELECT json_agg(json_build_object('id', m.id, 'policyId', m.policy_id,
      'insureeId', m.insuree_id, 'enrollmentDate', m.enrollment_date, 'startDate', m.start_date,
      'effectiveDate', m.effective_date, 'expiryDate', m.expiry_date) ORDER BY m.id)
    FROM insuree_policy m WHERE m.policy_id = ${policy.id} AND m.valid_to IS NULL)`;
  const ids = sql`${pgArray(insureeIds)}::uuid[]`;
  // Evaluated once, before the rows (an uncorrelated subquery): the caller's locks on these insurees' policies.
  const locked = opts.lock
    ? sql<number>`(SELECT count(pg_advisory_xact_lock(h)) FROM (SELECT DISTINCT hashtext(${`${opts.lock}:`} || ip.policy_id::text) AS h
        FROM insuree_policy ip JOIN policy lp ON lp.id = ip.policy_id AND lp.valid_to IS NULL AND lp.status IN (2, 8)
        WHERE ip.insuree_id = ANY(${ids}) AND ip.valid_to IS NULL ORDER BY 1) AS locks)`
    : sql<number>`0`;
  const found = await ctx.db
    .select({ p: policy, c: insureePolicy, members, locked })
    .from(insureePolicy)
    .innerJoin(
      policy,
      and(eq(policy.id, insureePolicy.policyId), isNull(policy.validTo), inArray(policy.status, [2, 8])),
    )
    .where(and(sql`${insureePolicy.insureeId} = ANY(${ids})`, isNull(insureePolicy.validTo)))
    .orderBy(desc(policy.expiryDate), asc(policy.id))
    // A named statement: every claim check runs it, and its text does not change with the asks.
    .prepare(opts.lock ? 'policy_covering_many_locked' : 'policy_covering_many')
    .execute();
  const covers = found.map((r) => ({ p: r.p, c: r.c, members: r.members ?? [] }));
  const byInsuree = new Map<string, typeof covers>();
  for (const e of covers) {
    const list = byInsuree.get(e.c.insureeId) ?? [];
    list.push(e);
    byInsuree.set(e.c.insureeId, list);
  }
  const within = (d: string, from: string | null, to: string) => from !== null && from <= d && to >= d;
  const done = new Set<string>();
  for (const a of valid) {
    const key = coverageKey(a.insureeId, a.date);
    if (done.has(key)) continue;
    done.add(key);
    const list = out.get(key)!;
    for (const e of byInsuree.get(a.insureeId) ?? []) {
      if (within(a.date, e.c.effectiveDate, e.c.expiryDate) && within(a.date, e.p.effectiveDate, e.p.expiryDate))
        list.push({ ...toPolicy(e.p), members: e.members });
    }
  }
  return out;
}
