import { type Locale, translate } from '@mutua/kernel';
import type { HealthFacility } from '@mutua/location';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { BatchRun, BillFormat, BillLineRow, BillTotals } from '../points.js';
import { pdfTable } from './pdf.js';

export interface BillDocument {
  bill: BillTotals & { lines: BillLineRow[] };
  run: BatchRun;
  facility: HealthFacility | null;
  locale: Locale;
  /** Claim codes by claim id. */
  codes: ReadonlyMap<string, string>;
}

const MIME: Record<BillFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** A provider bill as a file: one line per valuated claim (claimed, remunerated, deduction) and the totals. */
export async function billFile(
  doc: BillDocument,
  format: BillFormat,
): Promise<{ filename: string; mime: string; data: Buffer }> {
  const t = (key: string, params?: Record<string, unknown>) => translate(doc.locale, `claim-batch.${key}`, params);
  const { bill, run, facility } = doc;
  const month = `${run.year}-${String(run.month).padStart(2, '0')}`;
  const code = facility?.code ?? bill.facilityId.slice(0, 8);
  const filename = `bill-${code}-${month}.${format}`;
  const headers = [t('bill.claim'), t('bill.claimed'), t('bill.remunerated'), t('bill.deduction')];
  const rows = bill.lines.map((l) => [doc.codes.get(l.claimId) ?? l.claimId, l.claimed, l.remunerated, l.deduction]);
  const totals = [t('bill.total'), bill.claimed, bill.remunerated, bill.deduction];
  const title = t('bill.title');
  const subtitle = [
    `${t('bill.facility')}: ${facility ? `${facility.code} ${facility.name}` : bill.facilityId}`,
    `${t('bill.month')}: ${month}`,
  ];
  let data: Buffer;
  if (format === 'csv') {
    // Every row names the facility and the month, so that files of several facilities can be stacked.
    const who = [facility ? `${facility.code} ${facility.name}` : bill.facilityId, month];
    const table = [[t('bill.facility'), t('bill.month'), ...headers], ...[...rows, totals].map((r) => [...who, ...r])];
    data = Buffer.from(`\ufeff${stringify(table)}`, 'utf8');
  } else if (format === 'xlsx') {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(month);
    ws.addRow([title]).font = { bold: true, size: 14 };
    for (const s of subtitle) ws.addRow([s]);
    ws.addRow([]);
    ws.addRow(headers).font = { bold: true };
    const num = (s: string) => Number(s);
    for (const r of rows) ws.addRow([r[0], num(r[1]!), num(r[2]!), num(r[3]!)]);
    ws.addRow([totals[0], num(totals[1]!), num(totals[2]!), num(totals[3]!)]).font = { bold: true };
    ws.getColumn(1).width = 40;
    for (const c of [2, 3, 4]) {
      ws.getColumn(c).width = 16;
      ws.getColumn(c).numFmt = '#,##0.00';
    }
    data = Buffer.from(await wb.xlsx.writeBuffer());
  } else {
    data = pdfTable({
      title,
      subtitle,
      columns: [
        { header: headers[0]!, width: 235 },
        { header: headers[1]!, width: 95, align: 'right' },
        { header: headers[2]!, width: 95, align: 'right' },
        { header: headers[3]!, width: 90, align: 'right' },
      ],
      rows: [...rows, totals],
    });
  }
  return { filename, mime: MIME[format], data };
}
