import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fromFlags } from './patient-category.js';
import { checkDiagnosis, checkItem, checkService } from './rules.js';
import type {
  DiagnosisInput,
  DiagnosisValues,
  ItemValues,
  MedicalItemInput,
  MedicalServiceInput,
  Problem,
  ServiceValues,
} from './types.js';

/** A problem of one import row; rows are 1-based (CSV/XLSX: the header is row 1; XML: the record's ordinal). */
export interface RowError {
  row: number;
  field?: string;
  key: string;
  params?: Record<string, unknown>;
}

/**
 * One record as read from a file: column → raw text. A column present with a blank cell is `null` (cleared); a
 * column the file does not carry is absent, and an update keeps the register's value.
 */
export interface RawRecord {
  row: number;
  values: Record<string, string | null>;
}

export interface RawFile {
  records: RawRecord[];
  errors: RowError[];
}

export const ITEM_COLUMNS = [
  'code',
  'name',
  'type',
  'package',
  'price',
  'quantity',
  'maximumQuantity',
  'careType',
  'frequency',
  'patientCategory',
] as const;
export const SERVICE_COLUMNS = [
  'code',
  'name',
  'type',
  'category',
  'level',
  'price',
  'maximumQuantity',
  'careType',
  'frequency',
  'patientCategory',
  'packageType',
  'manualPrice',
] as const;
export const DIAGNOSIS_COLUMNS = ['code', 'name', 'nameFr'] as const;
/** Other header names accepted (the shipped ICD-10 file uses name_en/name_fr). */
const ALIASES: Record<string, string> = { name_en: 'name', name_fr: 'nameFr', namefr: 'nameFr' };

const blank = (v: unknown): string | null => {
  if (v === undefined || v === null) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
};

/** A table (header row then data rows, as CSV or a worksheet gives them) to records of the known columns. */
export function tableRecords(rows: unknown[][], columns: readonly string[]): RawFile {
  const head = rows[0];
  if (!head?.some((h) => blank(h) !== null))
    return { records: [], errors: [{ row: 1, key: 'medical.error.emptyFile' }] };
  const index = new Map<string, number>();
  head.forEach((h, i) => {
    const name = String(h ?? '').trim();
    const lower = name.toLowerCase();
    const match = columns.find((c) => c.toLowerCase() === lower) ?? ALIASES[lower];
    if (match && columns.includes(match)) index.set(match, i);
  });
  const errors: RowError[] = ['code', 'name']
    .filter((c) => !index.has(c))
    .map((c) => ({ row: 1, field: c, key: 'medical.error.missingColumn', params: { column: c } }));
  if (errors.length) return { records: [], errors };
  const records: RawRecord[] = [];
  rows.slice(1).forEach((cells, i) => {
    if (!cells.some((c) => blank(c) !== null)) return;
    const values: Record<string, string | null> = {};
    for (const [name, at] of index) values[name] = blank(cells[at]);
    records.push({ row: i + 2, values });
  });
  return { records, errors };
}

/** Reads CSV with a header line; columns by name, any order; `;` separators (French Excel) detected. */
export function readCsv(text: string, columns: readonly string[]): RawFile {
  const body = text.replace(/^\uFEFF/, '');
  const header = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = header.includes(';') && !header.includes(',') ? ';' : ',';
  try {
    const rows = parseCsv(body, { delimiter, skip_empty_lines: true, relax_column_count: true }) as string[][];
    return tableRecords(rows, columns);
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 1;
    return { records: [], errors: [{ row: line, key: 'medical.error.csvMalformed', params: { detail: String(err) } }] };
  }
}

/** openIMIS register XML (MODULARITY-INTEROP.md §4.5): tag names of each field per register. */
const XML = {
  diagnoses: { root: 'Diagnoses', record: 'Diagnosis', prefix: 'Diagnosis', fields: { Code: 'code', Name: 'name' } },
  items: {
    root: 'Items',
    record: 'Item',
    prefix: 'Item',
    fields: {
      Code: 'code',
      Name: 'name',
      Type: 'type',
      Package: 'package',
      Price: 'price',
      Quantity: 'quantity',
      MaximumQuantity: 'maximumQuantity',
      CareType: 'careType',
      Frequency: 'frequency',
    },
  },
  services: {
    root: 'Services',
    record: 'Service',
    prefix: 'Service',
    fields: {
      Code: 'code',
      Name: 'name',
      Type: 'type',
      Category: 'category',
      Level: 'level',
      Price: 'price',
      MaximumQuantity: 'maximumQuantity',
      CareType: 'careType',
      Frequency: 'frequency',
      PackageType: 'packageType',
      ManualPrice: 'manualPrice',
    },
  },
} as const;
export type RegisterKind = keyof typeof XML;

