import {
  type Connection,
  type Ctx,
  InputError,
  isUuid,
  keysetAfter,
  keysetPage,
  likeEscape,
  requireRight,
  requireUser,
} from '@mutua/kernel';
import type { LocationService } from '@mutua/location';
import { and, asc, count, eq, gte, ilike, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { clean, isIsoDate } from '../domain/rules.js';
import type { Family, Insuree } from '../domain/types.js';
import { RIGHTS } from '../manifest.js';
import type { InsureeFilter, PageArgs } from '../points.js';
import { family, insuree } from './schema.js';

export interface ReadDeps {
  location: LocationService;
}

type FamilyRow = typeof family.$inferSelect;
type InsureeRow = typeof insuree.$inferSelect;

const iso = (d: Date | string | null): string | null =>
  d === null ? null : typeof d === 'string' ? new Date(d).toISOString() : d.toISOString();

export function toFamily(r: FamilyRow): Family {
  return {
    id: r.id,
    headInsureeId: r.headInsureeId,
    locationId: r.locationId,
    poverty: r.poverty,
    familyType: r.familyType,
    confirmationType: r.confirmationType,
    confirmationNo: r.confirmationNo,
    address: r.address,
    ethnicity: r.ethnicity,
    jsonExt: r.jsonExt ?? null,
    validityFrom: iso(r.validFrom)!,
    validityTo: iso(r.validTo),
  };
}

/** Where the current photo is served; the photo id busts caches when it changes. */
export const photoUrl = (insureeId: string, photoId: string | null): string | null =>
  photoId ? `/api/insuree/insurees/${insureeId}/photo?v=${photoId}` : null;

export function toInsuree(r: InsureeRow): Insuree & { photoId: string | null; enrolledOn: string } {
  return {
    id: r.id,
    familyId: r.familyId,
    chfId: r.chfId,
    lastName: r.lastName,
    otherNames: r.otherNames,
    dob: r.dob,
    gender: r.gender,
    isHead: r.isHead,
    relationship: r.relationship,
    maritalStatus: r.maritalStatus,
    profession: r.profession,
    education: r.education,
    phone: r.phone,
    email: r.email,
    typeOfId: r.typeOfId,
    passport: r.passport,
    currentVillageId: r.currentVillageId,
    currentAddress: r.currentAddress,
    healthFacilityId: r.healthFacilityId,
    cardIssued: r.cardIssued,
    photoUrl: photoUrl(r.id, r.photoId),
    photoId: r.photoId,
    jsonExt: r.jsonExt ?? null,
    enrolledOn: r.enrolledOn,
    validityFrom: iso(r.validFrom)!,
    validityTo: iso(r.validTo),
  };
}

export function createReader({ location }: ReadDeps) {
  /** Families whose village the user may see (DOMAIN.md §1.9). */
  const familyScope = (ctx: Ctx) => location.scopeCondition(ctx, family.locationId);

  /** `column IN (visible current families)`; undefined for unrestricted users. */
  async function familyScopeCondition(ctx: Ctx, column: AnyPgColumn | SQL): Promise<SQL | undefined> {
    const s = await location.scopeCondition(ctx, sql`f.location_id`);
    if (!s) return undefined;
    return sql`${column} IN (SELECT f.id FROM family f WHERE f.valid_to IS NULL AND ${s})`;
  }

  const familyVillageSql = (column: AnyPgColumn | SQL): SQL =>
    sql`(SELECT fv.location_id FROM family fv WHERE fv.id = ${column} AND fv.valid_to IS NULL)`;

  async function familiesWhere(ctx: Ctx, where: SQL | undefined): Promise<Family[]> {
    const rows = await ctx.db
      .select()
      .from(family)
      .where(and(where, await familyScope(ctx)));
    return rows.map(toFamily);
  }

  async function insureesWhere(ctx: Ctx, where: SQL | undefined): Promise<Insuree[]> {
    const rows = await ctx.db
      .select()
      .from(insuree)
      .where(and(where, await familyScopeCondition(ctx, insuree.familyId)))
      .orderBy(sql`${insuree.isHead} DESC`, asc(insuree.lastName), asc(insuree.otherNames), asc(insuree.id));
    return rows.map(toInsuree);
  }

  /** The search filter as SQL (without the scope). */
  async function searchWhere(ctx: Ctx, filter: InsureeFilter, headsOnly: boolean): Promise<SQL | undefined> {
    const conds: Array<SQL | undefined> = [];
    const all = filter.status === 'all';
    if (filter.status && !['active', 'all'].includes(filter.status)) {
      throw InputError.fields([{ field: 'status', key: 'insuree.error.status' }]);
    }
    conds.push(
      all
        ? // Removed insurees appear once, as their last version.
          sql`(${insuree.validTo} IS NULL OR NOT EXISTS (SELECT 1 FROM insuree i2 WHERE i2.id = ${insuree.id} AND i2.valid_from > ${insuree.validFrom}))`
        : isNull(insuree.validTo),
    );
    if (headsOnly) conds.push(eq(insuree.isHead, true));
    const chf = clean(filter.chfId);
    if (chf) conds.push(sql`${insuree.chfId} LIKE ${`${likeEscape(chf)}%`}`);
    const last = clean(filter.lastName);
    if (last) conds.push(ilike(insuree.lastName, `%${likeEscape(last)}%`));
    const other = clean(filter.otherNames);
    if (other) conds.push(ilike(insuree.otherNames, `%${likeEscape(other)}%`));
    for (const [field, v, op] of [
      ['dobFrom', clean(filter.dobFrom), gte],
      ['dobTo', clean(filter.dobTo), lte],
    ] as const) {
      if (v === null) continue;
      if (!isIsoDate(v)) throw InputError.fields([{ field, key: 'insuree.error.date' }]);
      conds.push(op(insuree.dob, v));
    }
    const gender = clean(filter.gender);
    if (gender) conds.push(eq(insuree.gender, gender));
    const fam = clean(filter.familyId);
    if (fam) {
      if (!isUuid(fam)) return sql`false`;
      conds.push(eq(insuree.familyId, fam));
    }
    const loc = clean(filter.locationId);
    if (loc) {
      if (!isUuid(loc)) throw InputError.fields([{ field: 'locationId', key: 'insuree.error.notFound' }]);
      const ids = await location.subtreeIds(ctx, [loc]);
      if (!ids.length) return sql`false`;
      conds.push(
        sql`${insuree.familyId} IN (SELECT f.id FROM family f WHERE f.valid_to IS NULL AND f.location_id = ANY(${`{${ids.join(',')}}`}::uuid[]))`,
      );
    }
    conds.push(await familyScopeCondition(ctx, insuree.familyId));
    return and(...conds);
  }

  async function searchInsurees(
    ctx: Ctx,
    filter: InsureeFilter,
    page: PageArgs,
    headsOnly = false,
  ): Promise<Connection<Insuree>> {
    const where = await searchWhere(ctx, filter, headsOnly);
    const key = [insuree.lastName, insuree.otherNames, insuree.id];
    return keysetPage<Insuree>({
      first: page.first,
      after: page.after,
      key: (i) => [i.lastName, i.otherNames, i.id],
      fetch: async (limit, after) =>
        (
          await ctx.db
            .select()
            .from(insuree)
            .where(and(where, after ? keysetAfter(key, after) : undefined))
            .orderBy(asc(insuree.lastName), asc(insuree.otherNames), asc(insuree.id))
            .limit(limit)
        ).map(toInsuree),
      count: async () => (await ctx.db.select({ n: count() }).from(insuree).where(where))[0]?.n ?? 0,
    });
  }

  const reader = {
    familyScopeCondition,
    familyVillageSql,
    async getFamily(ctx: Ctx, id: string): Promise<Family | null> {
      requireUser(ctx);
      if (!isUuid(id)) return null;
      return (await familiesWhere(ctx, and(eq(family.id, id), isNull(family.validTo))))[0] ?? null;
    },
    async getFamilies(ctx: Ctx, ids: readonly string[]): Promise<Family[]> {
      requireUser(ctx);
      const valid = [...new Set(ids.filter(isUuid))];
      if (!valid.length) return [];
      return familiesWhere(ctx, and(inArray(family.id, valid), isNull(family.validTo)));
    },
    async familyMembers(ctx: Ctx, familyId: string): Promise<Insuree[]> {
      requireUser(ctx);
      if (!isUuid(familyId)) return [];
      return insureesWhere(ctx, and(eq(insuree.familyId, familyId), isNull(insuree.validTo)));
    },
    async getInsuree(ctx: Ctx, id: string): Promise<Insuree | null> {
      requireUser(ctx);
      if (!isUuid(id)) return null;
      return (await insureesWhere(ctx, and(eq(insuree.id, id), isNull(insuree.validTo))))[0] ?? null;
    },
    async getInsurees(ctx: Ctx, ids: readonly string[]): Promise<Insuree[]> {
      requireUser(ctx);
      const valid = [...new Set(ids.filter(isUuid))];
      if (!valid.length) return [];
      return insureesWhere(ctx, and(inArray(insuree.id, valid), isNull(insuree.validTo)));
    },
    async findByNumber(ctx: Ctx, chfId: string): Promise<Insuree | null> {
      requireUser(ctx);
      const c = clean(chfId);
      if (!c) return null;
      return (await insureesWhere(ctx, and(eq(insuree.chfId, c), isNull(insuree.validTo))))[0] ?? null;
    },
    async findByNumbers(ctx: Ctx, chfIds: readonly string[]): Promise<Map<string, Insuree>> {
      requireUser(ctx);
      const wanted = [...new Set(chfIds.map((n) => clean(n)).filter((n): n is string => !!n))];
      if (!wanted.length) return new Map();
      const found = await insureesWhere(ctx, and(inArray(insuree.chfId, wanted), isNull(insuree.validTo)));
      return new Map(found.map((i) => [i.chfId, i]));
    },
    async canWriteFamily(ctx: Ctx, familyId: string): Promise<boolean> {
      const f = await reader.getFamily(ctx, familyId);
      return !!f && (await location.isInScope(ctx, f.locationId));
    },
    async searchInsurees(ctx: Ctx, filter: InsureeFilter, page: PageArgs): Promise<Connection<Insuree>> {
      requireRight(ctx, RIGHTS.insureeSearch);
      return searchInsurees(ctx, filter, page);
    },
    /** Families found by their head (number, names, birth date…), in head-name order. */
    async searchFamilies(ctx: Ctx, filter: InsureeFilter, page: PageArgs): Promise<Connection<Family>> {
      requireRight(ctx, RIGHTS.familySearch);
      const heads = await searchInsurees(ctx, filter, page, true);
      const fams = new Map(
        (
          await reader.getFamilies(
            ctx,
            heads.edges.map((e) => e.node.familyId),
          )
        ).map((f) => [f.id, f]),
      );
      return {
        ...heads,
        edges: heads.edges.flatMap((e) => {
          const f = fams.get(e.node.familyId);
          return f ? [{ cursor: e.cursor, node: f }] : [];
        }),
      };
    },
    async insureeHistory(ctx: Ctx, id: string): Promise<Insuree[]> {
      requireRight(ctx, RIGHTS.insureeSearch);
      if (!isUuid(id)) return [];
      const rows = await ctx.db
        .select()
        .from(insuree)
        .where(and(eq(insuree.id, id), await familyScopeCondition(ctx, insuree.familyId)))
        .orderBy(asc(insuree.validFrom));
      if (rows.length) return rows.map(toInsuree);
      // A removed insuree's family may be closed too: scope on the family's last version.
      const all = await ctx.db.select().from(insuree).where(eq(insuree.id, id)).orderBy(asc(insuree.validFrom));
      const last = all.at(-1);
      if (!last) return [];
      const [fam] = await ctx.db
        .select({ locationId: family.locationId })
        .from(family)
        .where(eq(family.id, last.familyId))
        .orderBy(sql`${family.validFrom} DESC`)
        .limit(1);
      if (!fam) return [];
      const sc = await location.scope(ctx);
      return sc.all || sc.locationIds.includes(fam.locationId) ? all.map(toInsuree) : [];
    },
  };
  return reader;
}
export type Reader = ReturnType<typeof createReader>;
