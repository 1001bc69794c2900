import type { Insuree } from '@mutua/insuree';
import {
  type Ctx,
  type FieldProblem,
  InputError,
  MutuaError,
  NotFoundError,
  preferGenericPlans,
  requireRight,
  uuidv7,
  withTransaction,
} from '@mutua/kernel';
import { applyCheck } from '../domain/apply.js';
import { checkClaim } from '../domain/check.js';
import { formatCents } from '../domain/money.js';
import { assignProducts } from '../domain/product-assignment.js';
import type { AssignmentResult, CheckResult, ClaimEngineInput } from '../domain/types.js';
import { RIGHTS } from '../manifest.js';
import {
  type BulkSummary,
  type CheckOutcome,
  type ClaimDetail,
  type ClaimInput,
  claimCheck,
  claimChecked,
  type LineVerdict,
} from '../points.js';
import { CHECKED_LINE_COLUMNS, inChunks, writeJudged } from './bulk-sql.js';
import { type Deps, sys } from './deps.js';
import { createEngineContext, STATUS_CODE } from './engine-input.js';
import { draftDetail, prepareClaim } from './entry.js';
import {
  announceValuation,
  listensToValuation,
  VALUED_CLAIM_COLUMNS,
  VALUED_LINE_COLUMNS,
  valueClaim,
} from './process.js';
import { claimsByIds, loadDetails } from './read.js';
import type { claimDedRem } from './schema.js';

export interface SubmitOptions {
  /** Also value the claims that pass the check and are not flagged for review (needs the process right). */
  process?: boolean;
}

/** The columns a check writes on the claim. */
const CHECKED_CLAIM_COLUMNS = {
  id: 'uuid',
  status: 'smallint',
  category: 'char',
  approved: 'numeric',
  rejection_reason: 'smallint',
  submit_stamp: 'timestamptz',
  submit_user_id: 'uuid',
  review_flags: 'jsonb',
  updated_at: 'timestamptz',
} as const;

/** The claim as the check left it, for its valuation in the same pass. */
function withVerdicts(c: ClaimDetail, ev: Evaluated): ClaimDetail {
  const lines = [...c.items, ...c.services];
  const mark = <L extends ClaimDetail['items'][number]>(l: L): L => {
    const v = ev.outcome.lines[lines.indexOf(l)]!;
    const q = ev.qty.get(l.id);
    return {
      ...l,
      status: v.status,
      rejectionReason: v.rejectionReason,
      qtyApproved: v.status === 2 ? '0' : q != null ? String(q) : null,
    };
  };
  return { ...c, status: 4, category: ev.outcome.category, items: c.items.map(mark), services: c.services.map(mark) };
}

export interface Evaluated {
  claim: ClaimDetail;
  outcome: CheckOutcome;
  check: CheckResult;
  /** The engine input with the check's verdicts applied (what valuation starts from), when a line passed. */
  applied: ClaimEngineInput | null;
  assignment: AssignmentResult | null;
  /** line id → qty approved after the check */
  qty: Map<string, number | null>;
}

/** Runs the rules, the product assignment and the `claim.check` listeners on one claim. */
export async function evaluate(deps: Deps, ctx: Ctx, c: ClaimDetail, input: ClaimEngineInput): Promise<Evaluated> {
  const check = checkClaim(input);
  const lines = [...c.items, ...c.services];
  const verdicts: LineVerdict[] = lines.map((l, idx) => {
    const v = check.lines.find((x) => x.lineId === l.id);
    const index = l.kind === 'item' ? idx : idx - c.items.length;
    return {
      kind: l.kind,
      index,
      medicalId: l.medicalId,
      status: v?.status === 'rejected' ? 2 : 1,
      rejectionReason: v?.reason ?? 0,
      rejectionParams: v && Object.keys(v.reasonParams).length ? { ...v.reasonParams } : null,
    };
  });
  const reviewFlags: CheckOutcome['reviewFlags'] = [];
  // Extensions: reasons or review flags from other modules (claim-ai, …).
  let problems: FieldProblem[] = [];
  try {
    await deps.hooks.runValidate(claimCheck, { claim: c, lines: verdicts }, ctx);
  } catch (err) {
    if (err instanceof MutuaError && err.code === 'RULE_VIOLATION') problems = err.problems;
    else throw err;
  }
  for (const p of problems) {
    const m = /^(items|services)\.(\d+)/.exec(p.field);
    if (m) {
      const kind = m[1] === 'items' ? 'item' : 'service';
      const v = verdicts.find((x) => x.kind === kind && x.index === Number(m[2]));
      if (v && v.status === 1) {
        v.status = 2;
        v.rejectionReason = Number(p.params?.reason ?? 1);
        v.rejectionParams = { ...(p.params ?? {}), key: p.key };
      }
    } else reviewFlags.push({ key: p.key, ...(p.params ? { params: p.params } : {}) });
  }
  // Keep the engine's CheckResult consistent with the listener rejections.
  const vById = new Map(lines.map((l, i) => [l.id, verdicts[i]!]));
  const adjusted: CheckResult = {
    ...check,
    lines: check.lines.map((l) => {
      const v = vById.get(l.lineId);
      return v && v.status === 2 && l.status === 'passed'
        ? { ...l, status: 'rejected', reason: v.rejectionReason as typeof l.reason, approvedValue: 0, qtyApproved: 0 }
        : l;
    }),
  };
  const anyPassed = adjusted.lines.some((l) => l.status === 'passed');
  const approved = adjusted.lines.reduce((s, l) => s + (l.status === 'passed' ? l.approvedValue : 0), 0);
  const applied = anyPassed ? applyCheck(input, adjusted) : null;
  const assignment = applied ? assignProducts(applied) : null;
  const qty = new Map(adjusted.lines.map((l) => [l.lineId, l.status === 'passed' ? l.qtyApproved : 0]));
  return {
    claim: c,
    check: adjusted,
    applied,
    assignment,
    qty,
    outcome: {
      status: anyPassed ? 4 : 1,
      category: check.category,
      lines: verdicts,
      approved: formatCents(approved),
      reviewFlags,
    },
  };
}

