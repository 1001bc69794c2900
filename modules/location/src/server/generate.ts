import { type Ctx, type GenerateOptions, uuidv7, withTransaction } from '@mutua/kernel';
import { planCountry } from '../domain/country-plan.js';
import type { LocationService } from '../points.js';
import { chunks } from './import-common.js';
import { healthFacility, hfCatchment, location } from './schema.js';
import { invalidateScopes } from './scope.js';

/**
 * Bulk-generates a country sized for `insurees` (`mutua generate`): rows are planned deterministically from the seed,
 * then written with multi-row INSERTs, parents first. Generation fills an empty database for benchmarks, so it writes
 * rows directly (no per-row audit or hooks: nobody edited them).
 */
export async function generate(ctx: Ctx, service: LocationService, opts: GenerateOptions): Promise<void> {
  const plan = planCountry(opts.seed, opts.insurees);
  const { levels } = service;
  const ids = plan.locations.map(() => uuidv7());
  const total = plan.locations.length + plan.healthFacilities.length;
  let done = 0;
  await withTransaction(ctx, async (tx) => {
    for (const part of chunks(plan.locations.map((l, i) => ({ l, i })))) {
      await tx.db.insert(location).values(
        part.map(({ l, i }) => ({
          id: ids[i]!,
          code: l.code,
          name: l.name,
          // The plan has four levels; a scheme with more levels gets the top four letters.
          type: levels[l.depth]!,
          parentId: l.parent === null ? null : ids[l.parent]!,
          malePopulation: l.malePopulation,
          femalePopulation: l.femalePopulation,
          otherPopulation: l.otherPopulation,
          families: l.families,
        })),
      );
      done += part.length;
      await opts.progress(done, total, 'locations');
    }
    for (const part of chunks(plan.healthFacilities)) {
      const rows = part.map((h) => ({ id: uuidv7(), h }));
      await tx.db.insert(healthFacility).values(
        rows.map(({ id, h }) => ({
          id,
          code: h.code,
          name: h.name,
          legalForm: h.legalForm,
          level: h.level,
          subLevel: h.level === 'H' ? 'R' : 'N',
          careType: h.careType,
          locationId: ids[h.district]!,
        })),
      );
      const catchments = rows.flatMap(({ id, h }) =>
        h.catchments.map((c) => ({ hfId: id, villageId: ids[c.village]!, percentage: c.percentage })),
      );
      if (catchments.length) await tx.db.insert(hfCatchment).values(catchments);
      done += part.length;
      await opts.progress(done, total, 'health facilities');
    }
  });
  invalidateScopes();
}
