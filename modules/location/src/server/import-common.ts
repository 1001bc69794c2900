import { type Ctx, type ImporterDef, type ImportResult, type Progress, requireRight, translate } from '@mutua/kernel';
import { and, inArray, isNull } from 'drizzle-orm';
import type { RawFile, RawRecord, RowError } from '../domain/import-parse.js';
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

export type ImportInput = Parameters<ImporterDef['run']>[1];

/** What the rows checks found: the rows, their errors and the current register records by code. */
export interface CheckedRows<R> {
  rows: R[];
  errors: RowError[];
  existing: ReadonlyMap<string, unknown>;
}

/** Counts the rows written for the progress bar: after each chunk of creates, then every 100 updates and the last. */
export interface Written {
  chunk(rows: number): Promise<void>;
  row(): Promise<void>;
}

/**
 * The steps every register import shares: the right, reading the file, checking every row, then all-or-nothing — a
 * row whose code is in the register is an update, any other a create, and `apply` writes them only when no row has an
 * error and it is not a dry run.
 */
export async function runImport<C extends CheckedRows<{ code: string }>>(
  ctx: Ctx,
  input: ImportInput,
  steps: {
    right: string;
    /** Reads the file as its format says (CSV columns or the openIMIS XML layout). */
    read(text: string, format: string): RawFile;
    check(records: RawRecord[]): Promise<C>;
    apply(checked: C, creates: C['rows'], updates: C['rows'], written: Written): Promise<void>;
  },
): Promise<ImportResult> {
  requireRight(ctx, steps.right);
  const file = steps.read(input.content.toString('utf8'), input.format);
  if (file.errors.length) return notApplied(ctx, input.dryRun, file.records.length, 0, 0, file.errors);
  const checked = await steps.check(file.records);
  const { rows, errors, existing } = checked;
  const creates = rows.filter((r) => !existing.has(r.code));
  const updates = rows.filter((r) => existing.has(r.code));
  if (errors.length || input.dryRun) {
    return notApplied(ctx, input.dryRun, rows.length, creates.length, updates.length, errors);
  }
  const total = rows.length;
  let done = 0;
  await steps.apply(checked, creates, updates, {
    async chunk(n) {
      done += n;
      await report(input.progress, done, total);
    },
    async row() {
      done++;
      if (done % 100 === 0 || done === total) await report(input.progress, done, total);
    },
  });
  return { dryRun: false, total, created: creates.length, updated: updates.length, errors: [], applied: true };
}

/** The answer when nothing is written: a dry run, or a file with errors (all-or-nothing: one bad row stops all). */
function notApplied(
  ctx: Ctx,
  dryRun: boolean,
  total: number,
  created: number,
  updated: number,
  errors: readonly RowError[],
): ImportResult {
  return { dryRun, total, created, updated, errors: translated(ctx, errors), applied: false };
}

async function report(progress: Progress | undefined, done: number, total: number): Promise<void> {
  if (progress) await progress(done, total);
}

type Register = typeof location | typeof healthFacility;

/** Current records of a register by code, looked up in chunks (codes are free text, so they go as bound parameters). */
async function currentByCode<T extends Register>(
  ctx: Ctx,
  table: T,
  codes: Iterable<string>,
): Promise<Map<string, T['$inferSelect']>> {
  const found = new Map<string, T['$inferSelect']>();
  for (const part of chunks([...new Set(codes)].filter(Boolean))) {
    // Drizzle types a select only from a known table; the rows are `table`'s.
    const rows = (await ctx.db
      .select()
      .from(table as Register)
      .where(and(inArray(table.code, part), isNull(table.deletedAt)))) as Array<T['$inferSelect']>;
    for (const r of rows) found.set(r.code, r);
  }
  return found;
}

export const locationsByCode = (ctx: Ctx, codes: Iterable<string>) => currentByCode(ctx, location, codes);
export const facilitiesByCode = (ctx: Ctx, codes: Iterable<string>) => currentByCode(ctx, healthFacility, codes);
