import {
  ConflictError,
  type Ctx,
  ForbiddenError,
  type Hooks,
  InputError,
  isUniqueViolation,
  isUuid,
  NotFoundError,
  recordAudit,
  requireRight,
  uuidv7,
  withTransaction,
} from '@mutua/kernel';
import type { LocationService } from '@mutua/location';
import type { MedicalApi } from '@mutua/medical';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { PRODUCT_FIELDS } from '../domain/fields.js';
import { checkLine, checkProduct, clean, type LineDefaults, sameTerms } from '../domain/rules.js';
import type {
  LineKind,
  LineTerms,
  Problem,
  Product,
  ProductInput,
  ProductLine,
  ProductValues,
} from '../domain/types.js';
import { RIGHTS } from '../manifest.js';
import { type LineChanges, type ProductChanged, productChanged, productLinesChanged } from '../points.js';
import { lineTable, type Reader, toLine } from './read.js';
import { product } from './schema.js';

export interface WriteDeps {
  hooks: Hooks;
  location: LocationService;
  medical: MedicalApi;
  read: Reader;
  lineDefaults: LineDefaults;
}

const CODE_TAKEN = 'product.error.codeTaken';
const taken = (code: string) =>
  new ConflictError(CODE_TAKEN, { code }, [{ field: 'code', key: CODE_TAKEN, params: { code } }]);
const outOfScope = () => new ForbiddenError(undefined, 'product.error.outOfScope');

async function guard(code: string, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw taken(code);
    throw err;
  }
}

/** The values a product version stores, for comparing two versions. */
function comparable(v: ProductValues): string {
  return JSON.stringify([
    PRODUCT_FIELDS.map((f) => v[f.name] ?? null),
    v.relativeDistribution.map((d) => [d.careType, d.periods]),
  ]);
}

function valuesOf(p: Product): ProductValues {
  const { id: _i, validFrom: _f, validTo: _t, ...rest } = p;
  return rest as ProductValues;
}

