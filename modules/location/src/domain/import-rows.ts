import { checkHealthFacility } from './hf-rules.js';
import type { RawRecord, RowError } from './import-parse.js';
import { checkLocation, childType, levelOf } from './location-rules.js';
import type { HealthFacilityInput, LocationInput, Problem } from './types.js';

export const LOCATION_CSV_COLUMNS = [
  'type',
  'code',
  'name',
  'parentCode',
  'malePopulation',
  'femalePopulation',
  'otherPopulation',
  'families',
] as const;
export const LOCATION_CSV_REQUIRED = ['type', 'code', 'name'] as const;

export const HF_CSV_COLUMNS = [
  'code',
  'name',
  'legalForm',
  'level',
  'subLevel',
  'careType',
  'districtCode',
  'address',
  'phone',
  'fax',
  'email',
  'accCode',
  'status',
] as const;
export const HF_CSV_REQUIRED = ['code', 'name', 'legalForm', 'level', 'careType', 'districtCode'] as const;

export interface LocationRow extends LocationInput {
  row: number;
  type: string;
  parentCode: string | null;
}

export interface HfRow extends Omit<HealthFacilityInput, 'locationId' | 'catchments'> {
  row: number;
  districtCode: string;
}

const POPULATION = ['malePopulation', 'femalePopulation', 'otherPopulation', 'families'] as const;

/** Whole non-negative numbers; anything else is reported on its field (and read as absent). */
function readCount(rec: RawRecord, field: string, errors: RowError[]): number | null {
  const raw = rec.values[field];
  if (raw === undefined) return null;
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
    errors.push({ row: rec.row, field, key: 'location.error.notCount' });
    return null;
  }
  return Number(raw);
}

const toRowErrors = (row: number, problems: readonly Problem[]): RowError[] =>
  problems.map((p) => ({ row, field: p.field, key: p.key, ...(p.params ? { params: p.params } : {}) }));

/**
 * Reads each record into a row with `read` (which may report into `errors` too), then adds the row's field problems
 * and, for a code already used higher up the file, a duplicate error pointing at the first row. Returns the rows and
 * the first row of each code.
 */
function readRows<R extends { row: number; code: string }>(
  records: readonly RawRecord[],
  errors: RowError[],
  read: (rec: RawRecord) => { row: R; problems: Problem[] },
): { rows: R[]; byCode: Map<string, R> } {
  const rows: R[] = [];
  const byCode = new Map<string, R>();
  for (const rec of records) {
    const { row, problems } = read(rec);
    errors.push(...toRowErrors(rec.row, problems));
    const first = byCode.get(row.code);
    if (first) {
      errors.push({
        row: rec.row,
        field: 'code',
        key: 'location.error.duplicateInFile',
        params: { code: row.code, first: first.row },
      });
    } else if (row.code) {
      byCode.set(row.code, row);
    }
    rows.push(row);
  }
  return { rows, byCode };
}

/**
 * Checks location rows on their own and against each other: field rules, one row per code, and for a parent found
 * in the same file, that the row sits exactly one level under it. Parents not in the file are returned for the
 * service to look up.
 */
export function checkLocationRows(
  records: readonly RawRecord[],
  levels: readonly string[],
): { rows: LocationRow[]; errors: RowError[]; externalParents: Set<string> } {
  const errors: RowError[] = [];
  const { rows, byCode } = readRows(records, errors, (rec) => {
    const v = rec.values;
    const row: LocationRow = {
      row: rec.row,
      type: v.type ?? '',
      code: v.code ?? '',
      name: v.name ?? '',
      parentCode: v.parentCode ?? null,
    };
    for (const f of POPULATION) row[f] = readCount(rec, f, errors);
    // Parent's type is not known yet; a top-level row must not have a parent, any other row must.
    const level = levelOf(row.type, levels);
    const top = level === 0;
    const parentType = level > 0 ? levels[level - 1]! : null;
    const { problems } = checkLocation(row, levels, parentType);
    if (!row.type)
      problems.push({ field: 'type', key: 'location.error.required', params: { field: 'location.field.type' } });
    if (top && row.parentCode) problems.push({ field: 'parentCode', key: 'location.error.topLevelParent' });
    if (level > 0 && !row.parentCode) {
      problems.push({
        field: 'parentCode',
        key: 'location.error.required',
        params: { field: 'location.field.parentCode' },
      });
    }
    return { row, problems };
  });
  const externalParents = new Set<string>();
  for (const row of rows) {
    if (!row.parentCode) continue;
    const parent = byCode.get(row.parentCode);
    if (!parent) {
      externalParents.add(row.parentCode);
      continue;
    }
    const misplaced = typeUnderParent(row, parent.type, levels);
    if (misplaced) errors.push(misplaced);
  }
  return { rows, errors, externalParents };
}

/** The error for a row that does not sit exactly one level under its parent (found in the file or in the database). */
export function typeUnderParent(row: LocationRow, parentType: string, levels: readonly string[]): RowError | undefined {
  const expected = childType(parentType, levels);
  if (expected === row.type) return undefined;
  return {
    row: row.row,
    field: 'parentCode',
    key: 'location.error.typeUnderParent',
    params: { type: row.type, expected: expected ?? '-', parentType },
  };
}

/** Parents before children: rows sorted by level, stable within a level (the file order). */
export function byLevel(rows: readonly LocationRow[], levels: readonly string[]): LocationRow[] {
  return [...rows].sort((a, b) => levelOf(a.type, levels) - levelOf(b.type, levels));
}

/** Checks health-facility rows: field rules (as on the form) and one row per code. */
export function checkHfRows(records: readonly RawRecord[]): { rows: HfRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const { rows } = readRows(records, errors, (rec) => {
    const v = rec.values;
    const row: HfRow = {
      row: rec.row,
      code: v.code ?? '',
      name: v.name ?? '',
      legalForm: v.legalForm ?? '',
      level: v.level ?? '',
      subLevel: v.subLevel ?? null,
      careType: v.careType ?? '',
      districtCode: v.districtCode ?? '',
      address: v.address ?? null,
      phone: v.phone ?? null,
      fax: v.fax ?? null,
      email: v.email ?? null,
      accCode: v.accCode ?? null,
      status: v.status ?? null,
    };
    // Imports carry no contract dates, so the mandatory-dates rule is the form's business, not the register's.
    const problems = checkHealthFacility(
      { ...row, locationId: row.districtCode },
      { contractDatesMandatory: false },
    ).map((p) => (p.field === 'locationId' ? { ...p, field: 'districtCode' } : p));
    return { row, problems };
  });
  return { rows, errors };
}
