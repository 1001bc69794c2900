import { EVERYONE, isValidMask } from './patient-category.js';
import {
  CARE_TYPES,
  type DiagnosisInput,
  type DiagnosisValues,
  ITEM_TYPES,
  type ItemValues,
  type MedicalItemInput,
  type MedicalServiceInput,
  PACKAGE_TYPES,
  type Problem,
  SERVICE_CATEGORIES,
  SERVICE_LEVELS,
  SERVICE_TYPES,
  type ServiceValues,
} from './types.js';

export const CODE_MAX = 6;
export const NAME_MAX = 100;
export const DIAGNOSIS_NAME_MAX = 255;
export const PACKAGE_MAX = 255;

/** Trims a free-text value; blank becomes null. */
export function clean(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const t = String(value).trim();
  return t === '' ? null : t;
}

/** A control character other than tab, line feed and carriage return. */
const hasControl = (v: string) =>
  [...v].some((ch) => {
    const c = ch.charCodeAt(0);
    return c < 32 && c !== 9 && c !== 10 && c !== 13;
  });

const required = (field: string): Problem => ({
  field,
  key: 'medical.error.required',
  params: { label: `medical.field.${field}` },
});

function text(p: Problem[], field: string, value: string | null | undefined, max: number, req: boolean) {
  const v = clean(value);
  if (v === null) {
    if (req) p.push(required(field));
  } else if (v.length > max) p.push({ field, key: 'medical.error.tooLong', params: { max } });
  // Control characters (NUL above all, which PostgreSQL refuses) only arrive from damaged files.
  else if (hasControl(v)) p.push({ field, key: 'medical.error.control' });
  return v;
}

function code(p: Problem[], value: string | null | undefined) {
  const before = p.length;
  const v = text(p, 'code', value, CODE_MAX, true);
  if (p.length === before && /\s/.test(v ?? '')) p.push({ field: 'code', key: 'medical.error.codeSpaces' });
  return v;
}

function oneOf(p: Problem[], field: string, value: string | null | undefined, list: readonly string[], req: boolean) {
  const v = clean(value);
  if (v === null) {
    if (req) p.push(required(field));
  } else if (!list.includes(v))
    p.push({ field, key: 'medical.error.notAllowed', params: { allowed: list.join(', ') } });
  return v;
}

const DECIMAL_RE = /^\d{1,16}(\.\d{1,2})?$/;

/**
 * An exact decimal amount ≥ 0 with at most 2 decimals (numeric(18,2)), normalised as PostgreSQL prints it
 * (`1500` → `1500.00`) so values compare as strings. Never goes through a JS float.
 */
export function normaliseDecimal(value: string): string {
  const [int, frac = ''] = value.split('.');
  const i = (int ?? '0').replace(/^0+(?=\d)/, '');
  return `${i}.${frac.padEnd(2, '0')}`;
}

function decimal(p: Problem[], field: string, value: string | number | null | undefined, req: boolean) {
  const v = clean(value === null || value === undefined ? value : String(value));
  if (v === null) {
    if (req) p.push(required(field));
    return null;
  }
  if (/^-\s*\d/.test(v)) {
    p.push({ field, key: 'medical.error.negative' });
    return null;
  }
  if (!DECIMAL_RE.test(v)) {
    p.push({ field, key: 'medical.error.decimal' });
    return null;
  }
  return normaliseDecimal(v);
}

function frequency(p: Problem[], value: number | null | undefined) {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 0 || value > 32767)
    p.push({ field: 'frequency', key: 'medical.error.frequency' });
  return value;
}

function patientCategory(p: Problem[], value: number | null | undefined) {
  if (value === null || value === undefined) return EVERYONE;
  // DECISIONS.md #3: 0 (openIMIS "allowed for all") is refused at data entry; 1–15 only.
  if (!isValidMask(value)) p.push({ field: 'patientCategory', key: 'medical.error.patientCategory' });
  return value;
}

/** Field rules of a medical item (DOMAIN.md §5.2); the values are normalised when there is no problem. */
export function checkItem(input: MedicalItemInput): { problems: Problem[]; values: ItemValues } {
  const p: Problem[] = [];
  const values: ItemValues = {
    code: code(p, input.code)!,
    name: text(p, 'name', input.name, NAME_MAX, true)!,
    type: oneOf(p, 'type', input.type, ITEM_TYPES, true)!,
    package: text(p, 'package', input.package, PACKAGE_MAX, false),
    price: decimal(p, 'price', input.price, true)!,
    quantity: decimal(p, 'quantity', input.quantity, false),
    maximumQuantity: decimal(p, 'maximumQuantity', input.maximumQuantity, false),
    careType: oneOf(p, 'careType', input.careType, CARE_TYPES, true)!,
    frequency: frequency(p, input.frequency),
    patientCategory: patientCategory(p, input.patientCategory),
  };
  return { problems: p, values };
}

/** Field rules of a medical service (DOMAIN.md §5.3). */
export function checkService(input: MedicalServiceInput): { problems: Problem[]; values: ServiceValues } {
  const p: Problem[] = [];
  const values: ServiceValues = {
    code: code(p, input.code)!,
    name: text(p, 'name', input.name, NAME_MAX, true)!,
    type: oneOf(p, 'type', input.type, SERVICE_TYPES, true)!,
    category: oneOf(p, 'category', input.category, SERVICE_CATEGORIES, false),
    level: oneOf(p, 'level', input.level, SERVICE_LEVELS, true)!,
    price: decimal(p, 'price', input.price, true)!,
    maximumQuantity: decimal(p, 'maximumQuantity', input.maximumQuantity, false),
    careType: oneOf(p, 'careType', input.careType, CARE_TYPES, true)!,
    frequency: frequency(p, input.frequency),
    patientCategory: patientCategory(p, input.patientCategory),
    packageType: oneOf(p, 'packageType', input.packageType, PACKAGE_TYPES, false) ?? 'S',
    manualPrice: input.manualPrice ?? false,
  };
  return { problems: p, values };
}

/** Field rules of an ICD-10 diagnosis (DOMAIN.md §5.1). */
export function checkDiagnosis(input: DiagnosisInput): { problems: Problem[]; values: DiagnosisValues } {
  const p: Problem[] = [];
  const values: DiagnosisValues = {
    code: code(p, input.code)!,
    name: text(p, 'name', input.name, DIAGNOSIS_NAME_MAX, true)!,
    nameFr: text(p, 'nameFr', input.nameFr, DIAGNOSIS_NAME_MAX, false),
  };
  return { problems: p, values };
}

/** Whether two value records hold the same business fields (an unchanged update opens no new version). */
export function sameValues<T extends object>(a: T, b: T): boolean {
  return Object.keys(a).every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k]);
}
