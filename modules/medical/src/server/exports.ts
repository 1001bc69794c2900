import { type Ctx, InputError, type Routes } from '@mutua/kernel';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { COLUMNS, exportCells, type RegisterKind } from '../domain/import-rows.js';
import { RIGHTS } from '../manifest.js';
import type { Registers } from './service.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The current register as a file in the import's columns (CSV or XLSX), so an export imports back unchanged. */
export async function exportRegister(
  registers: Registers,
  kind: RegisterKind,
  ctx: Ctx,
  format: string,
): Promise<{ body: Buffer; type: string; filename: string }> {
  if (format !== 'csv' && format !== 'xlsx') {
    throw InputError.fields([{ field: 'format', key: 'medical.error.format', params: { format } }]);
  }
  const rows = (await registers[kind].all(ctx)) as unknown as Array<Record<string, unknown>>;
  const header = [...COLUMNS[kind]];
  const lines = rows.map((r) => exportCells(kind, r));
  if (format === 'csv') {
    return {
      body: Buffer.from(stringify([header, ...lines])),
      type: 'text/csv; charset=utf-8',
      filename: `${kind}.csv`,
    };
  }
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(kind);
  sheet.addRow(header);
  // Text cells: codes like "0012" and prices keep their exact form.
  for (const l of lines) sheet.addRow(l);
  return { body: Buffer.from(await wb.xlsx.writeBuffer()), type: XLSX_TYPE, filename: `${kind}.xlsx` };
}

/** `GET /api/medical/export/{items|services|diagnoses}?format=csv|xlsx`, guarded by each register's search right. */
export function registerExportRoutes(routes: Routes, registers: Registers): void {
  const add = (kind: RegisterKind, right: string) =>
    routes.add({
      method: 'GET',
      url: `/medical/export/${kind}`,
      guard: { right },
      schema: {
        querystring: {
          type: 'object',
          properties: { format: { type: 'string' } },
          additionalProperties: false,
        },
      },
      handler: async (req, reply, ctx) => {
        const { format = 'csv' } = req.query as { format?: string };
        const file = await exportRegister(registers, kind, ctx, format);
        reply.header('Content-Type', file.type);
        reply.header('Content-Disposition', `attachment; filename="${file.filename}"`);
        return reply.send(file.body);
      },
    });
  add('items', RIGHTS.itemSearch);
  add('services', RIGHTS.serviceSearch);
  add('diagnoses', RIGHTS.diagnosisSearch);
}
