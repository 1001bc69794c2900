import {
  type Ctx,
  type FieldProblem,
  InputError,
  MutuaError,
  NotFoundError,
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
import { auditMany, bulkUpdate, CHECKED_LINE_COLUMNS } from './bulk-sql.js';
import { type Deps, sys } from './deps.js';
import { createEngineContext, STATUS_CODE } from './engine-input.js';
import { prepareClaim } from './entry.js';
import {
  announceValuation,
  listensToValuation,
  replaceLedger,
  VALUED_CLAIM_COLUMNS,
  VALUED_LINE_COLUMNS,
  valueClaim,
} from './process.js';
import { claimsByIds, loadDetails } from './read.js';
import type { claimDedRem } from './schema.js';

const CHUNK = 500;

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

interface Evaluated {
  claim: ClaimDetail;
  outcome: CheckOutcome;
  check: CheckResult;
  assignment: AssignmentResult | null;
  /** line id → qty approved after the check */
  qty: Map<string, number | null>;
}

/** Runs the rules, the product assignment and the `claim.check` listeners on one claim. */
async function evaluate(deps: Deps, ctx: Ctx, c: ClaimDetail, input: ClaimEngineInput): Promise<Evaluated> {
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
  const assignment = anyPassed ? assignProducts(applyCheck(input, adjusted)) : null;
  const qty = new Map(adjusted.lines.map((l) => [l.lineId, l.status === 'passed' ? l.qtyApproved : 0]));
  return {
    claim: c,
    check: adjusted,
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

export function createChecker(deps: Deps) {
  async function submitChunk(
    ctx: Ctx,
    ids: readonly string[],
    summary: BulkSummary,
    opts: SubmitOptions,
  ): Promise<void> {
    await withTransaction(ctx, async (tx) => {
      const claims = await loadDetails(deps, tx, ids, true);
      summary.skipped += ids.length - claims.length;
      const entered = claims.filter((c) => c.status === 2);
      summary.skipped += claims.length - entered.length;
      if (!entered.length) return;
      const ectx = await createEngineContext(deps, tx, entered);
      const lineUpdates: Record<'item' | 'service', Array<Record<string, unknown>>> = { item: [], service: [] };
      const claimUpdates: Array<Record<string, unknown>> = [];
      const audits: Array<{ entity: string; entityId: string; action: string; after: unknown }> = [];
      const done: ClaimDetail[] = [];
      const now = new Date().toISOString();
      const ledgerRows: Array<typeof claimDedRem.$inferInsert> = [];
      const valuedIds: string[] = [];
      const valuedLines = new Map<string, Record<string, unknown>>(); // line id → its valuation row
      for (const c of entered) {
        const input = await ectx.input(c);
        const ev = await evaluate(deps, tx, c, input);
        const assigned = new Map(ev.assignment?.lines.map((l) => [l.lineId, l]) ?? []);
        for (const [i, l] of [...c.items, ...c.services].entries()) {
          const v = ev.outcome.lines[i]!;
          const a = v.status === 1 ? assigned.get(l.id) : undefined;
          lineUpdates[l.kind].push({
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
          });
        }
        const status = ev.outcome.status;
        claimUpdates.push({
          id: c.id,
          status,
          category: ev.outcome.category,
          approved: status === 4 ? ev.outcome.approved : '0.00',
          rejection_reason: status === 1 ? 1 : 0,
          submit_stamp: now,
          submit_user_id: tx.user?.id ?? null,
          review_flags: ev.outcome.reviewFlags.length ? ev.outcome.reviewFlags : null,
          updated_at: now,
        });
        if (status === 4) summary.checked++;
        else summary.rejected++;
        ectx.remember(
          c,
          status === 4 ? 'checked' : 'rejected',
          ev.outcome.category,
          new Map([...ev.qty].filter(([, q]) => q !== 0).map(([id, q]) => [id, { qtyApproved: q }])),
        );
        audits.push({ entity: 'Claim', entityId: c.id, action: 'submit', after: { status, lines: ev.outcome.lines } });
        done.push(c);
        // Check and valuation in one pass: a checked claim nobody flagged for review is valued at once, from the
        // same engine input with the check applied (no second read of the claim or its reference data).
        if (opts.process && status === 4 && !ev.outcome.reviewFlags.length) {
          const v = valueClaim(withVerdicts(c, ev), applyCheck(input, ev.check), { now, userId: tx.user?.id ?? null });
          for (const r of [...v.lines.item, ...v.lines.service]) valuedLines.set(r.id as string, r);
          claimUpdates[claimUpdates.length - 1] = { ...claimUpdates.at(-1), ...v.claim };
          ledgerRows.push(...v.ledger);
          ectx.rememberLedger(c.id, v.ledgerRows);
          summary[v.status === 16 ? 'valuated' : v.status === 8 ? 'processed' : 'rejected']++;
          audits.push(v.audit);
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
      for (const kind of ['item', 'service'] as const) {
        const rows = lineUpdates[kind].map((r) => fill(valuedLines.get(r.id as string) ?? r, lineCols, {}));
        await bulkUpdate(tx, `claim_${kind}`, lineCols, rows);
      }
      for (const r of claimUpdates) {
        const c = byId.get(r.id as string)!;
        fill(r, claimCols, { review_status: c.reviewStatus, feedback_status: c.feedbackStatus });
      }
      await bulkUpdate(tx, 'claim', claimCols, claimUpdates);
      await replaceLedger(tx, valuedIds, ledgerRows);
      await auditMany(tx, audits);
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
      for (let i = 0; i < unique.length; i += CHUNK) {
        await submitChunk(ctx, unique.slice(i, i + CHUNK), summary, opts);
        await progress?.(Math.min(i + CHUNK, unique.length), unique.length);
      }
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
        const id = uuidv7();
        const line = (kind: 'item' | 'service') =>
          p.lines
            .filter((l) => l.kind === kind)
            .map((l) => ({
              id: uuidv7(),
              kind,
              medicalId: l.medicalId,
              qtyProvided: String(l.qty),
              qtyApproved: null,
              priceAsked: formatCents(l.price),
              priceAdjusted: null,
              priceApproved: null,
              priceValuated: null,
              explanation: l.explanation,
              justification: null,
              status: 1 as const,
              rejectionReason: 0,
              rejectionParams: null,
              productId: null,
              policyId: null,
              priceOrigin: null,
              limitation: null,
              limitationValue: null,
              deductableAmount: null,
              exceedCeilingAmount: null,
              exceedCeilingAmountCategory: null,
              remuneratedAmount: null,
            }));
        c = {
          id,
          code: p.code,
          hfId: p.hfId,
          insureeId: p.insureeId,
          adminId: p.adminId,
          dateFrom: p.dateFrom,
          dateTo: p.dateTo,
          dateClaimed: p.dateClaimed,
          icdId: p.icdId,
          secondaryIcdIds: p.secondary,
          visitType: p.visitType,
          category: null,
          status: 2,
          reviewStatus: 1,
          feedbackStatus: 1,
          feedbackAvailable: false,
          rejectionReason: 0,
          guaranteeId: p.guaranteeId,
          explanation: p.explanation,
          adjustment: null,
          claimed: formatCents(p.claimed),
          approved: null,
          valuated: null,
          remunerated: null,
          dateProcessed: null,
          submitStamp: null,
          processStamp: null,
          restoreId: null,
          reviewFlags: [],
          createdAt: new Date().toISOString(),
          updatedAt: new Date().toISOString(),
          items: line('item'),
          services: line('service'),
        };
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
