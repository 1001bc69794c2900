import { type Ctx, type FieldProblem, InputError, isUuid, nulProblems } from '@mutua/kernel';
import { and, count, eq, isNull, ne } from 'drizzle-orm';
import { isIsoDate } from '../domain/dates.js';
import { type Cents, lineValue, parseCents } from '../domain/money.js';
import type { ClaimInput, ClaimLineInput, LineKind } from '../points.js';
import { type Deps, sys, userFacility, versionsAt } from './deps.js';
import { claim } from './schema.js';

/** A claim's input checked and completed (prices from the facility's list) before it is written: RULES.md §2. */

export const clean = (s: string | null | undefined): string | null => {
  const t = s?.trim();
  return t ? t : null;
};

/** A quantity with at most 2 decimals, > 0. */
export function parseQty(s: string | number | null | undefined): number | null {
  const v = typeof s === 'number' ? String(s) : (s ?? '').trim();
  if (!/^\d+(\.\d{1,2})?$/.test(v)) return null;
  const n = Number(v);
  return n > 0 ? n : null;
}

/** A line ready to be stored. */
export interface PreparedLine {
  kind: LineKind;
  medicalId: string;
  qty: number;
  price: Cents;
  explanation: string | null;
}
export interface PreparedClaim {
  code: string;
  hfId: string;
  insureeId: string;
  adminId: string | null;
  dateFrom: string;
  dateTo: string | null;
  dateClaimed: string;
  icdId: string;
  secondary: string[];
  visitType: 'O' | 'E' | 'R';
  guaranteeId: string | null;
  explanation: string | null;
  lines: PreparedLine[];
  claimed: Cents;
  /** The patient as read for the check (saves reading them again). */
  insuree?: { id: string; dob: string; gender: string | null } | null;
}

/**
 * Checks an entered claim field by field (RULES.md §2.1) and fills the defaults (facility of the claim
 * administrator, asked prices from the facility's price list). Every problem names its field.
 */
