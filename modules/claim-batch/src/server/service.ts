import {
  ConflictError,
  type Ctx,
  InputError,
  isUuid,
  type Jobs,
  NotFoundError,
  pgArray,
  queryRows,
  recordAudit,
  requireRight,
  uuidv7,
  withTransaction,
} from '@mutua/kernel';
import { sql } from 'drizzle-orm';
import { formatCents } from '../domain/money.js';
import { batchPlan } from '../domain/plan.js';
import type { BatchPlan, RunScope } from '../domain/types.js';
import { RIGHTS } from '../manifest.js';
import type {
  BatchPreview,
  BatchRun,
  BatchRunDetail,
  BillTotals,
  CapitationReport,
  ClaimBatchApi,
  RunProgress,
  RunTarget,
} from '../points.js';
import { billFile } from './bill-file.js';
import { type InputDeps, loadInput, sys } from './input.js';
import { capitationReports, indexRows, readBill, readBills, readCapitation, readIndexes, readRuns } from './read.js';

export const RUN_JOB = 'claim-batch.run';
/** Steps of a run written at once, each on its own connection (PostgreSQL; PGlite takes them in turn). */
const PARALLEL_STEPS = 2;

export interface ServiceDeps extends InputDeps {
  jobs: Jobs;
  chunkSize: number;
}

interface Checkpoint {
  /** The next step to write: 0 header, then line chunks, then claim chunks. */
  next: number;
  /** The chunk size the steps were cut with (a resume keeps it, whatever the config now says). */
  size: number;
}

const json = (v: unknown): string => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? formatCents(x) : x));

/** Checks the target and resolves its level from the location's type (R region, D district). */
async function resolveTarget(
  deps: InputDeps,
  ctx: Ctx,
  t: RunTarget,
): Promise<{ scope: RunScope; level: BatchRun['level'] }> {
  const problems = [];
  if (!Number.isInteger(t.year) || t.year < 2000 || t.year > 2100)
    problems.push({ field: 'year', key: 'claim-batch.error.year' });
  if (!Number.isInteger(t.month) || t.month < 1 || t.month > 12)
    problems.push({ field: 'month', key: 'claim-batch.error.month' });
  if (problems.length) throw InputError.fields(problems);
  if (!t.locationId) return { scope: { level: 'national' }, level: 'national' };
  const loc = isUuid(t.locationId) ? await deps.location.getLocation(sys(ctx), t.locationId) : null;
  if (loc?.type === 'R') return { scope: { level: 'region', regionId: loc.id }, level: 'region' };
  if (loc?.type === 'D') return { scope: { level: 'district', districtId: loc.id }, level: 'district' };
  throw InputError.fields([{ field: 'locationId', key: 'claim-batch.error.location' }]);
}

function summary(plan: BatchPlan) {
  let claimed = 0n;
  let remunerated = 0n;
  for (const c of plan.claims) {
    claimed += c.claimed;
    remunerated += c.remunerated;
  }
  let capitation = 0n;
  for (const c of plan.capitation) for (const f of c.facilities) capitation += f.payment;
  return { claimed, remunerated, capitation };
}

