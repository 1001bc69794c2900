import {
  type Connection,
  type Ctx,
  InputError,
  isUuid,
  keysetAfter,
  keysetPage,
  requireUser,
  validAt,
} from '@mutua/kernel';
import type { LocationService } from '@mutua/location';
import { and, asc, count, eq, ilike, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { clean } from '../domain/rules.js';
import type { LineKind, Product, ProductLine } from '../domain/types.js';
import type { PageArgs, ProductFilter } from '../points.js';
import { product, productItem, productServiceLine } from './schema.js';

export interface ReadDeps {
  location: LocationService;
}

type ProductRow = typeof product.$inferSelect;
type LineRow = typeof productItem.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toProduct(row: ProductRow): Product {
  const { rowId: _r, validFrom, validTo, ...rest } = row as ProductRow & Record<string, unknown>;
  return { ...rest, validFrom: iso(validFrom)!, validTo: iso(validTo) } as unknown as Product;
}

export function toLine(row: LineRow): ProductLine {
  const { rowId: _r, validFrom, validTo, ...rest } = row;
  return { ...rest, validFrom: iso(validFrom)!, validTo: iso(validTo) };
}

export const lineTable = (kind: LineKind) => (kind === 'item' ? productItem : productServiceLine);

/** An ISO date or timestamp given as `asOf`; anything else is refused naming the field (never a 500). */
export function checkAsOf(asOf: string | null | undefined): string | null {
  const v = clean(asOf);
  if (v === null) return null;
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) || Number.isNaN(new Date(v).getTime())) {
    throw InputError.fields([{ field: 'asOf', key: 'product.error.asOf' }]);
  }
  return v;
}

const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function createReader({ location }: ReadDeps) {
  const scoped = (ctx: Ctx) => location.scopeCondition(ctx, product.locationId);

  async function select(ctx: Ctx, where: SQL | undefined): Promise<Product[]> {
    const rows = await ctx.db
      .select()
      .from(product)
      .where(and(where, await scoped(ctx)))
      .orderBy(asc(product.code));
    return rows.map(toProduct);
  }

  return {
    async searchProducts(ctx: Ctx, filter: ProductFilter, page: PageArgs): Promise<Connection<Product>> {
      requireUser(ctx);
      const at = checkAsOf(filter.asOf);
      const conds: Array<SQL | undefined> = [validAt(product, at), await scoped(ctx)];
      const text = clean(filter.search);
      if (text) {
        const e = likeEscape(text);
        conds.push(or(ilike(product.code, `${e}%`), ilike(product.name, `%${e}%`)));
      }
      const code = clean(filter.code);
      if (code) conds.push(ilike(product.code, `${likeEscape(code)}%`));
      const loc = clean(filter.locationId);
      if (loc) {
        if (!isUuid(loc)) throw InputError.fields([{ field: 'locationId', key: 'product.error.notFound' }]);
        conds.push(eq(product.locationId, loc));
      }
      const where = and(...conds);
      return keysetPage<Product>({
        first: page.first,
        after: page.after,
        key: (p) => [p.code, p.id],
        fetch: async (limit, after) =>
          (
            await ctx.db
              .select()
              .from(product)
              .where(and(where, after ? keysetAfter([product.code, product.id], after) : undefined))
              .orderBy(asc(product.code), asc(product.id))
              .limit(limit)
          ).map(toProduct),
        count: async () => (await ctx.db.select({ n: count() }).from(product).where(where))[0]?.n ?? 0,
      });
    },
    async getProducts(ctx: Ctx, ids: readonly string[], asOf?: string | null): Promise<Product[]> {
      requireUser(ctx);
      const at = checkAsOf(asOf);
      const valid = [...new Set(ids.filter(isUuid))];
      if (!valid.length) return [];
      return select(ctx, and(inArray(product.id, valid), validAt(product, at)));
    },
    async getProduct(ctx: Ctx, id: string, asOf?: string | null): Promise<Product | null> {
      requireUser(ctx);
      const at = checkAsOf(asOf);
      if (!isUuid(id)) return null;
      return (await select(ctx, and(eq(product.id, id), validAt(product, at))))[0] ?? null;
    },
    async findByCode(ctx: Ctx, code: string, asOf?: string | null): Promise<Product | null> {
      requireUser(ctx);
      const at = checkAsOf(asOf);
      const c = clean(code);
      if (!c) return null;
      return (await select(ctx, and(eq(product.code, c), validAt(product, at))))[0] ?? null;
    },
    /** Scope-blind on purpose: product codes are unique nationally. */
    async isCodeFree(ctx: Ctx, code: string, exceptId?: string | null): Promise<boolean> {
      requireUser(ctx);
      const c = clean(code);
      if (!c) return false;
      const [row] = await ctx.db
        .select({ id: product.id })
        .from(product)
        .where(and(eq(product.code, c), isNull(product.validTo)));
      return !row || row.id === exceptId;
    },
    async productHistory(ctx: Ctx, id: string): Promise<Product[]> {
      requireUser(ctx);
      if (!isUuid(id)) return [];
      const rows = await ctx.db
        .select()
        .from(product)
        .where(and(eq(product.id, id), await scoped(ctx)))
        .orderBy(asc(product.validFrom));
      return rows.map(toProduct);
    },
    /** Lines valid at `asOf` of a product the user may see. */
    async lines(ctx: Ctx, kind: LineKind, productId: string, asOf?: string | null): Promise<ProductLine[]> {
      requireUser(ctx);
      const at = checkAsOf(asOf);
      if (!isUuid(productId)) return [];
      const visible = await ctx.db
        .select({ id: product.id })
        .from(product)
        .where(and(eq(product.id, productId), await scoped(ctx)))
        .limit(1);
      if (!visible.length) return [];
      const t = lineTable(kind);
      const rows = await ctx.db
        .select()
        .from(t)
        .where(and(eq(t.productId, productId), validAt(t, at)))
        .orderBy(asc(t.validFrom), asc(t.id));
      return rows.map(toLine);
    },
  };
}
export type Reader = ReturnType<typeof createReader>;
