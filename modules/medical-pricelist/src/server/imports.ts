import {
  type Ctx,
  type ImporterDef,
  type Importers,
  type ImportResult,
  InputError,
  NotFoundError,
  type Routes,
  requireRight,
  translate,
  withTransaction,
} from '@mutua/kernel';
import type { MedicalApi } from '@mutua/medical';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import {
  COLUMNS,
  checkRows,
  type ImportLine,
  type RawFile,
  type RowError,
  readCsv,
  tableRecords,
} from '../domain/import-rows.js';
import { KIND_RIGHTS, type PricelistKind } from '../manifest.js';
import type { PricelistService } from './service.js';

type ImportInput = Parameters<ImporterDef['run']>[1];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Reads the first worksheet of an .xlsx file as a table (header row first). */
export async function readXlsx(content: Buffer): Promise<RawFile> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch (err) {
    return {
      records: [],
      errors: [{ row: 1, key: 'medical-pricelist.error.xlsxMalformed', params: { detail: String(err) } }],
    };
  }
  const sheet = wb.worksheets[0];
  if (!sheet) return { records: [], errors: [{ row: 1, key: 'medical-pricelist.error.emptyFile' }] };
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const v = cell.value;
      cells[col - 1] = v !== null && typeof v === 'object' && 'text' in v ? (v as { text: string }).text : v;
    });
    rows[n - 1] = cells;
  });
  return tableRecords(Array.from(rows, (r) => r ?? []));
}

function translated(ctx: Ctx, errors: readonly RowError[]): ImportResult['errors'] {
  return [...errors]
    .sort((a, b) => a.row - b.row)
    .map((e) => ({
      row: e.row,
      ...(e.field ? { field: e.field } : {}),
      message: translate(ctx.locale, e.key, { field: e.field, ...e.params }),
    }));
}

/** Register ids by code (current register), looked up one by one through the medical service. */
async function idsByCode(medical: MedicalApi, kind: PricelistKind, ctx: Ctx, codes: readonly string[]) {
  const out = new Map<string, string>();
  for (const code of new Set(codes)) {
    const row = kind === 'items' ? await medical.findItemByCode(ctx, code) : await medical.findServiceByCode(ctx, code);
    if (row) out.set(code, row.id);
  }
  return out;
}

/**
 * A price-list import (`pricelist,code,price`): every row checked (known list, known code, price ≥ 0), then
 * all-or-nothing — each row adds the line to its list or reprices it (a new version), in one transaction.
 */
export async function runPricelistImport(
  service: PricelistService,
  medical: MedicalApi,
  kind: PricelistKind,
  ctx: Ctx,
  input: ImportInput,
): Promise<ImportResult> {
  requireRight(ctx, KIND_RIGHTS[kind].edit);
  const file = input.format === 'xlsx' ? await readXlsx(input.content) : readCsv(input.content.toString('utf8'));
  const notApplied = (total: number, created: number, updated: number, errors: readonly RowError[]): ImportResult => ({
    dryRun: input.dryRun,
    total,
    created,
    updated,
    errors: translated(ctx, errors),
    applied: false,
  });
  if (file.errors.length) return notApplied(file.records.length, 0, 0, file.errors);
  const svc = service[kind];
  const lists = await svc.byNames(
    ctx,
    file.records.map((r) => r.values.pricelist).filter((n): n is string => !!n),
  );
  const ids = await idsByCode(
    medical,
    kind,
    ctx,
    file.records.map((r) => r.values.code).filter((c): c is string => !!c),
  );
  const { lines, errors } = checkRows(
    file.records,
    (n) => lists.get(n)?.id,
    (c) => ids.get(c),
  );
  const byList = new Map<string, ImportLine[]>();
  for (const l of lines) byList.set(l.listId, [...(byList.get(l.listId) ?? []), l]);
  const current = new Map<string, Map<string, string | null>>();
  for (const id of byList.keys()) current.set(id, await svc.currentLines(ctx, id));
  const created = lines.filter((l) => !current.get(l.listId)!.has(l.medicalId)).length;
  const updated = lines.filter((l) => {
    const cur = current.get(l.listId)!;
    return cur.has(l.medicalId) && cur.get(l.medicalId) !== l.override;
  }).length;
  if (errors.length || input.dryRun) return notApplied(file.records.length, created, updated, errors);
  const total = lines.length;
  // Progress goes to the job's row through the root connection: never from inside the transaction below, where an
  // embedded one-connection database (PGlite) would wait for the transaction that waits for it.
  await input.progress?.(0, total);
  await withTransaction(ctx, async (tx) => {
    for (const [listId, part] of byList) {
      const list = (await svc.peek(tx, listId))!;
      const cur = current.get(listId)!;
      const changed = part.filter((l) => !cur.has(l.medicalId) || cur.get(l.medicalId) !== l.override);
      await svc.writeLines(
        tx,
        list,
        changed.filter((l) => cur.has(l.medicalId)).map((l) => l.medicalId),
        changed.map((l) => ({ medicalId: l.medicalId, override: l.override })),
      );
    }
  });
  await input.progress?.(total, total);
  return { dryRun: false, total: file.records.length, created, updated, errors: [], applied: true };
}

