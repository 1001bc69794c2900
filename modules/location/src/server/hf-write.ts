import {
  type Ctx,
  type FieldProblem,
  InputError,
  isUuid,
  recordAudit,
  requireRight,
  uuidv7,
  withTransaction,
} from '@mutua/kernel';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { checkHealthFacility } from '../domain/hf-rules.js';
import { districtType, villageType } from '../domain/location-rules.js';
import { clean } from '../domain/text.js';
import type { HealthFacility, HealthFacilityInput } from '../domain/types.js';
import { RIGHTS } from '../manifest.js';
import { hfCreated, hfDeleted, hfUpdated } from '../points.js';
import { hfCodeProblems } from './hf-codes.js';
import { isHealthFacilityCodeFree, loadVisibleHf } from './hf-read.js';
import { loadLocation } from './location-read.js';
import { outOfScope, uniqueCode, type WriteDeps, writable } from './location-write.js';
import { hfColumns, hfRecord, hfValues } from './rows.js';
import { healthFacility, hfCatchment, location } from './schema.js';
import { canSee, isInScope } from './scope.js';

const hfCode = uniqueCode('location.error.hfCodeTaken');

/** Loads a facility for a write: it must exist for the user (else not found) and its district be one of theirs. */
const loadWritableHf = async (ctx: Ctx, id: string) =>
  writable(ctx, 'HealthFacility', id, await loadVisibleHf(ctx, id), (hf) => hf.locationId);

/**
 * Everything a form checks: the field rules, then the district (a current district the user may write in) and the
 * catchment villages (current villages the user may see). Returns the normalised facility.
 */
async function prepare(
  deps: WriteDeps,
  ctx: Ctx,
  id: string,
  input: HealthFacilityInput,
  before: HealthFacility | null,
): Promise<HealthFacility> {
  const problems: FieldProblem[] = checkHealthFacility(input, {
    contractDatesMandatory: deps.config.hfContractDatesMandatory,
  });
  problems.push(...(await hfCodeProblems(deps.codeLists, ctx, input, before, new Set(problems.map((p) => p.field)))));
  // Looked up beyond the user's scope: a district elsewhere is refused as out of scope (403), not as unknown.
  const district = await loadLocation(ctx, clean(input.locationId));
  if (clean(input.locationId) && !district) {
    problems.push({ field: 'locationId', key: 'location.error.parentNotFound' });
  } else if (district && district.type !== districtType(deps.config.levels)) {
    problems.push({ field: 'locationId', key: 'location.error.notDistrict' });
  }
  const catchments = input.catchments ?? [];
  if (catchments.length) {
    const villageIds = [...new Set(catchments.map((c) => c.villageId).filter(isUuid))];
    const found = villageIds.length
      ? await ctx.db
          .select({ id: location.id, type: location.type })
          .from(location)
          .where(and(inArray(location.id, villageIds), isNull(location.deletedAt)))
      : [];
    const villages = new Set(found.filter((f) => f.type === villageType(deps.config.levels)).map((f) => f.id));
    for (const [i, c] of catchments.entries()) {
      if (!villages.has(c.villageId) || !(await canSee(ctx, c.villageId))) {
        problems.push({ field: `catchments.${i}.villageId`, key: 'location.error.notVillage' });
      }
    }
  }
  if (problems.length) throw InputError.fields(problems);
  if (!(await isInScope(ctx, district!.id))) throw outOfScope();
  const values = hfValues(input);
  if (!(await isHealthFacilityCodeFree(ctx, values.code, id))) throw hfCode.taken(values.code);
  return hfRecord(
    id,
    values,
    catchments.map((c) => ({ villageId: c.villageId, percentage: c.percentage })),
  );
}

async function writeCatchments(tx: Ctx, hf: HealthFacility): Promise<void> {
  await tx.db.delete(hfCatchment).where(eq(hfCatchment.hfId, hf.id));
  if (hf.catchments.length) {
    await tx.db.insert(hfCatchment).values(hf.catchments.map((c) => ({ hfId: hf.id, ...c })));
  }
}

export async function createHealthFacility(
  deps: WriteDeps,
  ctx: Ctx,
  input: HealthFacilityInput,
): Promise<HealthFacility> {
  requireRight(ctx, RIGHTS.hfAdd);
  const hf = await prepare(deps, ctx, uuidv7(), input, null);
  return withTransaction(ctx, async (tx) => {
    await deps.hooks.runValidate(hfCreated, { healthFacility: hf }, tx);
    await deps.hooks.runBefore(hfCreated, { healthFacility: hf }, tx);
    await hfCode.guard(hf.code, () => tx.db.insert(healthFacility).values({ id: hf.id, ...hfColumns(hf) }));
    await writeCatchments(tx, hf);
    await recordAudit(tx, { entity: 'HealthFacility', entityId: hf.id, action: 'create', after: hf });
    await deps.hooks.runAfter(hfCreated, { healthFacility: hf }, tx);
    return hf;
  });
}

/** A complete update; status and offline keep their value when the input leaves them out. */
export async function updateHealthFacility(
  deps: WriteDeps,
  ctx: Ctx,
  id: string,
  input: HealthFacilityInput,
): Promise<HealthFacility> {
  requireRight(ctx, RIGHTS.hfEdit);
  const before = await loadWritableHf(ctx, id);
  const hf = await prepare(
    deps,
    ctx,
    before.id,
    {
      ...input,
      status: input.status ?? before.status,
      offline: input.offline ?? before.offline,
    },
    before,
  );
  return withTransaction(ctx, async (tx) => {
    await deps.hooks.runValidate(hfUpdated, { healthFacility: hf, before }, tx);
    await deps.hooks.runBefore(hfUpdated, { healthFacility: hf, before }, tx);
    await hfCode.guard(hf.code, () =>
      tx.db
        .update(healthFacility)
        .set({ ...hfColumns(hf), updatedAt: sql`now()` })
        .where(and(eq(healthFacility.id, hf.id), isNull(healthFacility.deletedAt))),
    );
    await writeCatchments(tx, hf);
    await recordAudit(tx, { entity: 'HealthFacility', entityId: hf.id, action: 'update', before, after: hf });
    await deps.hooks.runAfter(hfUpdated, { healthFacility: hf, before }, tx);
    return hf;
  });
}

/** Soft delete; the catchment rows stay as history of whom it served. */
export async function deleteHealthFacility(deps: WriteDeps, ctx: Ctx, id: string): Promise<void> {
  requireRight(ctx, RIGHTS.hfDelete);
  const hf = await loadWritableHf(ctx, id);
  await withTransaction(ctx, async (tx) => {
    await deps.hooks.runValidate(hfDeleted, { healthFacility: hf }, tx);
    await deps.hooks.runBefore(hfDeleted, { healthFacility: hf }, tx);
    await tx.db.update(healthFacility).set({ deletedAt: sql`now()` }).where(eq(healthFacility.id, hf.id));
    await recordAudit(tx, { entity: 'HealthFacility', entityId: hf.id, action: 'delete', before: hf });
    await deps.hooks.runAfter(hfDeleted, { healthFacility: hf }, tx);
  });
}
