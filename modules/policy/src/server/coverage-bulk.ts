import { type Ctx, isUuid, requireUser } from '@mutua/kernel';
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { CoverageAsk, CoveringPolicy } from '../points.js';
import { toCoverage, toPolicy } from './read.js';
import { insureePolicy, policy } from './schema.js';

/** The key of one ask in the result of `coveringPoliciesMany`. */
export const coverageKey = (insureeId: string, date: string) => `${insureeId}|${date}`;

/**
 * `coveringPolicies` for many (insuree, date) asks in two queries — one reads the asked insurees' coverage rows, one
 * the members of the policies found — so a bulk claim check costs the same two round-trips
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
  // Every current coverage row of the asked insurees (a handful each, by the insuree index), dates checked below:
  // the planner cannot estimate a join on a JSON parameter and would scan the coverage table.
  const insureeIds = [...new Set(valid.map((a) => a.insureeId))];
  const found = await ctx.db
    .select({ p: policy, c: insureePolicy })
    .from(insureePolicy)
    .innerJoin(
      policy,
      and(eq(policy.id, insureePolicy.policyId), isNull(policy.validTo), inArray(policy.status, [2, 8])),
    )
    .where(and(inArray(insureePolicy.insureeId, insureeIds), isNull(insureePolicy.validTo)))
    .orderBy(desc(policy.expiryDate), asc(policy.id));
  const byInsuree = new Map<string, typeof found>();
  for (const r of found) {
    const list = byInsuree.get(r.c.insureeId) ?? [];
    list.push(r);
    byInsuree.set(r.c.insureeId, list);
  }
  const within = (d: string, from: string | null, to: string) => from !== null && from <= d && to >= d;
  const rows = valid.flatMap((a) =>
    (byInsuree.get(a.insureeId) ?? [])
      .filter(
        (r) => within(a.date, r.c.effectiveDate, r.c.expiryDate) && within(a.date, r.p.effectiveDate, r.p.expiryDate),
      )
      .map((r) => ({ p: r.p, insureeId: a.insureeId, date: a.date })),
  );
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
