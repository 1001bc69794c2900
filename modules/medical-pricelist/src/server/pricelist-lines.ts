import { type Ctx, recordAudit, requireRight, uuidv7, validAt } from '@mutua/kernel';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { effectivePrice } from '../domain/rules.js';
import type { Pricelist, PricelistDetail } from '../domain/types.js';
import { KIND_RIGHTS, type PricelistKind } from '../manifest.js';
import { checkAsOf, type Deps, ENTITY, iso, registerRows } from './pricelist-common.js';
import { type DetailTable, TABLES } from './schema.js';

type DetailRow = DetailTable['$inferSelect'];

/** Reads the header of a list (id, validity, scope), as the kind service does. */
type LoadHeader = (ctx: Ctx, id: string, asOf: string | null) => Promise<(Pricelist & { rowId: string }) | null>;

/** The lines of one kind's lists: current lines, planned changes written, lines valid at a date with register prices. */
export function createLines(kind: PricelistKind, deps: Deps, loadHeader: LoadHeader) {
  const d = TABLES[kind].detail;
  const rights = KIND_RIGHTS[kind];
  const entity = ENTITY[kind];

  async function currentLines(ctx: Ctx, id: string): Promise<Map<string, string | null>> {
    const rows = await ctx.db
      .select({ medicalId: d.medicalId, override: d.priceOverride })
      .from(d)
      .where(and(eq(d.pricelistId, id), isNull(d.validTo)));
    return new Map(rows.map((r) => [r.medicalId, r.override]));
  }

  async function writeLines(
    tx: Ctx,
    list: Pricelist,
    close: string[],
    open: Array<{ medicalId: string; override: string | null }>,
  ): Promise<void> {
    const ids = new Map<string, string>();
    for (let i = 0; i < close.length; i += 500) {
      const closed = await tx.db
        .update(d)
        .set({ validTo: sql`now()` })
        .where(and(eq(d.pricelistId, list.id), inArray(d.medicalId, close.slice(i, i + 500)), isNull(d.validTo)))
        .returning({ id: d.id, medicalId: d.medicalId });
      for (const c of closed) ids.set(c.medicalId, c.id);
    }
    for (let i = 0; i < open.length; i += 500) {
      await tx.db.insert(d).values(
        open.slice(i, i + 500).map((o) => ({
          rowId: uuidv7(),
          // A repriced line keeps its id: its versions are one line's history.
          id: ids.get(o.medicalId) ?? uuidv7(),
          pricelistId: list.id,
          medicalId: o.medicalId,
          priceOverride: o.override,
          validFrom: sql`now()`,
        })),
      );
    }
    if (close.length || open.length) {
      const removed = close.filter((c) => !open.some((o) => o.medicalId === c));
      await recordAudit(tx, {
        entity,
        entityId: list.id,
        action: 'details',
        after: {
          added: open.filter((o) => !ids.has(o.medicalId)),
          repriced: open.filter((o) => ids.has(o.medicalId)),
          removed,
        },
      });
    }
  }

  async function details(ctx: Ctx, id: string, asOf?: string | null): Promise<PricelistDetail[]> {
    requireRight(ctx, rights.search);
    return linesAt(ctx, id, asOf);
  }

  /** The lines valid at `asOf`, without the search right (after a write by an editor). */
  async function linesAt(ctx: Ctx, id: string, asOf?: string | null): Promise<PricelistDetail[]> {
    const at = checkAsOf(asOf);
    if (!(await loadHeader(ctx, id, at)) && !(await loadHeader(ctx, id, null))) return [];
    const rows = await ctx.db
      .select()
      .from(d)
      .where(and(eq(d.pricelistId, id), validAt(d, at)));
    return withRegister(ctx, rows, at);
  }

  async function withRegister(ctx: Ctx, rows: DetailRow[], at: string | null): Promise<PricelistDetail[]> {
    const reg = await registerRows(deps, kind, ctx, [...new Set(rows.map((r) => r.medicalId))], at);
    return rows
      .map((r) => {
        const m = reg.get(r.medicalId);
        return {
          id: r.id,
          pricelistId: r.pricelistId,
          medicalId: r.medicalId,
          override: r.priceOverride,
          validFrom: r.validFrom.toISOString(),
          validTo: iso(r.validTo),
          code: m?.code ?? null,
          name: m?.name ?? null,
          registerPrice: m?.price ?? null,
          price: effectivePrice(r.priceOverride, m?.price ?? null),
        };
      })
      .sort((a, b) => (a.code ?? '').localeCompare(b.code ?? '') || a.validFrom.localeCompare(b.validFrom));
  }

  return { currentLines, writeLines, details, linesAt, withRegister };
}
