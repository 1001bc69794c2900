import { ConflictError, type Ctx, insertRows, isUniqueViolation, uuidv7 } from '@mutua/kernel';
import { getTableColumns } from 'drizzle-orm';
import { claimChecked } from '../points.js';
import { auditMany } from './bulk-sql.js';
import { evaluate, judge } from './check.js';
import type { PreparedClaim } from './claim-input.js';
import type { Deps } from './deps.js';
import { createEngineContext } from './engine-input.js';
import { claimValues, draftDetail } from './entry.js';
import { announceValuation, listensToValuation } from './process.js';
import { claimsByIds } from './read.js';
import { claim, claimDedRem, claimItem, claimService } from './schema.js';

type Table = typeof claim | typeof claimItem | typeof claimService;
const propsByColumn = new Map<Table, Map<string, string>>();
/** A row keyed by column names (as the check writes them) keyed by the table's property names (as inserts take them). */
function toProps(table: Table, row: Record<string, unknown>): Record<string, unknown> {
  let names = propsByColumn.get(table);
  if (!names) {
    names = new Map(Object.entries(getTableColumns(table)).map(([prop, col]) => [col.name, prop]));
    propsByColumn.set(table, names);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[names.get(k) ?? k] = v;
  return out;
}

/**
 * Entry, check and (with `process`) valuation of one claim a facility system sends, in the caller's transaction:
 * the claim is judged in memory and written once, already checked or valued — three inserts instead of an insert, a
 * re-read and three updates. Same rules, hooks and audit entries as entering then submitting it. Returns its id.
 */
export async function enterAndSubmit(
  deps: Deps,
  tx: Ctx,
  p: PreparedClaim,
  opts: { process: boolean },
): Promise<string> {
  const now = new Date().toISOString();
  const userId = tx.user?.id ?? null;
  const c = draftDetail(p, uuidv7(), now);
  const ectx = await createEngineContext(deps, tx, [c]);
  const input = await ectx.input(c);
  const ev = await evaluate(deps, tx, c, input);
  const j = judge(c, input, ev, { process: opts.process, now, userId });
  const judged = new Map(j.lines.map((l) => [l.row.id as string, l.row]));
  try {
    await insertRows(tx, claim, [
      {
        id: c.id,
        ...claimValues(p),
        createdBy: userId,
        createdAt: now,
        ...toProps(claim, { review_status: c.reviewStatus, feedback_status: c.feedbackStatus, ...j.claim }),
      },
    ]);
  } catch (err) {
    if (isUniqueViolation(err))
      throw new ConflictError('claim.error.codeTaken', { code: c.code }, [
        { field: 'code', key: 'claim.error.codeTaken', params: { code: c.code } },
      ]);
    throw err;
  }
  for (const [table, lines] of [
    [claimItem, c.items],
    [claimService, c.services],
  ] as const) {
    await insertRows(
      tx,
      table,
      lines.map((l, i) => ({
        id: l.id,
        claimId: c.id,
        insureeId: c.insureeId,
        medicalId: l.medicalId,
        sortOrder: i,
        qtyProvided: l.qtyProvided,
        priceAsked: l.priceAsked,
        explanation: l.explanation,
        ...toProps(table, judged.get(l.id) ?? {}),
      })),
    );
  }
  if (j.valued) await insertRows(tx, claimDedRem, j.valued.ledger);
  await auditMany(tx, [{ entity: 'Claim', entityId: c.id, action: 'create', after: c }, ...j.audits]);
  if (deps.hooks.listens(claimChecked) || (j.valued && listensToValuation(deps))) {
    const [stored] = await claimsByIds(tx, [c.id]);
    if (stored) {
      await deps.hooks.runAfter(claimChecked, { claim: stored }, tx);
      if (j.valued) await announceValuation(deps, stored, tx);
    }
  }
  return c.id;
}
