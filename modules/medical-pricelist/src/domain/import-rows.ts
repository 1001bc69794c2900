import { parse } from 'csv-parse/sync';
import { clean, parsePrice } from './rules.js';

export const COLUMNS = ['pricelist', 'code', 'price'] as const;

export interface RowError {
  /** 1-based, the header being row 1. */
  row: number;
  field?: string;
  key: string;
  params?: Record<string, unknown>;
}
export interface RawRecord {
  row: number;
  values: { pricelist: string | null; code: string | null; price: string | null };
}
export interface RawFile {
  records: RawRecord[];
  errors: RowError[];
}

/** Reads a table whose first row is the header (CSV or a worksheet); the three columns in any order. */
export function tableRecords(rows: readonly (readonly unknown[])[], firstRow = 1): RawFile {
  const header = (rows[0] ?? []).map((c) =>
    String(c ?? '')
      .trim()
      .toLowerCase(),
  );
  const index = COLUMNS.map((c) => header.indexOf(c));
  const missing = COLUMNS.filter((_c, i) => index[i]! < 0);
  if (!rows.length) return { records: [], errors: [{ row: 1, key: 'medical-pricelist.error.emptyFile' }] };
  if (missing.length) {
    return {
      records: [],
      errors: [{ row: firstRow, key: 'medical-pricelist.error.header', params: { columns: missing.join(', ') } }],
    };
  }
  const records: RawRecord[] = [];
  rows.slice(1).forEach((r, i) => {
    const cell = (n: number) => {
      const v = r[index[n]!];
      return v === null || v === undefined ? null : clean(String(v));
    };
    const values = { pricelist: cell(0), code: cell(1), price: cell(2) };
    if (values.pricelist === null && values.code === null && values.price === null) return;
    records.push({ row: firstRow + i + 1, values });
  });
  return { records, errors: [] };
}

/** Reads CSV text (comma or semicolon, the delimiter of the header line). */
export function readCsv(text: string): RawFile {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    const rows = parse(body, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
    return tableRecords(rows);
  } catch (err) {
    return {
      records: [],
      errors: [{ row: 1, key: 'medical-pricelist.error.csvMalformed', params: { detail: String(err) } }],
    };
  }
}

/** A checked row ready to write: the list id and the register id, with its override (null = register price). */
export interface ImportLine {
  row: number;
  listId: string;
  medicalId: string;
  override: string | null;
}

/**
 * Checks every row: the list exists (by name), the code is in the register, the price (if any) is a non-negative
 * amount, and a list does not get the same code twice. All problems are returned, each naming its row and field.
 */
export function checkRows(
  records: readonly RawRecord[],
  listByName: (name: string) => string | undefined,
  idByCode: (code: string) => string | undefined,
): { lines: ImportLine[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const lines: ImportLine[] = [];
  const seen = new Map<string, number>();
  for (const { row, values } of records) {
    const before = errors.length;
    const listId = values.pricelist ? listByName(values.pricelist) : undefined;
    if (!values.pricelist) errors.push({ row, field: 'pricelist', key: 'medical-pricelist.error.required' });
    else if (!listId) {
      errors.push({
        row,
        field: 'pricelist',
        key: 'medical-pricelist.error.unknownList',
        params: { name: values.pricelist },
      });
    }
    const medicalId = values.code ? idByCode(values.code) : undefined;
    if (!values.code) errors.push({ row, field: 'code', key: 'medical-pricelist.error.required' });
    else if (!medicalId)
      errors.push({ row, field: 'code', key: 'medical-pricelist.error.unknownCode', params: { code: values.code } });
    let override: string | null = null;
    if (values.price !== null) {
      const p = parsePrice(values.price);
      if ('key' in p) errors.push({ row, field: 'price', key: p.key });
      else override = p.price;
    }
    if (errors.length > before || !listId || !medicalId) continue;
    const k = `${listId}/${medicalId}`;
    const first = seen.get(k);
    if (first !== undefined) {
      errors.push({ row, field: 'code', key: 'medical-pricelist.error.duplicateRow', params: { row: first } });
      continue;
    }
    seen.set(k, row);
    lines.push({ row, listId, medicalId, override });
  }
  return { lines, errors };
}
