import { dayNumber, type IsoDate, within } from './dates.js';
import type { ClaimHistory, ClaimStatus, LedgerRow, LineKind, ServiceCategory } from './types.js';

/** One earlier provision of an item or service to the insuree. */
export interface Provision {
  targetDate: IsoDate;
  /** Day number of the target date, computed once for the frequency check. */
  day: number;
  /** qtyApproved ?? qtyProvided: what was actually granted (ADR 0006). */
  qty: number;
}

/** The insuree's other claims, indexed once per check so that no check scans the whole history. */
export interface HistoryIndex {
  provisions: Record<LineKind, Map<string, Provision[]>>;
  /** Counted claims (status > 2) with their stored category (null → V). */
  claims: { targetDate: IsoDate; category: ServiceCategory }[];
}

/** Claims counted by the checks: status > 2 (checked, processed, valuated). */
export const counts = (s: ClaimStatus): boolean => s === 'checked' || s === 'processed' || s === 'valuated';

/** Indexes the insuree's other claims, skipping the claim being checked. */
export function indexHistory(history: ClaimHistory, claimId: string): HistoryIndex {
  const idx: HistoryIndex = { provisions: { item: new Map(), service: new Map() }, claims: [] };
  for (const c of history.claims) {
    if (c.claimId === claimId || !counts(c.status)) continue;
    idx.claims.push({ targetDate: c.targetDate, category: c.category ?? 'V' });
    for (const l of c.lines) {
      if (!l.passed) continue;
      const byId = idx.provisions[l.kind];
      let list = byId.get(l.medicalId);
      if (!list) {
        list = [];
        byId.set(l.medicalId, list);
      }
      list.push({ targetDate: c.targetDate, day: dayNumber(c.targetDate), qty: l.qtyApproved ?? l.qtyProvided });
    }
  }
  return idx;
}

/** Quantity of an item or service already provided inside a coverage period (check 16). */
export function provisionsUsed(
  idx: HistoryIndex,
  kind: LineKind,
  medicalId: string,
  from: IsoDate | null,
  to: IsoDate | null,
): number {
  let used = 0;
  for (const p of idx.provisions[kind].get(medicalId) ?? []) if (within(p.targetDate, from, to)) used += p.qty;
  return used;
}

/** Number of claims of a category inside a coverage period (checks 11–15, 19). */
export function claimsOfCategory(
  idx: HistoryIndex,
  category: ServiceCategory,
  from: IsoDate | null,
  to: IsoDate | null,
): number {
  let n = 0;
  for (const c of idx.claims) if (c.category === category && within(c.targetDate, from, to)) n++;
  return n;
}

/** The closest earlier provision less than `frequency` days away on either side (check 5), or null. */
export function tooFrequent(
  idx: HistoryIndex,
  kind: LineKind,
  medicalId: string,
  target: IsoDate,
  frequency: number,
): IsoDate | null {
  let best: IsoDate | null = null;
  let bestGap = frequency;
  const day = dayNumber(target);
  for (const p of idx.provisions[kind].get(medicalId) ?? []) {
    const gap = Math.abs(p.day - day);
    if (gap < bestGap) {
      bestGap = gap;
      best = p.targetDate;
    }
  }
  return best;
}

/** Deductible and ceiling amounts consumed by other claims. */
export interface DedRemSums {
  dedG: number;
  remG: number;
  dedIp: number;
  remIp: number;
  dedOp: number;
  remOp: number;
}

const zero = (): DedRemSums => ({ dedG: 0, remG: 0, dedIp: 0, remIp: 0, dedOp: 0, remOp: 0 });

function add(s: DedRemSums, r: LedgerRow): void {
  s.dedG += r.dedG;
  s.remG += r.remG;
  s.dedIp += r.dedIp;
  s.remIp += r.remIp;
  s.dedOp += r.dedOp;
  s.remOp += r.remOp;
}

/** Previous sums of one policy: all members, and the claim's insuree alone (RULES.md §5.2). */
export interface PolicySums {
  policy: DedRemSums;
  insuree: DedRemSums;
}

/** Sums the ledger rows of other claims per policy, in one pass. */
export function ledgerSums(ledger: readonly LedgerRow[], claimId: string, insureeId: string): Map<string, PolicySums> {
  const out = new Map<string, PolicySums>();
  for (const r of ledger) {
    if (r.claimId === claimId) continue;
    let s = out.get(r.policyId);
    if (!s) {
      s = { policy: zero(), insuree: zero() };
      out.set(r.policyId, s);
    }
    add(s.policy, r);
    if (r.insureeId === insureeId) add(s.insuree, r);
  }
  return out;
}

export const NO_SUMS: PolicySums = Object.freeze({ policy: zero(), insuree: zero() });
