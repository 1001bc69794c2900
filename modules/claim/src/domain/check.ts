import { CATEGORY_REASON, categoryMaxCount, claimCategory, isHospitalisation, targetDate } from './category.js';
import { engineConfig } from './config.js';
import { type CoverRow, coveringPolicies, coverRows, waitingOver } from './coverage.js';
import { type IsoDate, within } from './dates.js';
import { claimsOfCategory, type HistoryIndex, indexHistory, provisionsUsed, tooFrequent } from './history.js';
import { lineValue } from './money.js';
import { isAdult, maskAllows, patientMask } from './patient.js';
import { isCategoryReason, NO_PARAMS, REASON, type ReasonParams, type RejectionCode, reasonKey } from './reasons.js';
import type { CareType, CheckResult, ClaimCategory, ClaimEngineInput, LineKind, LineVerdict } from './types.js';

/** Care type check 10, SP formula (DECISIONS.md #8); B lines always pass. */
export const careTypeFails = (line: CareType, facility: CareType, hospitalisation: boolean): boolean =>
  (line === 'I' && (facility === 'O' || !hospitalisation)) || (line === 'O' && (facility === 'I' || hospitalisation));

interface Fault {
  code: RejectionCode;
  params: ReasonParams;
}

/** Mutable per-line state of one check run. */
interface State {
  reasons: RejectionCode[];
  params: ReasonParams[];
  qty: (number | null)[];
}

/**
 * Checks ("submits") a claim with the SP rule order (RULES.md §3.2, DECISIONS.md #5–#13): 7 and 9 on every line;
 * 1 and 2 on all lines; services 10, 4, covering-product loop (17, 16, category maxima); items 10, 4, loop (17,
 * 16); then frequency 5 on items and services. A line keeps its first reason; a category maximum rejects every
 * line. A reviewer rejection (−1) on the input is kept.
 */
export function checkClaim(input: ClaimEngineInput): CheckResult {
  const { claim, register, priceList, insuree } = input;
  const cfg = engineConfig(input.config);
  const n = claim.lines.length;
  const s: State = { reasons: new Array(n), params: new Array(n), qty: new Array(n) };
  for (let i = 0; i < n; i++) {
    const line = claim.lines[i]!;
    s.reasons[i] = line.rejectionReason === REASON.REVIEW ? REASON.REVIEW : REASON.NONE;
    s.params[i] = NO_PARAMS;
    s.qty[i] = line.qtyApproved ?? null;
  }
  const category = claimCategory(claim, register);
  const target = targetDate(claim);
  const finish = () => result(input, category, s);

  if (!insuree) {
    rejectAll(s, { code: REASON.INVALID_INSUREE, params: NO_PARAMS });
    return finish();
  }
  if (target == null || claim.dateFrom == null || (claim.dateClaimed != null && claim.dateClaimed < claim.dateFrom)) {
    const params = { dateFrom: claim.dateFrom ?? '', dateClaimed: claim.dateClaimed ?? '' };
    rejectAll(s, { code: REASON.INVALID_DATE, params });
    return finish();
  }
  const adult = isAdult(insuree, target, cfg.ageOfMajority);
  const mask = patientMask(insuree.gender, adult);
  const hospitalisation = isHospitalisation(claim);
  const facilityCare = claim.facility.careType ?? 'B';

  // Checks 1 and 2 on every line.
  for (let i = 0; i < n; i++) {
    if (s.reasons[i] !== REASON.NONE) continue;
    const line = claim.lines[i]!;
    const entry = register[line.kind].get(line.medicalId);
    if (!entry || !within(target, entry.validFrom, entry.validTo)) {
      set(s, i, REASON.NOT_IN_REGISTER, { date: target });
      continue;
    }
    const pl = priceList[line.kind].get(line.medicalId);
    if (!pl || !within(target, pl.validFrom, pl.validTo)) set(s, i, REASON.NOT_IN_PRICE_LIST, { date: target });
  }

  const covering = coveringPolicies(input.policies, input.products, target);
  const history = indexHistory(input.history, claim.id);
  const categoryCounts = new Map<string, number>();
  const partial = cfg.partialApprovalOnProvisionLimit;
  const ctx: LoopContext = { input, s, target, adult, category, history, categoryCounts, partial };

  // Service loop, then item loop (SP order).
  for (const kind of ['service', 'item'] as const) {
    for (let i = 0; i < n; i++) {
      const line = claim.lines[i]!;
      if (line.kind !== kind || s.reasons[i] !== REASON.NONE) continue;
      const entry = register[kind].get(line.medicalId)!;
      if (careTypeFails(entry.careType, facilityCare, hospitalisation)) {
        const stay = hospitalisation ? 'I' : 'O';
        set(s, i, REASON.CARE_TYPE, { careType: entry.careType, facilityCareType: facilityCare, stay });
      } else if (!maskAllows(entry.patientCategory, mask)) {
        set(s, i, REASON.PATIENT_CATEGORY, { allowed: entry.patientCategory, patient: mask });
      } else {
        const rows = coverRows(covering, kind, line.medicalId, target, adult);
        const fault =
          rows.length === 0 ? { code: REASON.NOT_COVERED, params: { date: target } } : productLoop(ctx, i, rows);
        if (fault && isCategory(fault)) {
          rejectAll(s, fault);
          return finish();
        }
        if (fault) set(s, i, fault.code, fault.params);
      }
    }
  }

  // Frequency 5, items then services.
  for (const kind of ['item', 'service'] as const) {
    for (let i = 0; i < n; i++) {
      const line = claim.lines[i]!;
      if (line.kind !== kind || s.reasons[i] !== REASON.NONE) continue;
      const days = register[kind].get(line.medicalId)!.frequency ?? 0;
      if (days <= 0) continue;
      const date = tooFrequent(history, kind, line.medicalId, target, days);
      if (date) set(s, i, REASON.FREQUENCY, { days, date });
    }
  }
  return finish();
}