/** One list as a file in the import's columns, so an export imports back unchanged. */
export async function exportPricelist(
  service: PricelistService,
  kind: PricelistKind,
  ctx: Ctx,
  id: string,
  format: string,
): Promise<{ body: Buffer; type: string; filename: string }> {
  if (format !== 'csv' && format !== 'xlsx') {
    throw InputError.fields([{ field: 'format', key: 'medical-pricelist.error.format', params: { format } }]);
  }
  const list = await service[kind].get(ctx, id);
  if (!list) throw new NotFoundError(kind === 'items' ? 'ItemsPricelist' : 'ServicesPricelist', id);
  const lines = (await service[kind].details(ctx, id)).map((d) => [list.name, d.code ?? '', d.override ?? '']);
  const header = [...COLUMNS];
  if (format === 'csv') {
    return {
      body: Buffer.from(stringify([header, ...lines])),
      type: 'text/csv; charset=utf-8',
      filename: `${kind}-pricelist.csv`,
    };
  }
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(kind);
  sheet.addRow(header);
  for (const l of lines) sheet.addRow(l);
  return { body: Buffer.from(await wb.xlsx.writeBuffer()), type: XLSX_TYPE, filename: `${kind}-pricelist.xlsx` };
}

/** `medical-pricelist.items|services` imports and `GET /api/medical-pricelist/export/{items|services}/{id}`. */
export function registerImportsAndExports(
  imports: Importers,
  routes: Routes,
  service: PricelistService,
  medical: MedicalApi,
): void {
  for (const kind of ['items', 'services'] as const) {
    imports.add({
      id: `medical-pricelist.${kind}`,
      right: KIND_RIGHTS[kind].edit,
      formats: ['csv', 'xlsx'],
      label: `medical-pricelist.import.${kind}`,
      run: (ctx, input) => runPricelistImport(service, medical, kind, ctx, input),
    });
    routes.add({
      method: 'GET',
      url: `/medical-pricelist/export/${kind}/:id`,
      guard: { right: KIND_RIGHTS[kind].search },
      schema: {
        querystring: { type: 'object', properties: { format: { type: 'string' } }, additionalProperties: false },
      },
      handler: async (req, reply, ctx) => {
        const { format = 'csv' } = req.query as { format?: string };
        const { id } = req.params as { id: string };
        const file = await exportPricelist(service, kind, ctx, id, format);
        reply.header('Content-Type', file.type);
        reply.header('Content-Disposition', `attachment; filename="${file.filename}"`);
        return reply.send(file.body);
      },
    });
  }
}
