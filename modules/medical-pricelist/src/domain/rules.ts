import type { DetailChanges, PricelistInput, Problem } from './types.js';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuidText = (s: string): boolean => UUID_RE.test(s);

/** Trimmed text, or null when empty. */
export function clean(v: string | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  const t = String(v).trim();
  return t === '' ? null : t;
}

const DECIMAL_RE = /^[+-]?(\d+)(?:[.,](\d+))?$/;

/**
 * A money amount as given by a form or a file ("1500", "1 500,5", "12.30") checked for numeric(18,2) ≥ 0 and written
 * as an exact string with two decimals; or the i18n key of the problem. Never goes through a JS float.
 */
export function parsePrice(raw: string | number | null | undefined): { price: string } | { key: string } {
  const text = clean(raw === null || raw === undefined ? null : String(raw))?.replace(/[\s\u00a0]/g, '') ?? null;
  if (text === null) return { key: 'medical-pricelist.error.priceRequired' };
  const m = DECIMAL_RE.exec(text);
  if (!m) return { key: 'medical-pricelist.error.priceFormat' };
  const whole = m[1]!.replace(/^0+(?=\d)/, '');
  const frac = m[2] ?? '';
  if (frac.length > 2 && /[1-9]/.test(frac.slice(2))) return { key: 'medical-pricelist.error.priceDecimals' };
  const cents = `${frac.slice(0, 2)}00`.slice(0, 2);
  const negative = text.startsWith('-') && (/[1-9]/.test(whole) || /[1-9]/.test(cents));
  if (negative) return { key: 'medical-pricelist.error.priceNegative' };
  if (whole.length > 16) return { key: 'medical-pricelist.error.priceTooLarge' };
  return { price: `${whole}.${cents}` };
}

/** The unit price a facility applies: the override when set, else the register price. */
export function effectivePrice(override: string | null, registerPrice: string | null): string | null {
  return override ?? registerPrice;
}

/** An ISO calendar date (YYYY-MM-DD) that exists. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Checks a header input; returns the cleaned values or the problems, each naming its field. */
export function checkHeader(input: PricelistInput): {
  problems: Problem[];
  values: { name: string; pricelistDate: string; locationId: string | null };
} {
  const problems: Problem[] = [];
  const name = clean(input.name) ?? '';
  if (!name) problems.push({ field: 'name', key: 'medical-pricelist.error.required' });
  else if (name.length > 100)
    problems.push({ field: 'name', key: 'medical-pricelist.error.tooLong', params: { max: 100 } });
  const pricelistDate = clean(input.pricelistDate) ?? '';
  if (!pricelistDate) problems.push({ field: 'pricelistDate', key: 'medical-pricelist.error.required' });
  else if (!isIsoDate(pricelistDate)) problems.push({ field: 'pricelistDate', key: 'medical-pricelist.error.date' });
  const locationId = clean(input.locationId);
  if (locationId && !isUuidText(locationId))
    problems.push({ field: 'locationId', key: 'medical-pricelist.error.location' });
  return { problems, values: { name, pricelistDate, locationId } };
}

/** What to write for a `setDetails`: lines to close (by register id) and lines to open with their override. */
export interface DetailPlan {
  close: string[];
  open: Array<{ medicalId: string; override: string | null }>;
  problems: Problem[];
}

/**
 * Plans a details change against the current lines (register id → override). Adding a line already in the list sets
 * its price; removing or repricing a line not in the list, an unknown register id (`known`), a bad price, or the
 * same id twice is a problem naming `add.N.id`, `prices.N.price` etc. An unchanged price changes nothing.
 */
export function planDetails(
  current: ReadonlyMap<string, string | null>,
  changes: DetailChanges,
  known: (id: string) => boolean,
): DetailPlan {
  const problems: Problem[] = [];
  const next = new Map<string, string | null>(current);
  const touched = new Set<string>();
  const once = (field: string, id: string): boolean => {
    if (touched.has(id)) {
      problems.push({ field, key: 'medical-pricelist.error.duplicateLine' });
      return false;
    }
    touched.add(id);
    return true;
  };
  const price = (field: string, raw: string | null | undefined): string | null | undefined => {
    if (raw === null || raw === undefined || clean(raw) === null) return null;
    const p = parsePrice(raw);
    if ('key' in p) {
      problems.push({ field, key: p.key });
      return undefined;
    }
    return p.price;
  };
  (changes.add ?? []).forEach((a, i) => {
    if (!known(a.id)) {
      problems.push({ field: `add.${i}.id`, key: 'medical-pricelist.error.unknownEntry' });
      return;
    }
    if (!once(`add.${i}.id`, a.id)) return;
    const p = price(`add.${i}.price`, a.price);
    if (p !== undefined) next.set(a.id, p);
  });
  (changes.remove ?? []).forEach((id, i) => {
    if (!current.has(id)) {
      problems.push({ field: `remove.${i}`, key: 'medical-pricelist.error.notInList' });
      return;
    }
    if (!once(`remove.${i}`, id)) return;
    next.delete(id);
  });
  (changes.prices ?? []).forEach((a, i) => {
    if (!current.has(a.id)) {
      problems.push({ field: `prices.${i}.id`, key: 'medical-pricelist.error.notInList' });
      return;
    }
    if (!once(`prices.${i}.id`, a.id)) return;
    const p = price(`prices.${i}.price`, a.price);
    if (p !== undefined) next.set(a.id, p);
  });
  const close: string[] = [];
  const open: DetailPlan['open'] = [];
  for (const [id, override] of current) {
    if (!next.has(id)) close.push(id);
    else if (next.get(id) !== override) {
      close.push(id);
      open.push({ medicalId: id, override: next.get(id) ?? null });
    }
  }
  for (const [id, override] of next) if (!current.has(id)) open.push({ medicalId: id, override });
  return { close, open, problems };
}

/**
 * Whether a facility may use a list: a national list (no location) fits every facility; a region or district list
 * fits the facilities under it (`hfPath` = the facility district's path from the region down, inclusive).
 */
export function listFitsFacility(listLocationId: string | null, hfPath: readonly string[]): boolean {
  return listLocationId === null || hfPath.includes(listLocationId);
}
