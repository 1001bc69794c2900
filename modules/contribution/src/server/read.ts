import type { Ctx } from '@mutua/kernel';
import { asc, type SQL } from 'drizzle-orm';
import type { Contribution, PayType } from '../domain/types.js';
import { premium } from './schema.js';

export type Row = typeof premium.$inferSelect;

const iso = (d: Date | string | null): string | null =>
  d === null ? null : typeof d === 'string' ? new Date(d).toISOString() : d.toISOString();

export function toContribution(r: Row): Contribution {
  return {
    id: r.id,
    policyId: r.policyId,
    productId: r.productId,
    familyId: r.familyId,
    payerId: r.payerId,
    amount: r.amount,
    receipt: r.receipt,
    payDate: r.payDate,
    // The table's CHECK constraint holds the pay type to the closed list.
    payType: r.payType as PayType,
    isPhotoFee: r.isPhotoFee,
    isOffline: r.isOffline,
    source: r.source,
    createdAt: iso(r.createdAt)!,
    validFrom: iso(r.validFrom)!,
    validTo: iso(r.validTo),
  };
}

/** The audited shape: business fields without the version bounds (the audit entry has its own time). */
export const audited = ({ validFrom: _f, validTo: _t, ...rest }: Contribution) => rest;

/** Current contributions matching `where`, by pay date then recording order. */
export async function currentRows(ctx: Ctx, where: SQL | undefined): Promise<Contribution[]> {
  const rows = await ctx.db
    .select()
    .from(premium)
    .where(where)
    .orderBy(asc(premium.payDate), asc(premium.createdAt), asc(premium.id));
  return rows.map(toContribution);
}