export async function prepareClaim(
  deps: Deps,
  ctx: Ctx,
  input: ClaimInput,
  opts: {
    exceptId?: string | null;
    restoring?: boolean;
    codeByIndex?: boolean;
    /** Patients already looked up by number (claims sent together): saves the lookup. */
    insurees?: ReadonlyMap<string, { id: string; dob: string; gender: string | null }>;
  } = {},
): Promise<PreparedClaim> {
  const s = sys(ctx);
  const p: FieldProblem[] = [...nulProblems(input)];
  if (p.length) throw InputError.fields(p);
  const { config, refs } = deps;
  await refs.sync(ctx);
  const ownHf = await userFacility(deps, ctx);

  const code = clean(input.code);
  if (!code) p.push({ field: 'code', key: 'claim.error.required' });
  else if (code.length > config.maxCodeLength)
    p.push({ field: 'code', key: 'claim.error.codeTooLong', params: { max: config.maxCodeLength } });

  let hfId = clean(input.hfId) ?? ownHf;
  if (ownHf && hfId !== ownHf) p.push({ field: 'hfId', key: 'claim.error.notYourFacility' });
  const hf =
    hfId && isUuid(hfId)
      ? await refs.one('facility', hfId, async () => (await deps.location.getHealthFacility(s, hfId!)) ?? undefined)
      : null;
  if (!hfId) p.push({ field: 'hfId', key: 'claim.error.required' });
  else if (!hf) p.push({ field: 'hfId', key: 'claim.error.unknownFacility' });
  else if (!ownHf && !(await deps.location.isInScope(ctx, hf.locationId)))
    p.push({ field: 'hfId', key: 'claim.error.facilityOutOfScope' });
  if (!hf) hfId = null;

  let insureeId: string | null = null;
  let insuree: PreparedClaim['insuree'] = null;
  const number = clean(input.insureeNumber);
  if (number) {
    const ins = opts.insurees ? (opts.insurees.get(number) ?? null) : await deps.insuree.findByNumber(s, number);
    if (!ins) p.push({ field: 'insureeNumber', key: 'claim.error.unknownInsuree', params: { number } });
    else {
      insureeId = ins.id;
      insuree = { id: ins.id, dob: ins.dob, gender: ins.gender };
    }
  } else if (clean(input.insureeId)) {
    const id = clean(input.insureeId) ?? '';
    const ins = isUuid(id) ? await deps.insuree.getInsuree(s, id) : null;
    if (!ins) p.push({ field: 'insureeNumber', key: 'claim.error.unknownInsuree', params: { number: id } });
    else insureeId = ins.id;
  } else p.push({ field: 'insureeNumber', key: 'claim.error.required' });

  const dateFrom = clean(input.dateFrom);
  const dateTo = clean(input.dateTo);
  const dateClaimed = clean(input.dateClaimed);
  for (const [field, v, req] of [
    ['dateFrom', dateFrom, true],
    ['dateTo', dateTo, false],
    ['dateClaimed', dateClaimed, true],
  ] as const) {
    if (!v) {
      if (req) p.push({ field, key: 'claim.error.required' });
    } else if (!isIsoDate(v)) p.push({ field, key: 'claim.error.badDate', params: { value: v } });
  }
  if (dateFrom && dateTo && isIsoDate(dateFrom) && isIsoDate(dateTo) && dateTo < dateFrom)
    p.push({ field: 'dateTo', key: 'claim.error.dateToBeforeFrom', params: { dateFrom } });
  if (dateFrom && dateClaimed && isIsoDate(dateFrom) && isIsoDate(dateClaimed) && dateClaimed < dateFrom)
    p.push({ field: 'dateClaimed', key: 'claim.error.claimedBeforeFrom', params: { dateFrom } });

  const target = (dateTo && isIsoDate(dateTo) ? dateTo : null) ?? (dateFrom && isIsoDate(dateFrom) ? dateFrom : null);
  const icdId = clean(input.icdId);
  const secondary = (input.secondaryIcdIds ?? []).map((x) => clean(x)).filter((x): x is string => !!x);
  if (secondary.length > config.maxSecondaryDiagnoses)
    p.push({
      field: 'secondaryIcdIds',
      key: 'claim.error.tooManyDiagnoses',
      params: { max: config.maxSecondaryDiagnoses },
    });
  const icdIds = [icdId, ...secondary].filter((x): x is string => !!x);
  const known = await refs.many(`diagnosis:${target}`, icdIds.filter(isUuid), async (missing) => {
    const found = await versionsAt((ids, at) => deps.medical.getDiagnoses(s, ids, at), missing, target);
    return new Map(found.map((d) => [d.id, true]));
  });
  if (!icdId) p.push({ field: 'icdId', key: 'claim.error.required' });
  else if (!known.has(icdId)) p.push({ field: 'icdId', key: 'claim.error.unknownDiagnosis' });
  secondary.forEach((id, i) => {
    if (!known.has(id)) p.push({ field: `secondaryIcdIds.${i}`, key: 'claim.error.unknownDiagnosis' });
  });

  const visitType = (clean(input.visitType) ?? 'O').toUpperCase();
  if (!['O', 'E', 'R'].includes(visitType)) p.push({ field: 'visitType', key: 'claim.error.visitType' });
  const guaranteeId = clean(input.guaranteeId);
  if (guaranteeId && guaranteeId.length > 50)
    p.push({ field: 'guaranteeId', key: 'claim.error.tooLong', params: { max: 50 } });

  const lines: PreparedLine[] = [];
  const items = input.items ?? [];
  const services = input.services ?? [];
  if (items.length + services.length > config.maxLines)
    p.push({ field: 'items', key: 'claim.error.tooManyLines', params: { max: config.maxLines } });
  for (const [kind, list, field] of [
    ['item', items, 'items'],
    ['service', services, 'services'],
  ] as const) {
    const ids = list.map((l) => l.medicalId).filter(isUuid);
    const byId = await refs.many(`register-row:${kind}:${target}`, ids, async (missing) => {
      const found =
        kind === 'item'
          ? await versionsAt((x, at) => deps.medical.getItems(s, x, at), missing, target)
          : await versionsAt((x, at) => deps.medical.getServices(s, x, at), missing, target);
      return new Map(found.map((r) => [r.id, { id: r.id, code: r.code, maximumQuantity: r.maximumQuantity }]));
    });
    const listed = await listPrices(deps, s, list, kind, hfId, target);
    for (const [i, l] of list.entries()) {
      const f = `${field}.${i}`;
      const med = byId.get(l.medicalId);
      if (!med) {
        p.push({
          field: `${f}.medicalId`,
          key: kind === 'item' ? 'claim.error.unknownItem' : 'claim.error.unknownService',
        });
        continue;
      }
      const qty = parseQty(l.qtyProvided);
      if (qty === null) p.push({ field: `${f}.qtyProvided`, key: 'claim.error.quantity', params: { code: med.code } });
      else if (med.maximumQuantity && qty > Number(med.maximumQuantity))
        p.push({
          field: `${f}.qtyProvided`,
          key: 'claim.error.maxQuantity',
          params: { code: med.code, max: med.maximumQuantity },
        });
      const explanation = clean(l.explanation);
      if (kind === 'service' && qty !== null && qty > 1 && config.serviceExplanationRequired && !explanation)
        p.push({ field: `${f}.explanation`, key: 'claim.error.explanationRequired', params: { code: med.code } });
      const price = askedPrice(l, listed);
      if (price === 'bad') p.push({ field: `${f}.priceAsked`, key: 'claim.error.price', params: { code: med.code } });
      else if (price === null)
        p.push({ field: `${f}.priceAsked`, key: 'claim.error.priceRequired', params: { code: med.code } });
      if (qty !== null && typeof price === 'number') lines.push({ kind, medicalId: med.id, qty, price, explanation });
    }
  }

  // `codeByIndex`: the insert's unique index answers the same (a claim sent alone saves a query).
  if (code && hfId && !opts.restoring && !opts.codeByIndex) {
    const [taken] = await ctx.db
      .select({ n: count() })
      .from(claim)
      .where(
        and(
          eq(claim.hfId, hfId),
          eq(claim.code, code),
          isNull(claim.deletedAt),
          eq(claim.codeReleased, false),
          opts.exceptId ? ne(claim.id, opts.exceptId) : undefined,
        ),
      );
    if ((taken?.n ?? 0) > 0) p.push({ field: 'code', key: 'claim.error.codeTaken', params: { code } });
  }
  if (p.length) throw InputError.fields(p);
  const claimed = lines.reduce((sum, l) => sum + lineValue(l.qty, l.price), 0);
  return {
    code: code!,
    hfId: hfId!,
    insureeId: insureeId!,
    adminId: clean(input.adminId),
    dateFrom: dateFrom!,
    dateTo,
    dateClaimed: dateClaimed!,
    icdId: icdId!,
    secondary,
    visitType: visitType as 'O' | 'E' | 'R',
    guaranteeId,
    explanation: clean(input.explanation),
    lines,
    claimed,
    insuree,
  };
}

