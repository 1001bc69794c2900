import { type Ctx, isUuid, requireUser } from '@mutua/kernel';
import { and, asc, inArray, isNull, sql } from 'drizzle-orm';
import type { CoverageAsk, CoveringPolicy } from '../points.js';
import { toCoverage, toPolicy } from './read.js';
import { insureePolicy, policy } from './schema.js';

/** The key of one ask in the result of `coveringPoliciesMany`. */
export const coverageKey = (insureeId: string, date: string) => `${insureeId}|${date}`;

/**
 * `coveringPolicies` for many (insuree, date) asks in two queries — one joins the asks (as a JSON parameter) to the
 * coverage rows, one reads the members of the policies found — so a bulk claim check costs the same two round-trips
 * for 500 claims as for one. Same rules as `coveringPolicies` (active or expired policy, member covered on the date),
 * same order (latest expiry first).
 */
export async function coveringPoliciesMany(
  ctx: Ctx,
  asks: readonly CoverageAsk[],
): Promise<Map<string, CoveringPolicy[]>> {
  requireUser(ctx);
  const out = new Map<string, CoveringPolicy[]>();
  const valid = asks.filter((a) => isUuid(a.insureeId) && /^\d{4}-\d{2}-\d{2}$/.test(a.date));
  for (const a of asks) out.set(coverageKey(a.insureeId, a.date), []);
  if (!valid.length) return out;
  const unique = [...new Map(valid.map((a) => [coverageKey(a.insureeId, a.date), a])).values()];
  const rows = await ctx.db
    .select({ p: policy, insureeId: sql<string>`a.insuree_id::text`, date: sql<string>`a.d::text` })
    .from(sql`jsonb_to_recordset(${JSON.stringify(unique.map((a) => ({ insuree_id: a.insureeId, d: a.date })))}::jsonb)
      AS a(insuree_id uuid, d date)`)
    .innerJoin(
      insureePolicy,
      and(
        sql`${insureePolicy.insureeId} = a.insuree_id`,
        isNull(insureePolicy.validTo),
        sql`${insureePolicy.effectiveDate} <= a.d AND ${insureePolicy.expiryDate} >= a.d`,
      ),
    )
    .innerJoin(
      policy,
      and(
        sql`${policy.id} = ${insureePolicy.policyId}`,
        isNull(policy.validTo),
        inArray(policy.status, [2, 8]),
        sql`${policy.effectiveDate} <= a.d AND ${policy.expiryDate} >= a.d`,
      ),
    )
    .orderBy(sql`${policy.expiryDate} DESC`, asc(policy.id));
  const policyIds = [...new Set(rows.map((r) => r.p.id))];
  const members = new Map<string, ReturnType<typeof toCoverage>[]>();
  for (let i = 0; i < policyIds.length; i += 5000) {
    const part = await ctx.db
      .select()
      .from(insureePolicy)
      .where(and(inArray(insureePolicy.policyId, policyIds.slice(i, i + 5000)), isNull(insureePolicy.validTo)))
      .orderBy(asc(insureePolicy.id));
    for (const m of part) {
      const list = members.get(m.policyId) ?? [];
      list.push(toCoverage(m));
      members.set(m.policyId, list);
    }
  }
  for (const r of rows) {
    out.get(coverageKey(r.insureeId, r.date))?.push({ ...toPolicy(r.p), members: members.get(r.p.id) ?? [] });
  }
  return out;
}