export function createClaimBatchService(deps: ServiceDeps): ClaimBatchApi {
  const plan = async (ctx: Ctx, target: RunTarget, runId: string | null) => {
    const { scope, level } = await resolveTarget(deps, ctx, target);
    const input = await loadInput(deps, ctx, { ...target, scope }, runId);
    return { level, input, plan: batchPlan(input) };
  };

  async function getRunRow(ctx: Ctx, id: string): Promise<BatchRun | null> {
    if (!isUuid(id)) return null;
    const [run] = await readRuns(ctx, sql`r.id = ${id}::uuid`, 1);
    return run ?? null;
  }

  async function writeHeader(tx: Ctx, run: BatchRun, p: BatchPlan): Promise<void> {
    const id = run.id;
    await tx.db.execute(sql`DELETE FROM batch_relative_index WHERE run_id = ${id}::uuid`);
    await tx.db.execute(sql`DELETE FROM batch_capitation WHERE run_id = ${id}::uuid`);
    await tx.db.execute(sql`DELETE FROM provider_bill WHERE run_id = ${id}::uuid`);
    if (p.indexes.length) {
      const rows = p.indexes.map((i) => ({ ...i, id: uuidv7(), start: i.window.start, end: i.window.end }));
      await tx.db.execute(sql`
        INSERT INTO batch_relative_index (id, run_id, product_id, care_type, period_type, rel_type, rel_year, rel_period,
          window_start, window_end, allocated, share_percent, pool, claim_value, rel_index, location_id)
        SELECT v.id, ${id}::uuid, v."productId", v."careType", v."periodType", v."relType", v.year, v.period, v.start,
          v."end", v.allocated, v."sharePercent", v.pool, v."claimValue", v.index, ${run.locationId}::uuid
        FROM json_to_recordset(${json(rows)}::json) AS v(id uuid, "productId" uuid, "careType" text,
          "periodType" text, "relType" int, year int, period int, start date, "end" date, allocated numeric,
          "sharePercent" numeric, pool numeric, "claimValue" numeric, index numeric)`);
    }
    for (const c of p.capitation) {
      const capId = uuidv7();
      await tx.db.execute(sql`
        INSERT INTO batch_capitation (id, run_id, product_id, period_type, window_start, window_end, allocated,
          share_percent, pool, components)
        VALUES (${capId}, ${id}, ${c.productId}, ${c.periodType}, ${c.window.start}, ${c.window.end},
          ${formatCents(c.allocated)}, ${c.sharePercent}, ${formatCents(c.pool)},
          ${json(c.components.map((x) => ({ ...x, total: formatCents(x.total) })))}::jsonb)`);
      const pays = c.facilities.map((f) => ({
        id: uuidv7(),
        hf: f.facilityId,
        payment: formatCents(f.payment),
        components: Object.fromEntries(
          Object.keys(f.values).map((k) => [
            k,
            {
              value: formatCents(f.values[k as keyof typeof f.values]),
              amount: formatCents(f.amounts[k as keyof typeof f.amounts]),
            },
          ]),
        ),
      }));
      if (pays.length)
        await tx.db.execute(sql`
          INSERT INTO batch_capitation_payment (id, capitation_id, run_id, product_id, hf_id, components, payment)
          SELECT v.id, ${capId}::uuid, ${id}::uuid, ${c.productId}::uuid, v.hf, v.components, v.payment
          FROM json_to_recordset(${JSON.stringify(pays)}::json) AS v(id uuid, hf uuid, components jsonb, payment numeric)`);
    }
    for (const b of p.bills) {
      const billId = uuidv7();
      await tx.db.execute(sql`
        INSERT INTO provider_bill (id, run_id, hf_id, claimed, remunerated, deduction, line_count)
        VALUES (${billId}, ${id}, ${b.facilityId}, ${formatCents(b.claimed)}, ${formatCents(b.remunerated)},
          ${formatCents(b.deduction)}, ${b.lines.length})`);
      for (let i = 0; i < b.lines.length; i += deps.chunkSize) {
        await tx.db.execute(sql`
          INSERT INTO provider_bill_line (bill_id, claim_id, claimed, remunerated, deduction)
          SELECT ${billId}::uuid, v."claimId", v.claimed, v.remunerated, v.deduction
          FROM jsonb_to_recordset(${json(b.lines.slice(i, i + deps.chunkSize))}::jsonb)
            AS v("claimId" uuid, claimed numeric, remunerated numeric, deduction numeric)`);
      }
    }
  }

  /** The claim codes of a bill's lines (by claim id), read from the claim module 1,000 at a time. */
  async function claimCodes(ctx: Ctx, lines: readonly { claimId: string }[]): Promise<Map<string, string>> {
    const codes = new Map<string, string>();
    const ids = lines.map((l) => l.claimId);
    for (let i = 0; i < ids.length; i += 1000)
      for (const c of await deps.claim.getClaims(sys(ctx), ids.slice(i, i + 1000))) codes.set(c.id, c.code);
    return codes;
  }

  const api: ClaimBatchApi = {
    async previewBatch(ctx, target) {
      requireRight(ctx, RIGHTS.preview);
      const { level, plan: p } = await plan(ctx, target, null);
      const s = summary(p);
      const bills: BillTotals[] = p.bills.map((b) => ({
        id: null,
        runId: null,
        facilityId: b.facilityId,
        claimed: formatCents(b.claimed),
        remunerated: formatCents(b.remunerated),
        deduction: formatCents(b.deduction),
        lineCount: b.lines.length,
      }));
      const preview: BatchPreview = {
        year: target.year,
        month: target.month,
        locationId: target.locationId ?? null,
        level,
        indexes: indexRows(p.indexes),
        bills,
        capitation: capitationReports(p.capitation),
        claimsValuated: p.claims.length,
        pendingClaims: p.pendingClaims.length,
        linesRemunerated: p.lines.length,
        claimed: formatCents(s.claimed),
        remunerated: formatCents(s.remunerated),
      };
      return preview;
    },

    async runBatch(ctx, target) {
      const user = requireRight(ctx, RIGHTS.run);
      const { level } = await resolveTarget(deps, ctx, target);
      const locationId = target.locationId ?? null;
      return withTransaction(ctx, async (tx) => {
        const existing = await queryRows<{ id: string }>(
          tx.db,
          sql`SELECT id FROM batch_run WHERE run_year = ${target.year} AND run_month = ${target.month}
                AND location_id IS NOT DISTINCT FROM ${locationId}::uuid AND status <> 'failed' LIMIT 1`,
        );
        const refuse = () =>
          new ConflictError('claim-batch.error.alreadyRun', {
            month: `${target.year}-${String(target.month).padStart(2, '0')}`,
          });
        if (existing.length) throw refuse();
        const id = uuidv7();
        const inserted = await queryRows<{ id: string }>(
          tx.db,
          sql`INSERT INTO batch_run (id, run_year, run_month, location_id, level, created_by)
              VALUES (${id}, ${target.year}, ${target.month}, ${locationId}::uuid, ${level}, ${user.id}::uuid)
              ON CONFLICT DO NOTHING RETURNING id`,
        );
        if (!inserted.length) throw refuse();
        const { id: jobId } = await deps.jobs.enqueue(tx, RUN_JOB, { runId: id });
        await tx.db.execute(sql`UPDATE batch_run SET job_id = ${jobId}::uuid WHERE id = ${id}::uuid`);
        await recordAudit(tx, {
          entity: 'BatchRun',
          entityId: id,
          action: 'create',
          after: { year: target.year, month: target.month, locationId, level, jobId },
        });
        const run = (await getRunRow(tx, id))!;
        return { run, jobId };
      });
    },

    async executeRun(ctx, runId, progress?: RunProgress) {
      const run = await getRunRow(ctx, runId);
      if (!run) throw new NotFoundError('BatchRun', runId);
      if (run.status === 'done') return run; // a finished run is never written again
      await ctx.db.execute(sql`UPDATE batch_run SET status = 'running' WHERE id = ${runId}::uuid`);
      const { plan: p, input } = await plan(ctx, run, runId);
      // The price valuated each line had before this run, stored with the line so that a resume plans the same.
      const valuatedBefore = new Map(
        input.lines.map((l) => [l.id, l.priceValuated === null ? null : formatCents(l.priceValuated)]),
      );
      const cp = (progress?.checkpoint ?? null) as Checkpoint | null;
      const size = cp?.size ?? deps.chunkSize;
      // Steps: 0 the header rows; then chunks of valuated claims, each with all its lines (a claim is written whole
      // or not at all); then chunks of the lines whose claim still waits (settled now, recorded in claim_batch_line
      // so that no later run pays them again).
      const valuatedIds = new Set(p.claims.map((c) => c.claimId));
      const linesOf = new Map<string, (typeof p.lines)[number][]>();
      const waitingLines: (typeof p.lines)[number][] = [];
      for (const l of p.lines) {
        if (!valuatedIds.has(l.claimId)) {
          waitingLines.push(l);
          continue;
        }
        const list = linesOf.get(l.claimId);
        if (list) list.push(l);
        else linesOf.set(l.claimId, [l]);
      }
      const claimChunks = Math.ceil(p.claims.length / size);
      const waitingChunks = Math.ceil(waitingLines.length / size);
      const total = 1 + claimChunks + waitingChunks;
      const indexOf = new Map<string, string>();
      const perProduct = new Map<string, number>();
      for (const i of p.indexes) perProduct.set(i.productId, (perProduct.get(i.productId) ?? 0) + 1);
      for (const i of p.indexes) if (perProduct.get(i.productId) === 1) indexOf.set(i.productId, i.index);
      const lineResult = (l: (typeof p.lines)[number]) => ({
        id: l.id,
        kind: l.kind,
        remunerated: formatCents(l.remunerated),
        priceValuated: l.basis === 'index' ? formatCents(l.remunerated) : null,
      });
      /** Writes one step in its own transaction. */
      const writeStep = (step: number) =>
        withTransaction(ctx, async (tx) => {
          if (step === 0) return writeHeader(tx, run, p);
          if (step <= claimChunks) {
            const chunk = p.claims.slice((step - 1) * size, step * size);
            await deps.claim.applyBatchResult(tx, {
              runId,
              lines: chunk.flatMap((c) => (linesOf.get(c.claimId) ?? []).map(lineResult)),
              claims: chunk.map((x) => ({ id: x.claimId, remunerated: formatCents(x.remunerated) })),
            });
            return;
          }
          const w = step - 1 - claimChunks;
          const chunk = waitingLines.slice(w * size, (w + 1) * size);
          const col = <T extends string | null>(f: (l: (typeof chunk)[number]) => T) => pgArray(chunk.map(f));
          await tx.db.execute(sql`
            INSERT INTO claim_batch_line (line_id, run_id, kind, claim_id, product_id, basis, remunerated, rel_index,
              price_valuated_before)
            SELECT v.id, ${runId}::uuid, v.kind, v.claim, v.product, v.basis, v.remunerated, v.index, v.before
            FROM unnest(${col((l) => l.id)}::uuid[], ${col((l) => l.kind)}::text[], ${col((l) => l.claimId)}::uuid[],
              ${col((l) => l.productId)}::uuid[], ${col((l) => l.basis)}::text[],
              ${col((l) => formatCents(l.remunerated))}::numeric[],
              ${col((l) => (l.basis === 'index' ? (indexOf.get(l.productId) ?? null) : null))}::numeric[],
              ${col((l) => valuatedBefore.get(l.id) ?? null)}::numeric[])
              AS v(id, kind, claim, product, basis, remunerated, index, before)
            ON CONFLICT (line_id) DO NOTHING`);
          await deps.claim.applyBatchResult(tx, { runId, lines: chunk.map(lineResult), claims: [] });
        });
      // Two steps at a time: the database backend, not Node, is the bottleneck, and there are cores to spare. Every
      // step is idempotent and touches rows no other step touches, so the order does not matter; the checkpoint is
      // the first step not yet done (a resumed run redoes the few done after it, changing nothing).
      let cursor = cp?.next ?? 0;
      let next = cursor;
      const done = new Set<number>();
      let failed = false;
      const worker = async () => {
        for (let step = cursor++; step < total && !failed; step = cursor++) {
          await writeStep(step).catch((err: unknown) => {
            failed = true; // the other worker stops after its current step
            throw err;
          });
          done.add(step);
          while (done.has(next)) next++;
          await progress?.saveCheckpoint({ next, size } satisfies Checkpoint);
          await progress?.progress(next, total);
        }
      };
      await Promise.all(Array.from({ length: PARALLEL_STEPS }, worker));
      const s = summary(p);
      await withTransaction(ctx, async (tx) => {
        await tx.db.execute(sql`
          UPDATE batch_run SET status = 'done', finished_at = now(), claims_valuated = ${p.claims.length},
            lines_remunerated = ${p.lines.length}, claimed = ${formatCents(s.claimed)},
            remunerated = ${formatCents(s.remunerated)}, capitation = ${formatCents(s.capitation)}
          WHERE id = ${runId}::uuid`);
        await recordAudit(tx, {
          entity: 'BatchRun',
          entityId: runId,
          action: 'run',
          after: { claims: p.claims.length, lines: p.lines.length, remunerated: formatCents(s.remunerated) },
        });
      });
      return (await getRunRow(ctx, runId))!;
    },

    async listRuns(ctx, filter) {
      requireRight(ctx, RIGHTS.search);
      const year = filter.year ?? null;
      const where = year ? sql`r.run_year = ${year}` : sql`true`;
      return readRuns(ctx, where, Math.min(Math.max(filter.first ?? 100, 1), 500));
    },

    async getRun(ctx, id) {
      requireRight(ctx, RIGHTS.search);
      const run = await getRunRow(ctx, id);
      if (!run) return null;
      const scope = await deps.location.facilityScopeCondition(ctx, sql`b.hf_id`);
      const detail: BatchRunDetail = {
        ...run,
        indexes: await readIndexes(ctx, id),
        bills: await readBills(ctx, id, scope),
      };
      return detail;
    },

    async capitationReport(ctx, runId) {
      requireRight(ctx, RIGHTS.search);
      if (!isUuid(runId)) return [];
      return readCapitation(ctx, runId) as Promise<CapitationReport[]>;
    },

    async getBill(ctx, id) {
      requireRight(ctx, RIGHTS.search);
      const bill = isUuid(id)
        ? await readBill(ctx, id, await deps.location.facilityScopeCondition(ctx, sql`b.hf_id`))
        : null;
      if (!bill) return null;
      const codes = await claimCodes(ctx, bill.lines);
      return { ...bill, lines: bill.lines.map((l) => ({ ...l, claimCode: codes.get(l.claimId) ?? null })) };
    },

    async billFile(ctx, id, format) {
      requireRight(ctx, RIGHTS.search);
      const bill = isUuid(id)
        ? await readBill(ctx, id, await deps.location.facilityScopeCondition(ctx, sql`b.hf_id`))
        : null;
      if (!bill) throw new NotFoundError('ProviderBill', id);
      const run = (await getRunRow(ctx, bill.runId!))!;
      const [facility] = await deps.location.getHealthFacilities(sys(ctx), [bill.facilityId]);
      const codes = await claimCodes(ctx, bill.lines);
      return billFile({ bill, run, facility: facility ?? null, locale: ctx.locale, codes }, format);
    },
  };
  return api;
}