export function createWriter(deps: WriteDeps) {
  const { hooks, location, medical, read } = deps;

  /** May the user write a product at this location? National products need an unrestricted user. */
  async function inScope(ctx: Ctx, locationId: string | null): Promise<boolean> {
    if (locationId) return location.isInScope(ctx, locationId);
    return (await location.scope(ctx)).all;
  }

  /** The field rules, the location (a region or district), the conversion product, the scope and the code. */
  async function prepare(ctx: Ctx, id: string, input: ProductInput): Promise<ProductValues> {
    const { problems, values } = checkProduct(input);
    const bad = new Set(problems.map((p) => p.field));
    if (values.locationId && !bad.has('locationId')) {
      const loc = await location.getLocation(ctx, values.locationId);
      if (!loc) problems.push({ field: 'locationId', key: 'product.error.notFound' });
      else if (!location.levels.slice(0, 2).includes(loc.type)) {
        problems.push({ field: 'locationId', key: 'product.error.notRegionOrDistrict' });
      }
    }
    if (values.conversionProductId && !bad.has('conversionProductId')) {
      if (values.conversionProductId === id || !(await read.getProduct(ctx, values.conversionProductId))) {
        problems.push({ field: 'conversionProductId', key: 'product.error.notFound' });
      }
    }
    if (problems.length) throw InputError.fields(problems);
    if (!(await inScope(ctx, values.locationId))) throw outOfScope();
    if (!(await read.isCodeFree(ctx, values.code, id))) throw taken(values.code);
    return values;
  }

  async function loadWritable(ctx: Ctx, id: string): Promise<Product & { rowId: string }> {
    const p = isUuid(id) ? await read.getProduct(ctx, id) : null;
    if (!p) throw new NotFoundError('Product', id);
    if (!(await inScope(ctx, p.locationId))) throw outOfScope();
    const [row] = await ctx.db
      .select({ rowId: product.rowId })
      .from(product)
      .where(and(eq(product.id, id), isNull(product.validTo)));
    return { ...p, rowId: row!.rowId };
  }

  const emit = async (tx: Ctx, payload: ProductChanged, write: () => Promise<void>) => {
    await hooks.runValidate(productChanged, payload, tx);
    await hooks.runBefore(productChanged, payload, tx);
    await write();
    await hooks.runAfter(productChanged, payload, tx);
  };

  async function insertNew(tx: Ctx, values: ProductValues, action: 'create' | 'duplicate', source?: Product) {
    const id = uuidv7();
    const pending = { ...values, id, validFrom: new Date().toISOString(), validTo: null } as Product;
    await emit(tx, { action, current: pending, previous: source ?? null }, async () => {
      await guard(values.code, () => tx.db.insert(product).values({ rowId: uuidv7(), id, ...values } as never));
    });
    const stored = (await read.getProduct(tx, id))!;
    await recordAudit(tx, {
      entity: 'Product',
      entityId: id,
      action,
      after: stored,
      ...(source ? { before: { duplicateOf: source.id, code: source.code } } : {}),
    });
    return stored;
  }

  /** Closes the version read before the change; another user's change in between is a conflict, not a lost update. */
  async function closeVersion(tx: Ctx, rowId: string, code: string): Promise<void> {
    const closed = await tx.db
      .update(product)
      .set({ validTo: sql`now()` })
      .where(and(eq(product.rowId, rowId), isNull(product.validTo)))
      .returning({ rowId: product.rowId });
    if (!closed.length) throw new ConflictError('product.error.changedMeanwhile', { code });
  }

  async function closeLines(tx: Ctx, productId: string): Promise<void> {
    for (const kind of ['item', 'service'] as const) {
      const t = lineTable(kind);
      await tx.db
        .update(t)
        .set({ validTo: sql`now()` })
        .where(and(eq(t.productId, productId), isNull(t.validTo)));
    }
  }

  return {
    async createProduct(ctx: Ctx, input: ProductInput): Promise<Product> {
      requireRight(ctx, RIGHTS.add);
      const values = await prepare(ctx, '', input);
      return withTransaction(ctx, (tx) => insertNew(tx, values, 'create'));
    },

    async updateProduct(ctx: Ctx, id: string, input: ProductInput): Promise<Product> {
      requireRight(ctx, RIGHTS.edit);
      const before = await loadWritable(ctx, id);
      const values = await prepare(ctx, before.id, input);
      const { rowId, ...previous } = before;
      if (comparable(values) === comparable(valuesOf(previous))) return previous;
      return withTransaction(ctx, async (tx) => {
        const pending = { ...values, id: before.id, validFrom: new Date().toISOString(), validTo: null } as Product;
        await emit(tx, { action: 'update', current: pending, previous }, async () => {
          await closeVersion(tx, rowId, previous.code);
          await guard(values.code, () =>
            tx.db.insert(product).values({ rowId: uuidv7(), id: before.id, ...values, validFrom: sql`now()` } as never),
          );
        });
        const after = (await read.getProduct(tx, before.id))!;
        await recordAudit(tx, { entity: 'Product', entityId: before.id, action: 'update', before: previous, after });
        return after;
      });
    },

    async deleteProduct(ctx: Ctx, id: string): Promise<void> {
      requireRight(ctx, RIGHTS.delete);
      const { rowId, ...previous } = await loadWritable(ctx, id);
      await withTransaction(ctx, async (tx) => {
        await emit(tx, { action: 'delete', current: null, previous }, async () => {
          await closeVersion(tx, rowId, previous.code);
          await closeLines(tx, id);
        });
        await recordAudit(tx, { entity: 'Product', entityId: id, action: 'delete', before: previous });
      });
    },

    async duplicateProduct(ctx: Ctx, id: string, code: string, name: string): Promise<Product> {
      requireRight(ctx, RIGHTS.duplicate);
      const { rowId: _r, ...source } = await loadWritable(ctx, id);
      const values = await prepare(ctx, '', { ...valuesOf(source), code, name });
      return withTransaction(ctx, async (tx) => {
        const copy = await insertNew(tx, values, 'duplicate', source);
        for (const kind of ['item', 'service'] as const) {
          const t = lineTable(kind);
          const lines = await tx.db
            .select()
            .from(t)
            .where(and(eq(t.productId, source.id), isNull(t.validTo)));
          if (lines.length) {
            await tx.db.insert(t).values(
              lines.map(({ rowId: _x, validFrom: _f, validTo: _t, ...l }) => ({
                ...l,
                rowId: uuidv7(),
                id: uuidv7(),
                productId: copy.id,
              })),
            );
          }
        }
        return copy;
      });
    },

    async setLines(ctx: Ctx, productId: string, kind: LineKind, changes: LineChanges): Promise<ProductLine[]> {
      requireRight(ctx, RIGHTS.edit);
      const prod = await loadWritable(ctx, productId);
      const prefix = `${kind}s`;
      const problems: Problem[] = [];
      const upserts = changes.upsert ?? [];
      const checked = upserts.map((input, i) => {
        const { problems: p, values } = checkLine(input, `${prefix}.${i}.`, deps.lineDefaults);
        problems.push(...p);
        return { medicalId: clean(input.medicalId) ?? '', values };
      });
      const ids = checked.map((c) => c.medicalId);
      const known = new Set(
        (kind === 'item'
          ? await medical.getItems(ctx, ids.filter(isUuid))
          : await medical.getServices(ctx, ids.filter(isUuid))
        ).map((m) => m.id),
      );
      const seen = new Set<string>();
      checked.forEach((c, i) => {
        if (!known.has(c.medicalId))
          problems.push({ field: `${prefix}.${i}.medicalId`, key: 'product.error.notFound' });
        else if (seen.has(c.medicalId))
          problems.push({ field: `${prefix}.${i}.medicalId`, key: 'product.error.duplicateLine' });
        seen.add(c.medicalId);
      });
      const removes = [...new Set(changes.remove ?? [])];
      removes.forEach((r, i) => {
        if (!isUuid(r)) problems.push({ field: `${prefix}Remove.${i}`, key: 'product.error.notFound' });
      });
      if (problems.length) throw InputError.fields(problems);
      const t = lineTable(kind);
      return withTransaction(ctx, async (tx) => {
        const currentRows = await tx.db
          .select()
          .from(t)
          .where(and(eq(t.productId, prod.id), isNull(t.validTo)));
        const byMedical = new Map(currentRows.map((r) => [r.medicalId, r]));
        const closed: ProductLine[] = [];
        const toOpen: Array<{ id: string; medicalId: string; values: LineTerms }> = [];
        for (const c of checked) {
          const old = byMedical.get(c.medicalId);
          if (old && sameTerms(toLine(old), c.values)) continue;
          if (old) closed.push(toLine(old));
          toOpen.push({ id: old?.id ?? uuidv7(), medicalId: c.medicalId, values: c.values });
        }
        for (const r of removes) {
          const old = currentRows.find((x) => x.id === r || x.medicalId === r);
          if (old && !closed.some((c) => c.id === old.id)) closed.push(toLine(old));
        }
        const payload = { productId: prod.id, kind, closed, opened: [] as ProductLine[] };
        await hooks.runValidate(productLinesChanged, payload, tx);
        await hooks.runBefore(productLinesChanged, payload, tx);
        if (closed.length) {
          await tx.db
            .update(t)
            .set({ validTo: sql`now()` })
            .where(
              and(
                inArray(
                  t.id,
                  closed.map((c) => c.id),
                ),
                isNull(t.validTo),
              ),
            );
        }
        if (toOpen.length) {
          await tx.db.insert(t).values(
            toOpen.map((o) => ({
              rowId: uuidv7(),
              id: o.id,
              productId: prod.id,
              medicalId: o.medicalId,
              ...o.values,
              validFrom: sql`now()`,
            })) as never,
          );
        }
        const opened = toOpen.length
          ? (
              await tx.db
                .select()
                .from(t)
                .where(
                  and(
                    inArray(
                      t.id,
                      toOpen.map((o) => o.id),
                    ),
                    isNull(t.validTo),
                  ),
                )
            ).map(toLine)
          : [];
        payload.opened = opened;
        if (closed.length || opened.length) {
          await recordAudit(tx, {
            entity: 'Product',
            entityId: prod.id,
            action: kind === 'item' ? 'setItems' : 'setServices',
            before: closed,
            after: opened,
          });
        }
        await hooks.runAfter(productLinesChanged, payload, tx);
        return read.lines(tx, kind, prod.id);
      });
    },
  };
}
