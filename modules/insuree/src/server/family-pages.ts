import { type Ctx, InputError, isUuid, requireRight } from '@mutua/kernel';
import type { LocationService } from '@mutua/location';
import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import { RIGHTS } from '../manifest.js';
import type { FamilyPage } from '../points.js';
import { family, insuree } from './schema.js';

/** Larger than a search page: bulk readers (policy generation) walk a million insurees with it. */
export const MAX_FAMILY_PAGE = 5000;

/**
 * Current families in id order after `after`, each with its current members (head first, then by id) in two
 * queries per page, without a total count: a keyset walk over every family at any scale. Needs the family search
 * right; honours the location scope.
 */
export function createFamilyPages({ location }: { location: LocationService }) {
  return {
    async familiesWithMembers(ctx: Ctx, page: { first?: number | null; after?: string | null }): Promise<FamilyPage> {
      requireRight(ctx, RIGHTS.familySearch);
      const first = page.first ?? 1000;
      if (!Number.isInteger(first) || first < 1 || first > MAX_FAMILY_PAGE) {
        throw InputError.fields([{ field: 'first', key: 'kernel.error.pageSize', params: { max: MAX_FAMILY_PAGE } }]);
      }
      if (page.after && !isUuid(page.after))
        throw InputError.fields([{ field: 'after', key: 'kernel.error.badCursor' }]);
      const heads = await ctx.db
        .select({ id: family.id, locationId: family.locationId })
        .from(family)
        .where(
          and(
            isNull(family.validTo),
            page.after ? gt(family.id, page.after) : undefined,
            await location.scopeCondition(ctx, family.locationId),
          ),
        )
        .orderBy(asc(family.id))
        .limit(first);
      if (!heads.length) return { families: [], endCursor: null };
      const members = await ctx.db
        .select({
          id: insuree.id,
          familyId: insuree.familyId,
          dob: insuree.dob,
          relationship: insuree.relationship,
          isHead: insuree.isHead,
        })
        .from(insuree)
        .where(
          and(
            isNull(insuree.validTo),
            inArray(
              insuree.familyId,
              heads.map((h) => h.id),
            ),
          ),
        )
        .orderBy(asc(insuree.familyId), eq(insuree.isHead, false), asc(insuree.id));
      const byFamily = new Map(heads.map((h) => [h.id, { ...h, members: [] as FamilyPage['families'][0]['members'] }]));
      for (const { familyId, ...m } of members) byFamily.get(familyId)?.members.push(m);
      return { families: [...byFamily.values()], endCursor: heads.at(-1)!.id };
    },
  };
}
