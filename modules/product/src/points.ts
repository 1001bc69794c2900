import {
  type Builder,
  type Connection,
  type Ctx,
  defineHook,
  defineServiceRef,
  type MutuaSchemaTypes,
} from '@mutua/kernel';
import type { ObjectRef } from '@pothos/core';
import type { LineDefaults } from './domain/rules.js';
import type { LineInput, LineKind, Product, ProductInput, ProductLine } from './domain/types.js';

export { PRODUCT_FIELDS } from './domain/fields.js';
export type { LineDefaults } from './domain/rules.js';
export type {
  LineInput,
  LineKind,
  LineTerms,
  Product,
  ProductInput,
  ProductLine,
  RelativeDistribution,
} from './domain/types.js';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface ProductFilter {
  /** Code prefix or part of the name, case-insensitive. */
  search?: string | null;
  /** Code prefix. */
  code?: string | null;
  /** Products of this location (exactly); national products have none. */
  locationId?: string | null;
  /** ISO date or timestamp: the versions valid then. */
  asOf?: string | null;
}

/** Changes to a product's lines of one kind: lines to add or change (by item/service id) and ids to remove. */
export interface LineChanges {
  upsert?: readonly LineInput[] | null;
  remove?: readonly string[] | null;
}

/**
 * The product module's service. Reads need the search right and honour the location scope (a national product is
 * everyone's); `asOf` (ISO date = end of that day, or a timestamp) reads the versions valid then.
 */
export interface ProductApi {
  searchProducts(ctx: Ctx, filter: ProductFilter, page: PageArgs): Promise<Connection<Product>>;
  getProduct(ctx: Ctx, id: string, asOf?: string | null): Promise<Product | null>;
  getProducts(ctx: Ctx, ids: readonly string[], asOf?: string | null): Promise<Product[]>;
  findByCode(ctx: Ctx, code: string, asOf?: string | null): Promise<Product | null>;
  isCodeFree(ctx: Ctx, code: string, exceptId?: string | null): Promise<boolean>;
  /** All versions of a product, oldest first. */
  productHistory(ctx: Ctx, id: string): Promise<Product[]>;
  /** Covered items (ProductItem lines, `medicalId` = item id) valid at `asOf`. */
  productItems(ctx: Ctx, productId: string, asOf?: string | null): Promise<ProductLine[]>;
  /** Covered services (ProductService lines, `medicalId` = service id) valid at `asOf`. */
  productServices(ctx: Ctx, productId: string, asOf?: string | null): Promise<ProductLine[]>;
  createProduct(ctx: Ctx, input: ProductInput): Promise<Product>;
  /** A complete update: closes the current version and opens a new one (an unchanged input changes nothing). */
  updateProduct(ctx: Ctx, id: string, input: ProductInput): Promise<Product>;
  /** Closes the product and its lines. */
  deleteProduct(ctx: Ctx, id: string): Promise<void>;
  /** Adds, changes (new line version) and removes (closes) lines of one kind. */
  setLines(ctx: Ctx, productId: string, kind: LineKind, changes: LineChanges): Promise<ProductLine[]>;
  /** What an empty line field becomes (module config): price origin, limitation type, waiting periods. */
  limitDefaults(): LineDefaults;
  /** A copy with a new code and name, and copies of the current lines. */
  duplicateProduct(ctx: Ctx, id: string, code: string, name: string): Promise<Product>;
}

/**
 * The product service, for modules that list 'product' in dependsOn.
 * @example
 * const products = setup.service(productService);
 * const lines = await products.productServices(ctx, policy.productId, claim.dateFrom);
 */
export const productService = defineServiceRef<ProductApi>('product');

type Types = PothosSchemaTypes.ExtendDefaultTypes<MutuaSchemaTypes>;
const refs = new WeakMap<Builder, ObjectRef<Types, Product>>();
/**
 * The GraphQL `Product` type on this builder.
 * @example
 * t.field({ type: productObject(builder), resolve: (policy, _a, ctx) => products.getProduct(ctx, policy.productId) });
 */
export function productObject(builder: Builder): ObjectRef<Types, Product> {
  let r = refs.get(builder);
  if (!r) {
    r = builder.objectRef<Product>('Product');
    refs.set(builder, r);
  }
  return r;
}

/** What changed: the new version (null on delete) and the previous one (null on create). */
export interface ProductChanged {
  action: 'create' | 'update' | 'delete' | 'duplicate';
  current: Product | null;
  previous: Product | null;
}
/**
 * A product is created, changed (new version), duplicated or deleted (closed).
 * @example
 * hooks.validate(productChanged, async ({ action, previous }, ctx) => (action === 'delete' ? await refuseIfPolicies(ctx, previous!) : []));
 */
export const productChanged = defineHook<ProductChanged>('product.changed');
/** A product's item or service lines changed: the lines closed and the lines opened. */
export const productLinesChanged = defineHook<{
  productId: string;
  kind: LineKind;
  closed: ProductLine[];
  opened: ProductLine[];
}>('product.linesChanged');