/**
 * What the check (and, with `process`, the valuation) of one claim writes, without I/O: the claim's columns, each
 * line's (the valuation's row where the line was valued), the ledger rows and the audit entries. A claim flagged for
 * review by a `claim.check` listener is not valued.
 */
export function judge(
  c: ClaimDetail,
  input: ClaimEngineInput,
  ev: Evaluated,
  at: { process: boolean; now: string; userId: string | null },
) {
  const assigned = new Map(ev.assignment?.lines.map((l) => [l.lineId, l]) ?? []);
  const lines: Array<{ kind: 'item' | 'service'; row: Record<string, unknown> }> = [];
  for (const [i, l] of [...c.items, ...c.services].entries()) {
    const v = ev.outcome.lines[i]!;
    const a = v.status === 1 ? assigned.get(l.id) : undefined;
    lines.push({
      kind: l.kind,
      row: {
        id: l.id,
        status: v.status,
        rejection_reason: v.rejectionReason,
        rejection_params: v.rejectionParams,
        qty_approved: v.status === 2 ? '0' : ev.qty.get(l.id) != null ? String(ev.qty.get(l.id)) : null,
        product_id: a?.productId ?? null,
        policy_id: a?.policyId ?? null,
        price_origin: a?.priceOrigin ?? null,
        limitation: a?.limitation ?? null,
        limitation_value: a?.limitationValue != null ? formatCents(a.limitationValue) : null,
      },
    });
  }
  const checked = ev.outcome.status;
  const claimRow: Record<string, unknown> = {
    id: c.id,
    status: checked,
    category: ev.outcome.category,
    approved: checked === 4 ? ev.outcome.approved : '0.00',
    rejection_reason: checked === 1 ? 1 : 0,
    submit_stamp: at.now,
    submit_user_id: at.userId,
    review_flags: ev.outcome.reviewFlags.length ? ev.outcome.reviewFlags : null,
    updated_at: at.now,
  };
  const audits: Array<{ entity: string; entityId: string; action: string; after: unknown }> = [
    { entity: 'Claim', entityId: c.id, action: 'submit', after: { status: checked, lines: ev.outcome.lines } },
  ];
  const passed = new Map([...ev.qty].filter(([, q]) => q !== 0).map(([id, q]) => [id, { qtyApproved: q }]));
  // Check and valuation in one pass: a checked claim nobody flagged for review is valued at once, from the same
  // engine input with the check applied (no second read of the claim or its reference data).
  if (!at.process || checked !== 4 || ev.outcome.reviewFlags.length)
    return { checked, claim: claimRow, lines, audits, passed, valued: null };
  const v = valueClaim(withVerdicts(c, ev), ev.applied ?? applyCheck(input, ev.check), at, ev.assignment ?? undefined);
  const valuedRows = new Map([...v.lines.item, ...v.lines.service].map((r) => [r.id as string, r]));
  for (const l of lines) l.row = valuedRows.get(l.row.id as string) ?? l.row;
  Object.assign(claimRow, v.claim); // not `{ ...claimRow, ...v.claim }`: 12 µs against 0.3 (a new hidden class per field)
  audits.push(v.audit);
  return { checked, claim: claimRow, lines, audits, passed, valued: v };
}

