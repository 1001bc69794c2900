import { type Ctx, type ImportResult, recordAudit, uuidv7 } from '@mutua/kernel';
import { eq, sql } from 'drizzle-orm';
import { type RowError, readCsv, readLocationsXml } from '../domain/import-parse.js';
import {
  byLevel,
  checkLocationRows,
  LOCATION_CSV_COLUMNS,
  LOCATION_CSV_REQUIRED,
  type LocationRow,
  typeUnderParent,
} from '../domain/import-rows.js';
import type { Location } from '../domain/types.js';
import { RIGHTS } from '../manifest.js';
import { locationCreated, locationUpdated } from '../points.js';
import { chunks, type ImportInput, locationsByCode, runImport } from './import-common.js';
import { treeWrite, type WriteDeps } from './location-write.js';
import { locationValues, toLocation } from './rows.js';
import { location } from './schema.js';
import { isInScope, isUnrestricted } from './scope.js';

/**
 * Locations register import (CSV columns or the openIMIS XML layout): insert-or-update by code. Everything is checked
 * first; the rows are written in one transaction only when no row has an error (a dry run writes nothing). An existing
 * code keeps its place in the tree: changing a level or a parent is a move, done on the Locations page.
 */
export function importLocations(deps: WriteDeps, ctx: Ctx, input: ImportInput): Promise<ImportResult> {
  const { levels } = deps.config;
  return runImport(ctx, input, {
    right: RIGHTS.locationImport,
    read: (text, format) =>
      format === 'xml' ? readLocationsXml(text, levels) : readCsv(text, LOCATION_CSV_COLUMNS, LOCATION_CSV_REQUIRED),
    check: async (records) => {
      const { rows, errors, externalParents } = checkLocationRows(records, levels);
      const existing = await locationsByCode(ctx, [...rows.map((r) => r.code), ...externalParents]);
      const inFile = new Map(rows.map((r) => [r.code, r]));
      const national = await isUnrestricted(ctx);
      for (const row of rows) errors.push(...(await checkAgainstDb(ctx, row, existing, inFile, levels, national)));
      return { rows, errors, existing };
    },
    apply: async ({ existing }, creates, updates, written) => {
      // Ids are known before writing (existing ones, new UUID v7), so every parent resolves without a lookup.
      const idOf = new Map<string, string>([...existing].map(([code, r]) => [code, r.id]));
      for (const r of creates) idOf.set(r.code, uuidv7());
      const toRecord = (r: LocationRow): Location => ({
        id: idOf.get(r.code)!,
        ...locationValues(r, r.type, r.parentCode ? idOf.get(r.parentCode)! : null),
      });
      await treeWrite(ctx, async (tx) => {
        for (const part of chunks(byLevel(creates, levels))) {
          const records = part.map(toRecord);
          for (const l of records) {
            await deps.hooks.runValidate(locationCreated, { location: l }, tx);
            await deps.hooks.runBefore(locationCreated, { location: l }, tx);
          }
          await tx.db.insert(location).values(records);
          for (const l of records) {
            await recordAudit(tx, { entity: 'Location', entityId: l.id, action: 'create', after: l });
            await deps.hooks.runAfter(locationCreated, { location: l }, tx);
          }
          await written.chunk(part.length);
        }
        for (const r of updates) {
          const before = toLocation(existing.get(r.code)!);
          // The place in the tree stays; code, name and statistics come from the file.
          const after: Location = { ...toRecord(r), type: before.type, parentId: before.parentId };
          await deps.hooks.runValidate(locationUpdated, { location: after, before }, tx);
          await deps.hooks.runBefore(locationUpdated, { location: after, before }, tx);
          const { id, ...values } = after;
          await tx.db
            .update(location)
            .set({ ...values, updatedAt: sql`now()` })
            .where(eq(location.id, id));
          await recordAudit(tx, { entity: 'Location', entityId: id, action: 'update', before, after });
          await deps.hooks.runAfter(locationUpdated, { location: after, before }, tx);
          await written.row();
        }
      });
    },
  });
}

/** The checks that need the database: the parent exists at the level above, the tree place is unchanged, scope. */
async function checkAgainstDb(
  ctx: Ctx,
  row: LocationRow,
  existing: Map<string, typeof location.$inferSelect>,
  inFile: Map<string, LocationRow>,
  levels: readonly string[],
  national: boolean,
): Promise<RowError[]> {
  const errors: RowError[] = [];
  const current = existing.get(row.code);
  const parentInFile = row.parentCode ? inFile.get(row.parentCode) : undefined;
  const parentInDb = row.parentCode ? existing.get(row.parentCode) : undefined;
  if (row.parentCode && !parentInFile) {
    if (!parentInDb) {
      errors.push({
        row: row.row,
        field: 'parentCode',
        key: 'location.error.parentCodeUnknown',
        params: { code: row.parentCode },
      });
    } else {
      const misplaced = typeUnderParent(row, parentInDb.type, levels);
      if (misplaced) errors.push(misplaced);
      else if (!(await isInScope(ctx, parentInDb.id))) {
        errors.push({ row: row.row, field: 'parentCode', key: 'location.error.outOfScope' });
      }
    }
  }
  if (current) {
    const parentId = parentInDb?.id ?? null;
    if (current.type !== row.type) {
      errors.push({
        row: row.row,
        field: 'type',
        key: 'location.error.importTypeChange',
        params: { type: current.type },
      });
    } else if (current.parentId !== parentId) {
      errors.push({ row: row.row, field: 'parentCode', key: 'location.error.importParentChange' });
    } else if (!(await isInScope(ctx, current.id))) {
      errors.push({ row: row.row, field: 'code', key: 'location.error.outOfScope' });
    }
  } else if (!row.parentCode && !national && row.type) {
    errors.push({ row: row.row, field: 'type', key: 'location.error.outOfScope' });
  }
  return errors;
}
