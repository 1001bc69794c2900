import {
  type Ctx,
  InputError,
  isUuid,
  NotFoundError,
  RuleViolation,
  recordAudit,
  requireRight,
  uuidv7,
  withTransaction,
} from '@mutua/kernel';
import { and, avg, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import { formatCents, lineValue, parseCents } from '../domain/money.js';
import { RIGHTS } from '../manifest.js';
import type { ClaimDetail, Feedback, FeedbackInput, ReviewLineInput, SelectionInput } from '../points.js';
import { auditMany } from './bulk-sql.js';
import { type Deps, sys } from './deps.js';
import { parseQty } from './entry.js';
import { claimScope, lineTable, loadDetails } from './read.js';
import { claim, claimFeedback, claimFeedbackPrompt } from './schema.js';

type Kind = 'review' | 'feedback';
const colName = (k: Kind) => (k === 'review' ? 'reviewStatus' : 'feedbackStatus');

/** Review and feedback (DOMAIN.md §12.4, RULES.md §5.5). */
export function createReview(deps: Deps) {
  async function scoped(ctx: Ctx, ids: readonly string[]) {
    const valid = ids.filter(isUuid);
    if (!valid.length) return [];
    return ctx.db
      .select({
        id: claim.id,
        claimed: claim.claimed,
        icdId: claim.icdId,
        status: claim.status,
        reviewStatus: claim.reviewStatus,
        feedbackStatus: claim.feedbackStatus,
        insureeId: claim.insureeId,
      })
      .from(claim)
      .where(and(inArray(claim.id, valid), isNull(claim.deletedAt), eq(claim.status, 4), await claimScope(deps, ctx)));
  }

  async function promptFeedback(tx: Ctx, claimIds: string[]) {
    if (!claimIds.length) return;
    await tx.db
      .insert(claimFeedbackPrompt)
      .values(
        claimIds.map((claimId) => ({ id: uuidv7(), claimId, promptDate: new Date().toISOString().slice(0, 10) })),
      );
  }
  async function closePrompts(tx: Ctx, claimIds: string[]) {
    if (!claimIds.length) return;
    await tx.db
      .update(claimFeedbackPrompt)
      .set({ closedAt: sql`now()` })
      .where(and(inArray(claimFeedbackPrompt.claimId, claimIds), isNull(claimFeedbackPrompt.closedAt)));
  }

  async function setStatus(ctx: Ctx, kind: Kind, ids: readonly string[], action: 'select' | 'skip' | 'bypass') {
    requireRight(ctx, RIGHTS.update);
    return withTransaction(ctx, async (tx) => {
      const rows = await scoped(tx, ids);
      const cur = (r: (typeof rows)[number]) => (kind === 'review' ? r.reviewStatus : r.feedbackStatus);
      const target = action === 'select' ? 4 : action === 'skip' ? 2 : 16;
      const pick = rows.filter((r) =>
        action === 'select' ? cur(r) <= 2 : action === 'bypass' ? cur(r) === 4 : cur(r) !== 8 && cur(r) !== 2,
      );
      const changed = pick.map((r) => r.id);
      if (!changed.length) return 0;
      await tx.db
        .update(claim)
        .set({ [colName(kind)]: target, updatedAt: sql`now()` })
        .where(inArray(claim.id, changed));
      if (kind === 'feedback') {
        if (target === 4) await promptFeedback(tx, changed);
        else await closePrompts(tx, changed);
      }
      await auditMany(
        tx,
        changed.map((id) => ({
          entity: 'Claim',
          entityId: id,
          action: `${kind}.${action}`,
          after: { [colName(kind)]: target },
        })),
      );
      return changed.length;
    });
  }

  /** SP uspClaimSelection: idle → not selected, then the chosen ones → selected. */
  async function select(ctx: Ctx, kind: Kind, input: SelectionInput) {
    requireRight(ctx, RIGHTS.update);
    const minClaimed = input.minClaimed ? parseCents(input.minClaimed) : 0;
    if (minClaimed === null) throw InputError.fields([{ field: 'minClaimed', key: 'claim.error.amount' }]);
    const value = input.value ?? 0;
    if (input.mode !== 'all' && (value < 0 || value > (input.mode === 'random' ? 100 : 10000)))
      throw InputError.fields([{ field: 'value', key: 'claim.error.percentage' }]);
    return withTransaction(ctx, async (tx) => {
      const rows = await scoped(tx, input.ids);
      const idle = rows.filter((r) => (kind === 'review' ? r.reviewStatus : r.feedbackStatus) === 1).map((r) => r.id);
      if (idle.length)
        await tx.db
          .update(claim)
          .set({ [colName(kind)]: 2 })
          .where(inArray(claim.id, idle));
      const above = rows.filter((r) => (parseCents(r.claimed) ?? 0) >= minClaimed);
      let chosen: string[] = [];
      if (input.mode === 'all') chosen = above.map((r) => r.id);
      else if (input.mode === 'random') {
        const n = Math.round((rows.length * value) / 100);
        const shuffled = rows.map((r) => r.id).sort(() => Math.random() - 0.5);
        chosen = shuffled.slice(0, n);
      } else {
        // variance: average claimed of processed/valuated claims with the same main diagnosis over the last year
        const icds = [...new Set(above.map((r) => r.icdId))];
        const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
        const yearBefore = new Date(Date.now() - 366 * 86_400_000).toISOString().slice(0, 10);
        const avgs = icds.length
          ? await tx.db
              .select({ icdId: claim.icdId, avg: avg(claim.claimed) })
              .from(claim)
              .where(
                and(
                  inArray(claim.icdId, icds),
                  inArray(claim.status, [8, 16]),
                  isNull(claim.deletedAt),
                  gte(claim.dateClaimed, yearBefore),
                  lte(claim.dateClaimed, yesterday),
                ),
              )
              .groupBy(claim.icdId)
          : [];
        const byIcd = new Map(avgs.map((a) => [a.icdId, Number(a.avg)]));
        chosen = above
          .filter((r) => {
            const a = byIcd.get(r.icdId);
            return a !== undefined && Number(r.claimed) >= a * (1 + value / 100);
          })
          .map((r) => r.id);
      }
      if (chosen.length) {
        await tx.db
          .update(claim)
          .set({ [colName(kind)]: 4, updatedAt: sql`now()` })
          .where(inArray(claim.id, chosen));
        if (kind === 'feedback') await promptFeedback(tx, chosen);
      }
      await auditMany(
        tx,
        chosen.map((id) => ({
          entity: 'Claim',
          entityId: id,
          action: `${kind}.select`,
          after: { [colName(kind)]: 4 },
        })),
      );
      return { selected: chosen.length, notSelected: rows.length - chosen.length };
    });
  }

  return {
    selectForReview: (ctx: Ctx, input: SelectionInput) => select(ctx, 'review', input),
    selectForFeedback: (ctx: Ctx, input: SelectionInput) => select(ctx, 'feedback', input),
    setReviewStatus: (ctx: Ctx, ids: readonly string[], a: 'select' | 'skip' | 'bypass') =>
      setStatus(ctx, 'review', ids, a),
    setFeedbackStatus: (ctx: Ctx, ids: readonly string[], a: 'select' | 'skip' | 'bypass') =>
      setStatus(ctx, 'feedback', ids, a),

    /** The medical officer's adjustments line by line (RULES.md §5.5); −1 rejects a line. */
    async saveReview(
      ctx: Ctx,
      id: string,
      input: { lines: readonly ReviewLineInput[]; adjustment?: string | null; deliver?: boolean | null },
    ): Promise<ClaimDetail> {
      requireRight(ctx, RIGHTS.review);
      return withTransaction(ctx, async (tx) => {
        const [before] = await loadDetails(deps, tx, [id], true);
        if (!before) throw new NotFoundError('Claim', id);
        if (before.status !== 4) throw new RuleViolation('claim.error.reviewCheckedOnly', { status: before.status });
        const lines = [...before.items, ...before.services];
        const problems: Array<{ field: string; key: string; params?: Record<string, unknown> }> = [];
        const updates: Array<{ kind: 'item' | 'service'; id: string; set: Record<string, unknown> }> = [];
        for (const [i, l] of input.lines.entries()) {
          const line = lines.find((x) => x.id === l.id);
          if (!line) {
            problems.push({ field: `lines.${i}.id`, key: 'claim.error.unknownLine' });
            continue;
          }
          const justification = l.justification?.trim() || null;
          if (l.reject) {
            if (!justification)
              problems.push({ field: `lines.${i}.justification`, key: 'claim.error.justificationRequired' });
            updates.push({
              kind: line.kind,
              id: line.id,
              set: { status: 2, rejectionReason: -1, rejectionParams: null, qtyApproved: '0', justification },
            });
            continue;
          }
          const qty =
            l.qtyApproved == null || l.qtyApproved === '' ? null : l.qtyApproved === '0' ? 0 : parseQty(l.qtyApproved);
          if (l.qtyApproved != null && l.qtyApproved !== '' && qty === null)
            problems.push({ field: `lines.${i}.qtyApproved`, key: 'claim.error.quantity', params: {} });
          const price = l.priceApproved == null || l.priceApproved === '' ? null : parseCents(l.priceApproved);
          if (l.priceApproved != null && l.priceApproved !== '' && (price === null || price < 0))
            problems.push({ field: `lines.${i}.priceApproved`, key: 'claim.error.price', params: {} });
          const changed = qty !== null || price !== null;
          if (changed && !justification)
            problems.push({ field: `lines.${i}.justification`, key: 'claim.error.justificationRequired' });
          if (line.status === 2 && line.rejectionReason !== -1) continue; // rules' rejections stay
          updates.push({
            kind: line.kind,
            id: line.id,
            set: {
              status: 1,
              rejectionReason: 0,
              qtyApproved: qty === null ? null : String(qty),
              priceApproved: price === null ? null : formatCents(price),
              justification,
            },
          });
        }
        if (problems.length) throw InputError.fields(problems);
        for (const u of updates) {
          const t = lineTable(u.kind);
          await tx.db.update(t).set(u.set).where(eq(t.id, u.id));
        }
        const [after0] = await loadDetails(deps, tx, [id]);
        const all = [...after0!.items, ...after0!.services];
        const passed = all.filter((l) => l.status === 1);
        // DECISIONS #13: Σ (qty approved ?? provided) × (price approved ?? asked) over passed lines
        const approved = passed.reduce(
          (s, l) =>
            s + lineValue(Number(l.qtyApproved ?? l.qtyProvided), parseCents(l.priceApproved ?? l.priceAsked) ?? 0),
          0,
        );
        await tx.db
          .update(claim)
          .set({
            approved: formatCents(approved),
            adjustment: input.adjustment?.trim() || null,
            adjusterId: tx.user?.id ?? null,
            reviewUserId: tx.user?.id ?? null,
            reviewStamp: sql`now()`,
            updatedAt: sql`now()`,
            ...(passed.length ? {} : { status: 1, rejectionReason: 1 }),
            ...(input.deliver ? { reviewStatus: 8 } : {}),
          })
          .where(eq(claim.id, id));
        const [after] = await loadDetails(deps, tx, [id]);
        await recordAudit(tx, {
          entity: 'Claim',
          entityId: id,
          action: input.deliver ? 'review.deliver' : 'review',
          before,
          after,
        });
        return after!;
      });
    },

    async deliverFeedback(ctx: Ctx, id: string, input: FeedbackInput): Promise<ClaimDetail> {
      requireRight(ctx, RIGHTS.feedback);
      const problems: Array<{ field: string; key: string; params?: Record<string, unknown> }> = [];
      if (!input.feedbackDate || !/^\d{4}-\d{2}-\d{2}$/.test(input.feedbackDate))
        problems.push({ field: 'feedbackDate', key: 'claim.error.required' });
      if (
        input.assessment != null &&
        (!Number.isInteger(input.assessment) || input.assessment < -1 || input.assessment > 5)
      )
        problems.push({ field: 'assessment', key: 'claim.error.assessment' });
      if (input.officerId && !(isUuid(input.officerId) && (await deps.officer.getOfficer(sys(ctx), input.officerId))))
        problems.push({ field: 'officerId', key: 'claim.error.unknownOfficer' });
      if (problems.length) throw InputError.fields(problems);
      return withTransaction(ctx, async (tx) => {
        const [before] = await loadDetails(deps, tx, [id], true);
        if (!before) throw new NotFoundError('Claim', id);
        if (before.status < 4) throw new RuleViolation('claim.error.feedbackCheckedOnly', { status: before.status });
        const values = {
          careRendered: input.careRendered ?? null,
          paymentAsked: input.paymentAsked ?? null,
          drugPrescribed: input.drugPrescribed ?? null,
          drugReceived: input.drugReceived ?? null,
          assessment: input.assessment ?? null,
          officerId: input.officerId || null,
          feedbackDate: input.feedbackDate,
        };
        await tx.db
          .insert(claimFeedback)
          .values({ claimId: id, ...values, createdBy: tx.user?.id ?? null })
          .onConflictDoUpdate({ target: claimFeedback.claimId, set: values });
        await tx.db
          .update(claim)
          .set({ feedbackStatus: 8, feedbackAvailable: true, updatedAt: sql`now()` })
          .where(eq(claim.id, id));
        await closePrompts(tx, [id]);
        const [after] = await loadDetails(deps, tx, [id]);
        await recordAudit(tx, {
          entity: 'Claim',
          entityId: id,
          action: 'feedback.deliver',
          before,
          after: { ...after, feedback: values },
        });
        return after!;
      });
    },

    async getFeedback(ctx: Ctx, claimId: string): Promise<Feedback | null> {
      requireRight(ctx, RIGHTS.search);
      const [c] = await loadDetails(deps, ctx, [claimId]);
      if (!c) return null;
      const [f] = await ctx.db.select().from(claimFeedback).where(eq(claimFeedback.claimId, claimId));
      return f
        ? {
            claimId,
            careRendered: f.careRendered,
            paymentAsked: f.paymentAsked,
            drugPrescribed: f.drugPrescribed,
            drugReceived: f.drugReceived,
            assessment: f.assessment,
            officerId: f.officerId,
            feedbackDate: f.feedbackDate,
          }
        : null;
    },
  };
}
