import { type Ctx, type GenerateOptions, uuidv7, withTransaction } from '@mutua/kernel';
import type { Policy } from '@mutua/policy';
import { GENERATED_PREFIX } from '@mutua/product';
import { sql } from 'drizzle-orm';
import { checkContribution } from '../domain/check-input.js';
import type { ContributionValues } from '../domain/types.js';
import type { ContributionApi } from '../points.js';
import { demoDeps } from './demo.js';

/** Generated policies are paid in full a few days after their enrolment (2025-12-15), in cash. */
export const GENERATED_PAY_DATE = '2025-12-20';
const CHUNK = 5000;

/** The full payment of one policy: receipt `<product code>-<n>` (n counts the product's policies, from 1). */
export function planContribution(policy: Pick<Policy, 'value'>, productCode: string, n: number): ContributionValues {
  const { values, problems } = checkContribution(
    {
      amount: policy.value,
      receipt: `${productCode}-${String(n).padStart(7, '0')}`,
      payDate: GENERATED_PAY_DATE,
      payType: 'C',
    },
    GENERATED_PAY_DATE,
  );
  if (!values) throw new Error(`contribution generate: ${JSON.stringify(problems)}`);
  return values;
}

/**
 * `mutua generate`: one contribution paying the full value of every active policy of the generated products, read
 * through the policy service (ids in one query, then the policies 5,000 at a time, in creation order so receipts
 * are the same for a seed). Direct multi-row inserts, one transaction per chunk; no audit or hooks (nobody edited
 * these rows, and the policies are already active).
 */
export async function generate(ctx: Ctx, service: ContributionApi, opts: GenerateOptions): Promise<void> {
  const deps = demoDeps.get(service);
  if (!deps) throw new Error('contribution generate: service without its dependencies');
  const products = (await deps.products.searchProducts(ctx, { code: GENERATED_PREFIX }, { first: 500 })).edges.map(
    (e) => e.node,
  );
  const codeOf = new Map(products.map((p) => [p.id, p.code]));
  // uuidv7 ids sort in creation order: the order the policy generator wrote them.
  const ids = (await deps.policies.batchPolicies(ctx, [...codeOf.keys()]))
    .filter((p) => p.status === 2)
    .map((p) => p.id)
    .sort();
  const counters = new Map<string, number>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const policies = (await deps.policies.getPolicies(ctx, ids.slice(i, i + CHUNK))).sort((a, b) =>
      a.id < b.id ? -1 : 1,
    );
    const rows = policies
      .filter((p) => Number(p.value) > 0)
      .map((p) => {
        const n = (counters.get(p.productId) ?? 0) + 1;
        counters.set(p.productId, n);
        const v = planContribution(p, codeOf.get(p.productId)!, n);
        return {
          row_id: uuidv7(),
          id: uuidv7(),
          policy_id: p.id,
          product_id: p.productId,
          family_id: p.familyId,
          amount: v.amount,
          receipt: v.receipt,
          pay_date: v.payDate,
          pay_type: v.payType,
        };
      });
    await withTransaction(ctx, (tx) =>
      tx.db.execute(sql`
        INSERT INTO premium (row_id, id, policy_id, product_id, family_id, amount, receipt, pay_date, pay_type)
        SELECT row_id, id, policy_id, product_id, family_id, amount, receipt, pay_date, pay_type
        FROM json_to_recordset(${JSON.stringify(rows)}::json)
          AS x(row_id uuid, id uuid, policy_id uuid, product_id uuid, family_id uuid, amount numeric, receipt varchar,
               pay_date date, pay_type char(1))`),
    );
    await opts.progress(Math.min(i + CHUNK, ids.length), ids.length, 'contributions');
  }
}