export function createChecker(deps: Deps) {
  async function submitChunk(
    ctx: Ctx,
    ids: readonly string[],
    summary: BulkSummary,
    opts: SubmitOptions,
    insurees?: readonly Insuree[],
  ): Promise<void> {
    await withTransaction(ctx, async (tx) => {
      await preferGenericPlans(tx); // the chunk's claims are read, judged and written by key (ADR 0012)
      const claims = await loadDetails(deps, tx, ids, true);
      summary.skipped += ids.length - claims.length;
      const entered = claims.filter((c) => c.status === 2);
      summary.skipped += claims.length - entered.length;
      if (!entered.length) return;
      const ectx = await createEngineContext(deps, tx, entered, insurees ? { insurees } : {});
      const lineUpdates: Record<'item' | 'service', Array<Record<string, unknown>>> = { item: [], service: [] };
      const claimUpdates: Array<Record<string, unknown>> = [];
      const audits: Array<{ entity: string; entityId: string; action: string; after: unknown }> = [];
      const done: ClaimDetail[] = [];
      const now = new Date().toISOString();
      const ledgerRows: Array<typeof claimDedRem.$inferInsert> = [];
      const valuedIds: string[] = [];
      for (const c of entered) {
        const input = await ectx.input(c);
        const ev = await evaluate(deps, tx, c, input);
        const j = judge(c, input, ev, { process: !!opts.process, now, userId: tx.user?.id ?? null });
        for (const r of j.lines) lineUpdates[r.kind].push(r.row);
        claimUpdates.push(j.claim);
        if (j.checked === 4) summary.checked++;
        else summary.rejected++;
        ectx.remember(c, j.checked === 4 ? 'checked' : 'rejected', ev.outcome.category, j.passed);
        audits.push(...j.audits);
        done.push(c);
        if (j.valued) {
          ledgerRows.push(...j.valued.ledger);
          ectx.rememberLedger(c.id, j.valued.ledgerRows);
          summary[j.valued.status === 16 ? 'valuated' : j.valued.status === 8 ? 'processed' : 'rejected']++;
          valuedIds.push(c.id);
        }
      }
      // One UPDATE per table: rows of claims not valued get the valuation columns as they were (null until valued).
      const lineCols = opts.process ? VALUED_LINE_COLUMNS : CHECKED_LINE_COLUMNS;
      const claimCols = opts.process ? { ...CHECKED_CLAIM_COLUMNS, ...VALUED_CLAIM_COLUMNS } : CHECKED_CLAIM_COLUMNS;
      const fill = (row: Record<string, unknown>, cols: Record<string, string>, base: Record<string, unknown>) => {
        for (const k of Object.keys(cols)) if (!(k in row)) row[k] = base[k] ?? null;
        return row;
      };
      const byId = new Map(entered.map((c) => [c.id, c]));
      for (const r of claimUpdates) {
        const c = byId.get(r.id as string)!;
        fill(r, claimCols, { review_status: c.reviewStatus, feedback_status: c.feedbackStatus });
      }
      // Lines, claims, ledger rows and audit entries in one statement. An entered claim has no ledger rows yet
      // (they are written when it is valued, and a valued claim cannot go back to entered): nothing to replace.
      await writeJudged(tx, {
        lineCols,
        lines: {
          item: lineUpdates.item.map((r) => fill(r, lineCols, {})),
          service: lineUpdates.service.map((r) => fill(r, lineCols, {})),
        },
        claimCols,
        claims: claimUpdates,
        ledger: ledgerRows,
        audits,
      });
      if (!deps.hooks.listens(claimChecked) && !(valuedIds.length && listensToValuation(deps))) return;
      for (const c of await claimsByIds(
        tx,
        done.map((d) => d.id),
      )) {
        await deps.hooks.runAfter(claimChecked, { claim: c }, tx);
        await announceValuation(deps, c, tx);
      }
    });
  }

  return {
    async submitClaims(
      ctx: Ctx,
      ids: readonly string[],
      progress?: (done: number, total: number) => Promise<void>,
      opts: SubmitOptions = {},
    ): Promise<BulkSummary> {
      requireRight(ctx, RIGHTS.submit);
      if (opts.process) requireRight(ctx, RIGHTS.process);
      const summary: BulkSummary = {
        total: ids.length,
        checked: 0,
        rejected: 0,
        processed: 0,
        valuated: 0,
        skipped: 0,
        failed: 0,
      };
      const unique = [...new Set(ids)];
      summary.total = unique.length;
      await inChunks(
        deps,
        ctx,
        unique,
        (chunk, insurees) => submitChunk(ctx, chunk, summary, opts, insurees),
        progress,
      );
      return summary;
    },

    async validateClaim(ctx: Ctx, what: { claimId?: string | null; input?: ClaimInput | null }): Promise<CheckOutcome> {
      requireRight(ctx, RIGHTS.submit);
      let c: ClaimDetail | undefined;
      if (what.claimId) {
        [c] = await loadDetails(deps, ctx, [what.claimId]);
        if (!c) throw new NotFoundError('Claim', what.claimId);
      } else if (what.input) {
        const p = await prepareClaim(deps, ctx, what.input, { restoring: true });
        c = draftDetail(p, uuidv7(), new Date().toISOString());
      } else throw new InputError('claim.error.validateWhat');
      const fresh = { ...c, items: c.items.map(resetLine), services: c.services.map(resetLine) };
      const ectx = await createEngineContext(deps, sys(ctx), [fresh]);
      return (await evaluate(deps, ctx, fresh, await ectx.input(fresh))).outcome;
    },
  };
}

const resetLine = <L extends { status: 1 | 2; rejectionReason: number; qtyApproved: string | null }>(l: L): L =>
  l.rejectionReason === -1 ? l : { ...l, status: 1, rejectionReason: 0, qtyApproved: null };

export { STATUS_CODE };
