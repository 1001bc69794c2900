import { type Ctx, type ImportResult, type Progress, translate } from '@mutua/kernel';
import { and, inArray, isNull } from 'drizzle-orm';
import type { RowError } from '../domain/import-parse.js';
import { healthFacility, location } from './schema.js';

/** Rows are written in chunks: one multi-row INSERT per chunk, and progress reported after each. */
export const CHUNK = 500;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Translates row problems into the caller's language, sorted by row. */
export function translated(ctx: Ctx, errors: readonly RowError[]): ImportResult['errors'] {
  return [...errors]
    .sort((a, b) => a.row - b.row)
    .map((e) => ({
      row: e.row,
      ...(e.field ? { field: e.field } : {}),
      message: translate(ctx.locale, e.key, { field: e.field, ...e.params }),
    }));
}

/** The answer when nothing is written: a dry run, or a file with errors (all-or-nothing: one bad row stops all). */
export function notApplied(
  ctx: Ctx,
  dryRun: boolean,
  total: number,
  created: number,
  updated: number,
  errors: readonly RowError[],
): ImportResult {
  return { dryRun, total, created, updated, errors: translated(ctx, errors), applied: false };
}

export async function report(progress: Progress | undefined, done: number, total: number): Promise<void> {
  if (progress) await progress(done, total);
}

/** Current locations by code, looked up in chunks (codes are free text, so they go as bound parameters). */
export async function locationsByCode(ctx: Ctx, codes: Iterable<string>) {
  const found = new Map<string, typeof location.$inferSelect>();
  for (const part of chunks([...new Set(codes)].filter(Boolean))) {
    const rows = await ctx.db
      .select()
      .from(location)
      .where(and(inArray(location.code, part), isNull(location.deletedAt)));
    for (const r of rows) found.set(r.code, r);
  }
  return found;
}

export async function facilitiesByCode(ctx: Ctx, codes: Iterable<string>) {
  const found = new Map<string, typeof healthFacility.$inferSelect>();
  for (const part of chunks([...new Set(codes)].filter(Boolean))) {
    const rows = await ctx.db
      .select()
      .from(healthFacility)
      .where(and(inArray(healthFacility.code, part), isNull(healthFacility.deletedAt)));
    for (const r of rows) found.set(r.code, r);
  }
  return found;
}
