import { type Ctx, type ImportResult, recordAudit, uuidv7, withTransaction } from '@mutua/kernel';
import { eq, sql } from 'drizzle-orm';
import { type RowError, readCsv, readHealthFacilitiesXml } from '../domain/import-parse.js';
import { checkHfRows, HF_CSV_COLUMNS, HF_CSV_REQUIRED, type HfRow } from '../domain/import-rows.js';
import { districtType } from '../domain/location-rules.js';
import type { HealthFacility } from '../domain/types.js';
import { RIGHTS } from '../manifest.js';
import { hfCreated, hfUpdated } from '../points.js';
import { hfCodeProblems } from './hf-codes.js';
import { catchmentsOf } from './hf-read.js';
import { chunks, facilitiesByCode, type ImportInput, locationsByCode, runImport } from './import-common.js';
import type { WriteDeps } from './location-write.js';
import { hfColumns, hfRecord, hfValues, toHealthFacility } from './rows.js';
import { healthFacility } from './schema.js';
import { isInScope } from './scope.js';

/**
 * Health-facility register import (CSV or openIMIS XML), insert-or-update by code, all-or-nothing. The file carries
 * no contract dates, catchments or offline flag: an update keeps the facility's own.
 */
export function importHealthFacilities(deps: WriteDeps, ctx: Ctx, input: ImportInput): Promise<ImportResult> {
  return runImport(ctx, input, {
    right: RIGHTS.hfImport,
    read: (text, format) =>
      format === 'xml' ? readHealthFacilitiesXml(text) : readCsv(text, HF_CSV_COLUMNS, HF_CSV_REQUIRED),
    check: async (records) => {
      const { rows, errors } = checkHfRows(records);
      const districts = await locationsByCode(
        ctx,
        rows.map((r) => r.districtCode),
      );
      const existing = await facilitiesByCode(
        ctx,
        rows.map((r) => r.code),
      );
      const district = districtType(deps.config.levels);
      for (const row of rows) {
        if (!row.districtCode) continue;
        const d = districts.get(row.districtCode);
        const e = existing.get(row.code);
        const problem: RowError | undefined = !d
          ? {
              row: row.row,
              field: 'districtCode',
              key: 'location.error.parentCodeUnknown',
              params: { code: row.districtCode },
            }
          : d.type !== district
            ? { row: row.row, field: 'districtCode', key: 'location.error.notDistrict' }
            : !(await isInScope(ctx, d.id)) || (e && !(await isInScope(ctx, e.locationId)))
              ? { row: row.row, field: 'districtCode', key: 'location.error.outOfScope' }
              : undefined;
        if (problem) errors.push(problem);
        const flagged = new Set(errors.filter((x) => x.row === row.row).map((x) => x.field ?? ''));
        for (const p of await hfCodeProblems(deps.codeLists, ctx, row, e ?? null, flagged)) {
          errors.push({ row: row.row, ...p });
        }
      }
      return { rows, errors, existing, districts };
    },
    apply: async ({ existing, districts }, creates, updates, written) => {
      const record = (r: HfRow, id: string, keep?: typeof healthFacility.$inferSelect): HealthFacility => {
        const values = hfValues({
          ...r,
          locationId: districts.get(r.districtCode)!.id,
          status: r.status ?? keep?.status ?? 'AC',
          offline: keep?.offline ?? false,
          contractStartDate: keep?.contractStartDate ?? null,
          contractEndDate: keep?.contractEndDate ?? null,
        });
        return hfRecord(id, values, []);
      };
      await withTransaction(ctx, async (tx) => {
        for (const part of chunks(creates)) {
          const hfs = part.map((r) => record(r, uuidv7()));
          for (const hf of hfs) {
            await deps.hooks.runValidate(hfCreated, { healthFacility: hf }, tx);
            await deps.hooks.runBefore(hfCreated, { healthFacility: hf }, tx);
          }
          await tx.db.insert(healthFacility).values(hfs.map((hf) => ({ id: hf.id, ...hfColumns(hf) })));
          for (const hf of hfs) {
            await recordAudit(tx, { entity: 'HealthFacility', entityId: hf.id, action: 'create', after: hf });
            await deps.hooks.runAfter(hfCreated, { healthFacility: hf }, tx);
          }
          await written.chunk(part.length);
        }
        const kept = await catchmentsOf(
          tx,
          updates.map((r) => existing.get(r.code)!.id),
        );
        for (const r of updates) {
          const old = existing.get(r.code)!;
          const before = toHealthFacility(old, kept.get(old.id) ?? []);
          const hf = { ...record(r, old.id, old), catchments: before.catchments };
          await deps.hooks.runValidate(hfUpdated, { healthFacility: hf, before }, tx);
          await deps.hooks.runBefore(hfUpdated, { healthFacility: hf, before }, tx);
          await tx.db
            .update(healthFacility)
            .set({ ...hfColumns(hf), updatedAt: sql`now()` })
            .where(eq(healthFacility.id, hf.id));
          await recordAudit(tx, { entity: 'HealthFacility', entityId: hf.id, action: 'update', before, after: hf });
          await deps.hooks.runAfter(hfUpdated, { healthFacility: hf, before }, tx);
          await written.row();
        }
      });
    },
  });
}
