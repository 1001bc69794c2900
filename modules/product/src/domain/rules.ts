import { columnName, type FieldSpec, PERIOD_FIELDS, PRODUCT_FIELDS } from './fields.js';
import type {
  CareType,
  FieldValue,
  LineInput,
  LineTerms,
  PeriodType,
  Problem,
  ProductInput,
  ProductValues,
  RelativeDistribution,
} from './types.js';

const DECIMAL = /^\d{1,16}(\.\d{1,2})?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INT_MAX = 2_147_483_647;

/** Trimmed text, or null when empty. */
export function clean(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const s = String(value).trim();
  return s === '' ? null : s;
}

/** A non-negative decimal with at most two decimals, normalised to two (`"5"` → `"5.00"`); null when not one. */
export function toDecimal(value: unknown): string | null {
  const s = clean(value);
  if (s === null || !DECIMAL.test(s)) return null;
  const [int, frac = ''] = s.split('.');
  return `${BigInt(int!).toString()}.${frac.padEnd(2, '0')}`;
}

/** Cents of a normalised decimal string, exactly. */
export const cents = (d: string): bigint => BigInt(d.replace('.', ''));

export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** A cycle start `DD-MM` (DOMAIN.md §7.1); 29-02 is accepted (the policy module clamps it in common years). */
export function isDayMonth(s: string): boolean {
  const m = /^(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const day = Number(m[1]);
  const month = Number(m[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1]!;
}

function checkField(spec: FieldSpec, raw: unknown, problems: Problem[]): FieldValue {
  const field = spec.name;
  const s = clean(raw);
  if (s === null) {
    if (spec.default !== undefined) return spec.default;
    if (spec.required) problems.push({ field, key: 'product.error.required' });
    return null;
  }
  switch (spec.kind) {
    case 'text':
      if (spec.max && s.length > spec.max)
        problems.push({ field, key: 'product.error.tooLong', params: { max: spec.max } });
      return s;
    case 'money': {
      const d = toDecimal(s);
      if (d === null) problems.push({ field, key: 'product.error.money' });
      return d;
    }
    case 'percent': {
      const d = toDecimal(s);
      if (d === null || cents(d) > 10000n) problems.push({ field, key: 'product.error.percent' });
      return d;
    }
    case 'int': {
      const n = Number(s);
      if (!/^\d+$/.test(s) || n > INT_MAX) {
        problems.push({ field, key: 'product.error.nonNegativeInt' });
        return null;
      }
      return n;
    }
    case 'enum':
      if (!spec.values?.includes(s)) {
        problems.push({ field, key: 'product.error.oneOf', params: { values: spec.values?.join(', ') } });
      }
      return s;
    case 'date':
      if (!isIsoDate(s)) problems.push({ field, key: 'product.error.date' });
      return s;
    case 'cycle':
      if (!isDayMonth(s)) problems.push({ field, key: 'product.error.cycle' });
      return s;
    case 'uuid':
      if (!UUID.test(s)) problems.push({ field, key: 'product.error.notFound' });
      return s.toLowerCase();
  }
}

const PERIOD_TYPE: Record<number, PeriodType> = { 1: 'Y', 4: 'Q', 12: 'M' };

/**
 * DOMAIN.md §7.3 / DECISIONS #21: per care type 1, 4 or 12 percentages, each 0–100. Each is the share of that
 * period's own allocated contributions (lead decision, issue 6), so they need not sum to 100.
 */
export function checkDistribution(raw: unknown, problems: Problem[]): RelativeDistribution[] {
  if (raw === null || raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push({ field: 'relativeDistribution', key: 'product.error.distribution' });
    return [];
  }
  const seen = new Set<string>();
  const out: RelativeDistribution[] = [];
  raw.forEach((entry: { careType?: unknown; periods?: unknown }, i) => {
    const base = `relativeDistribution.${i}`;
    const careType = clean(entry?.careType);
    if (careType !== 'B' && careType !== 'I' && careType !== 'O') {
      problems.push({ field: `${base}.careType`, key: 'product.error.oneOf', params: { values: 'B, I, O' } });
      return;
    }
    if (seen.has(careType)) problems.push({ field: `${base}.careType`, key: 'product.error.duplicateCareType' });
    seen.add(careType);
    const periods = Array.isArray(entry.periods) ? entry.periods : [];
    if (!PERIOD_TYPE[periods.length]) {
      problems.push({ field: `${base}.periods`, key: 'product.error.periodCount' });
      return;
    }
    const values = periods.map((p: unknown, j: number) => {
      const d = toDecimal(p);
      if (d === null || cents(d) > 10000n) {
        problems.push({ field: `${base}.periods.${j}`, key: 'product.error.percent' });
        return '0.00';
      }
      return d;
    });
    out.push({ careType: careType as CareType, periods: values });
  });
  return out;
}

/** The period type a distribution sets (Y/Q/M by its length). */
export const periodType = (d: RelativeDistribution): PeriodType => PERIOD_TYPE[d.periods.length]!;

/**
 * Every rule a product form checks without the database (DOMAIN.md §7.1): each field by its kind, the sale window,
 * "all" or the IP/OP pair of a deductible/ceiling family but not both, the threshold within the member count, and the
 * relative distribution. Returns the normalised values (defaults applied) with the problems, each naming its field.
 */
export function checkProduct(input: ProductInput): { problems: Problem[]; values: ProductValues } {
  const problems: Problem[] = [];
  const values: Record<string, unknown> = {};
  for (const spec of PRODUCT_FIELDS) values[spec.name] = checkField(spec, input[spec.name], problems);
  const bad = new Set(problems.map((p) => p.field));
  const v = values as Record<string, FieldValue>;
  if (!bad.has('dateFrom') && !bad.has('dateTo') && v.dateFrom && v.dateTo && String(v.dateTo) < String(v.dateFrom)) {
    problems.push({ field: 'dateTo', key: 'product.error.dateOrder' });
  }
  const positive = (name: string) => typeof v[name] === 'string' && cents(v[name] as string) > 0n;
  for (const prefix of ['ded', 'max']) {
    for (const fam of ['Treatment', 'Insuree', 'Policy']) {
      if (positive(`${prefix}${fam}`)) {
        for (const side of ['Ip', 'Op']) {
          const name = `${prefix}${side}${fam}`;
          if (positive(name)) problems.push({ field: name, key: 'product.error.allOrIpOp' });
        }
      }
    }
  }
  if (typeof v.threshold === 'number' && typeof v.maxMembers === 'number' && v.maxMembers > 0) {
    if (v.threshold > v.maxMembers) problems.push({ field: 'threshold', key: 'product.error.thresholdAboveMembers' });
  }
  const distribution = checkDistribution(input.relativeDistribution, problems);
  values.relativeDistribution = distribution;
  for (const [care, field] of Object.entries(PERIOD_FIELDS)) {
    const d = distribution.find((x) => x.careType === care);
    values[field] = d ? periodType(d) : null;
  }
  return { problems, values: values as ProductValues };
}

/** What an empty line field becomes (module config; openIMIS `limitDefaults`). */
export interface LineDefaults {
  priceOrigin: string;
  limitationType: string;
  waitingPeriodAdult: number | null;
  waitingPeriodChild: number | null;
}
export const LINE_DEFAULTS: LineDefaults = {
  priceOrigin: 'P',
  limitationType: 'C',
  waitingPeriodAdult: null,
  waitingPeriodChild: null,
};

export const LIMIT_FIELDS = [
  ['limitationType', 'limitAdult', 'limitChild'],
  ['limitationTypeE', 'limitAdultE', 'limitChildE'],
  ['limitationTypeR', 'limitAdultR', 'limitChildR'],
] as const;

/**
 * A product item/service line (DOMAIN.md §7.2): price origin P/O/R (default P), limitation C/F per visit type
 * (default C), C limits 0–100 (default 100) and F amounts ≥ 0 (default 0), waiting periods and limit numbers as
 * non-negative integers, ceiling exclusions H/N/B or none. Fields are named with `prefix` (e.g. `items.3.`).
 */
export function checkLine(
  input: LineInput,
  prefix = '',
  defaults: LineDefaults = LINE_DEFAULTS,
): { problems: Problem[]; values: LineTerms } {
  const problems: Problem[] = [];
  const out: Record<string, unknown> = {};
  const priceOrigin = clean(input.priceOrigin) ?? defaults.priceOrigin;
  if (!['P', 'O', 'R'].includes(priceOrigin)) {
    problems.push({ field: `${prefix}priceOrigin`, key: 'product.error.oneOf', params: { values: 'P, O, R' } });
  }
  out.priceOrigin = priceOrigin;
  for (const [typeField, adult, child] of LIMIT_FIELDS) {
    const type = clean(input[typeField]) ?? defaults.limitationType;
    if (type !== 'C' && type !== 'F') {
      problems.push({ field: `${prefix}${typeField}`, key: 'product.error.oneOf', params: { values: 'C, F' } });
    }
    out[typeField] = type;
    for (const field of [adult, child]) {
      const raw = clean(input[field]);
      const d = raw === null ? (type === 'F' ? '0.00' : '100.00') : toDecimal(raw);
      if (d === null) problems.push({ field: `${prefix}${field}`, key: 'product.error.money' });
      else if (type === 'C' && cents(d) > 10000n)
        problems.push({ field: `${prefix}${field}`, key: 'product.error.percent' });
      out[field] = d ?? '0.00';
    }
  }
  for (const field of ['waitingPeriodAdult', 'waitingPeriodChild', 'limitNoAdult', 'limitNoChild'] as const) {
    const raw = clean(input[field]);
    if (raw === null) {
      out[field] =
        field === 'waitingPeriodAdult'
          ? defaults.waitingPeriodAdult
          : field === 'waitingPeriodChild'
            ? defaults.waitingPeriodChild
            : null;
    } else if (!/^\d+$/.test(raw) || Number(raw) > INT_MAX) {
      problems.push({ field: `${prefix}${field}`, key: 'product.error.nonNegativeInt' });
      out[field] = null;
    } else out[field] = Number(raw);
  }
  for (const field of ['ceilingExclusionAdult', 'ceilingExclusionChild'] as const) {
    const raw = clean(input[field]);
    if (raw !== null && !['H', 'N', 'B'].includes(raw)) {
      problems.push({ field: `${prefix}${field}`, key: 'product.error.oneOf', params: { values: 'H, N, B' } });
    }
    out[field] = raw;
  }
  return { problems, values: out as unknown as LineTerms };
}

/** Whether two line terms are the same (an unchanged line keeps its version). */
export function sameTerms(a: LineTerms, b: LineTerms): boolean {
  return (Object.keys(a) as Array<keyof LineTerms>).every((k) => (a[k] ?? null) === (b[k] ?? null));
}

export { columnName };