/**
 * The facility's price-list prices at the visit date of the lines that ask no price (RULES.md §2.2), in one read per
 * kind; a list recorded after the claim's date gives its current version (see versionsAt).
 */
async function listPrices(
  deps: Deps,
  s: Ctx,
  lines: readonly ClaimLineInput[],
  kind: LineKind,
  hfId: string | null,
  at: string | null,
): Promise<Map<string, Cents>> {
  const wanted = [...new Set(lines.filter((l) => !clean(l.priceAsked) && isUuid(l.medicalId)).map((l) => l.medicalId))];
  if (!hfId || !wanted.length) return new Map();
  return deps.refs.many(`list-price:${kind}:${hfId}:${at}`, wanted, async (ids) => {
    const out = new Map<string, Cents>();
    const take = (q: Map<string, { price: string | null }>) => {
      for (const [id, quote] of q) {
        const c = quote.price === null ? null : parseCents(quote.price);
        if (c !== null && !out.has(id)) out.set(id, c);
      }
    };
    take(await deps.pricelist.pricesFor(s, { hfId, kind, medicalIds: ids, asOf: at }));
    const missing = ids.filter((id) => !out.has(id));
    if (missing.length && at) take(await deps.pricelist.pricesFor(s, { hfId, kind, medicalIds: missing, asOf: null }));
    return out;
  });
}

/** The asked price, else the list price found by `listPrices`. */
function askedPrice(l: ClaimLineInput, listed: ReadonlyMap<string, Cents>): Cents | null | 'bad' {
  const asked = clean(l.priceAsked);
  if (asked) {
    const c = parseCents(asked);
    return c === null || c < 0 ? 'bad' : c;
  }
  return listed.get(l.medicalId) ?? null;
}
