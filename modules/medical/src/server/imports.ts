import {
  type Ctx,
  type ImporterDef,
  type Importers,
  type ImportResult,
  requireRight,
  translate,
  withTransaction,
} from '@mutua/kernel';
import { and, inArray, isNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import {
  COLUMNS,
  checkRecords,
  type RawFile,
  type RegisterKind,
  type RowError,
  readCsv,
  readXml,
  tableRecords,
} from '../domain/import-rows.js';
import { RIGHTS } from '../manifest.js';
import type { Registers } from './service.js';

type ImportInput = Parameters<ImporterDef['run']>[1];

/** Reads the first worksheet of an .xlsx file as a table (header row first). */
export async function readXlsx(content: Buffer, columns: readonly string[]): Promise<RawFile> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch (err) {
    return { records: [], errors: [{ row: 1, key: 'medical.error.xlsxMalformed', params: { detail: String(err) } }] };
  }
  const sheet = wb.worksheets[0];
  if (!sheet) return { records: [], errors: [{ row: 1, key: 'medical.error.emptyFile' }] };
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const v = cell.value;
      cells[col - 1] = v !== null && typeof v === 'object' && 'text' in v ? (v as { text: string }).text : v;
    });
    rows[n - 1] = cells;
  });
  return tableRecords(
    Array.from(rows, (r) => r ?? []),
    columns,
  );
}

function translated(ctx: Ctx, errors: readonly RowError[]): ImportResult['errors'] {
  return [...errors]
    .sort((a, b) => a.row - b.row)
    .map((e) => ({
      row: e.row,
      ...(e.field ? { field: e.field } : {}),
      message: translate(ctx.locale, e.key, { label: e.field ? `medical.field.${e.field}` : undefined, ...e.params }),
    }));
}

const TABLE_OF = { items: 'items', services: 'services', diagnoses: 'diagnoses' } as const;

/**
 * A register import: read (CSV, openIMIS XML, XLSX), check every row against the field rules and the current
 * register, then all-or-nothing — insert-or-update by code, an update opening a new version, in one transaction.
 */
export async function runRegisterImport(
  registers: Registers,
  kind: RegisterKind,
  right: string,
  ctx: Ctx,
  input: ImportInput,
): Promise<ImportResult> {
  requireRight(ctx, right);
  const columns = COLUMNS[kind];
  const file =
    input.format === 'xml'
      ? readXml(input.content.toString('utf8'), kind)
      : input.format === 'xlsx'
        ? await readXlsx(input.content, columns)
        : readCsv(input.content.toString('utf8'), columns);
  const fail = (total: number, created: number, updated: number, errors: readonly RowError[]): ImportResult => ({
    dryRun: input.dryRun,
    total,
    created,
    updated,
    errors: translated(ctx, errors),
    applied: false,
  });
  if (file.errors.length) return fail(file.records.length, 0, 0, file.errors);
  const register = registers[TABLE_OF[kind]];
  const table = register.cols as unknown as { code: never; validTo: never };
  const codes = [...new Set(file.records.map((r) => r.values.code).filter((c): c is string => !!c))];
  const existing = new Map<string, { code: string }>();
  for (let i = 0; i < codes.length; i += 500) {
    const rows = (await ctx.db
      .select()
      .from(register.cols as never)
      .where(and(inArray(table.code, codes.slice(i, i + 500)), isNull(table.validTo)))) as Array<
      Record<string, unknown> & { code: string }
    >;
    for (const r of rows) {
      const { rowId: _r, id: _i, validFrom: _f, validTo: _t, ...values } = r;
      existing.set(r.code, values as { code: string });
    }
  }
  const { values, errors } = checkRecords<{ code: string }>(kind, file.records, existing);
  const created = values.filter((v) => !existing.has(v.code)).length;
  const updated = values.length - created;
  if (errors.length || input.dryRun) return fail(file.records.length, created, errors.length ? 0 : updated, errors);
  const total = values.length;
  let done = 0;
  const counts = await withTransaction(ctx, (tx) =>
    (
      register.upsert as (
        tx: Ctx,
        v: readonly { code: string }[],
        p?: () => Promise<void>,
      ) => Promise<{ created: number; updated: number }>
    )(tx, values, async () => {
      done++;
      if (input.progress && (done % 100 === 0 || done === total)) await input.progress(done, total);
    }),
  );
  return { dryRun: false, total, created: counts.created, updated: counts.updated, errors: [], applied: true };
}

/** Registers the three register imports (`POST /api/imports/medical.items` etc., `mutua import`, the web page). */
export function registerImports(imports: Importers, registers: Registers): void {
  const add = (kind: RegisterKind, right: string) =>
    imports.add({
      id: `medical.${kind}`,
      right,
      formats: ['csv', 'xml', 'xlsx'],
      label: `medical.import.${kind}`,
      run: (ctx, input) => runRegisterImport(registers, kind, right, ctx, input),
    });
  add('items', RIGHTS.itemAdd);
  add('services', RIGHTS.serviceAdd);
  add('diagnoses', RIGHTS.diagnosisUpload);
}