interface LoopContext {
  input: ClaimEngineInput;
  s: State;
  target: IsoDate;
  adult: boolean;
  category: ClaimCategory;
  history: HistoryIndex;
  /** Category claim counts per policy, computed once. */
  categoryCounts: Map<string, number>;
  partial: boolean;
}

const isCategory = (f: Fault): boolean => isCategoryReason(f.code);

/**
 * The covering-product loop for one line (RULES.md §3.2 step 10): the first product passing 17, 16 (and the
 * category maximum for services) covers it; otherwise the first fault met. Returns null when covered.
 */
function productLoop(ctx: LoopContext, i: number, rows: readonly CoverRow[]): Fault | null {
  const { s, target, adult, history } = ctx;
  const line = ctx.input.claim.lines[i]!;
  const kind: LineKind = line.kind;
  let fault: Fault | null = null;
  for (const row of rows) {
    if (!waitingOver(row, target)) {
      fault ??= { code: REASON.WAITING_PERIOD, params: { date: row.coveredFrom, months: row.waitingMonths } };
      continue;
    }
    let cutTo: number | null = null;
    const limit = adult ? row.line.limitNoAdult : row.line.limitNoChild;
    if (limit != null && limit > -1) {
      const used = provisionsUsed(history, kind, line.medicalId, row.cover.from, row.cover.to);
      const qty = s.qty[i] ?? line.qtyProvided;
      // SP: the line's own quantity is not added; the PY variant cuts the quantity down while some is left.
      const over = ctx.partial ? used + qty > limit : used >= limit;
      if (over && !(ctx.partial && used < limit)) {
        fault ??= { code: REASON.MAX_PROVISIONS, params: { limit, used } };
        continue;
      }
      if (over) cutTo = limit - used;
    }
    if (kind === 'service') {
      const max = categoryMaxCount(row.cover.product, ctx.category);
      if (max != null && max > -1) {
        const id = row.cover.policy.id;
        let used = ctx.categoryCounts.get(id);
        if (used === undefined) {
          used = claimsOfCategory(history, ctx.category, row.cover.from, row.cover.to);
          ctx.categoryCounts.set(id, used);
        }
        if (used >= max) return { code: CATEGORY_REASON[ctx.category], params: { limit: max, used } };
      }
    }
    if (cutTo !== null) s.qty[i] = cutTo;
    return null;
  }
  return fault;
}

function set(s: State, i: number, code: RejectionCode, params: ReasonParams): void {
  s.reasons[i] = code;
  s.params[i] = params;
}

/** Every line not rejected by the reviewer gets the reason (claim-level faults 7, 9 and category maxima). */
function rejectAll(s: State, f: Fault): void {
  for (let i = 0; i < s.reasons.length; i++) if (s.reasons[i] !== REASON.REVIEW) set(s, i, f.code, f.params);
}

function result(input: ClaimEngineInput, category: ClaimCategory, s: State): CheckResult {
  let claimed = 0;
  let approved = 0;
  let passed = 0;
  const lines: LineVerdict[] = input.claim.lines.map((line, i) => {
    const reason = s.reasons[i]!;
    const ok = reason === REASON.NONE;
    const askedValue = lineValue(line.qtyProvided, line.priceAsked);
    const approvedValue = ok ? lineValue(s.qty[i] ?? line.qtyProvided, line.priceApproved ?? line.priceAsked) : 0;
    claimed += askedValue;
    approved += approvedValue;
    if (ok) passed++;
    return {
      lineId: line.lineId,
      kind: line.kind,
      status: ok ? 'passed' : 'rejected',
      reason,
      reasonParams: s.params[i]!,
      messageKey: reasonKey(reason),
      askedValue,
      approvedValue,
      qtyApproved: ok ? s.qty[i]! : 0,
    };
  });
  return {
    claimId: input.claim.id,
    status: passed > 0 ? 'checked' : 'rejected',
    category,
    claimedAmount: claimed,
    approvedAmount: approved,
    lines,
  };
}