const truthy = (v: string | null) => v !== null && /^(1|true|yes|oui|y|o)$/i.test(v);

/**
 * Reads the openIMIS XML layout of a register. Items and services carry the patient category as four 0/1 tags
 * (`ItemAdultCategory`, `ItemMinorCategory`, `ItemMaleCategory`, `ItemFemaleCategory`) folded into the bitmask.
 */
export function readXml(text: string, kind: RegisterKind): RawFile {
  const body = text.replace(/^\uFEFF/, '');
  const valid = XMLValidator.validate(body);
  if (valid !== true) {
    return {
      records: [],
      errors: [{ row: valid.err.line, key: 'medical.error.xmlMalformed', params: { detail: valid.err.msg } }],
    };
  }
  const layout = XML[kind];
  const doc = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    isArray: (name) => name === layout.record,
  }).parse(body) as Record<string, Record<string, unknown> | undefined>;
  const list = (doc[layout.root]?.[layout.record] ?? []) as Array<Record<string, unknown>>;
  if (!list.length) return { records: [], errors: [{ row: 1, key: 'medical.error.emptyFile' }] };
  const records = list.map((el, i): RawRecord => {
    const values: Record<string, string | null> = {};
    for (const [tag, field] of Object.entries(layout.fields)) {
      const key = `${layout.prefix}${tag}`;
      if (key in el) values[field] = blank(el[key]);
    }
    const cat = (c: string) => `${layout.prefix}${c}Category`;
    if (kind !== 'diagnoses' && ['Male', 'Female', 'Adult', 'Minor'].some((c) => cat(c) in el)) {
      const flag = (c: string) => truthy(blank(el[cat(c)]));
      values.patientCategory = String(
        fromFlags({ male: flag('Male'), female: flag('Female'), adult: flag('Adult'), minor: flag('Minor') }),
      );
    }
    return { row: i + 1, values };
  });
  return { records, errors: [] };
}

function integer(p: Problem[], field: string, v: string | null | undefined): number | null | undefined {
  if (v === undefined || v === null) return v;
  if (!/^-?\d+$/.test(v)) {
    p.push({ field, key: 'medical.error.notNumber' });
    return undefined;
  }
  return Number(v);
}

/** Fields the record gives, over those of the register's current version (kept when the file lacks the column). */
const merge = <T extends object>(base: T | undefined, given: Record<string, unknown>): T =>
  ({ ...(base ?? {}), ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) }) as T;

/**
 * Checks every record of a register file: the field rules, numbers, and codes appearing twice. Returns the values to
 * write (in file order) and row errors; `existing` gives the current version by code for the columns a file omits.
 */
export function checkRecords<V extends { code: string }>(
  kind: RegisterKind,
  records: readonly RawRecord[],
  existing: ReadonlyMap<string, V>,
): { values: V[]; errors: RowError[] } {
  const values: V[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const r of records) {
    const p: Problem[] = [];
    const v = r.values;
    const code = v.code ?? '';
    const given: Record<string, unknown> = { ...v };
    let checked: { problems: Problem[]; values: unknown };
    if (kind === 'diagnoses') {
      checked = checkDiagnosis(merge<DiagnosisInput>(existing.get(code) as DiagnosisValues | undefined, given));
    } else {
      given.frequency = integer(p, 'frequency', v.frequency);
      given.patientCategory = integer(p, 'patientCategory', v.patientCategory);
      if (kind === 'items') {
        checked = checkItem(merge<MedicalItemInput>(existing.get(code) as ItemValues | undefined, given));
      } else {
        if ('manualPrice' in v) given.manualPrice = v.manualPrice === null ? false : truthy(v.manualPrice);
        checked = checkService(merge<MedicalServiceInput>(existing.get(code) as ServiceValues | undefined, given));
      }
    }
    p.push(...checked.problems.filter((c) => !p.some((q) => q.field === c.field)));
    const first = seen.get(code);
    if (code && first !== undefined) {
      p.push({ field: 'code', key: 'medical.error.duplicateCode', params: { code, row: first } });
    }
    if (code) seen.set(code, r.row);
    if (p.length) errors.push(...p.map((q) => ({ row: r.row, field: q.field, key: q.key, params: q.params ?? {} })));
    else values.push(checked.values as V);
  }
  return { values, errors };
}

/** The import/export columns of a register. */
export const COLUMNS: Record<RegisterKind, readonly string[]> = {
  items: ITEM_COLUMNS,
  services: SERVICE_COLUMNS,
  diagnoses: DIAGNOSIS_COLUMNS,
};

/** A register row as the cells of an export line (same columns as the import). */
export function exportCells(kind: RegisterKind, row: Record<string, unknown>): string[] {
  return COLUMNS[kind].map((c) => {
    const v = row[c];
    return v === null || v === undefined ? '' : String(v);
  });
}
