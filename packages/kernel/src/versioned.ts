import { and, gt, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Effective-dated reference data (ARCHITECTURE.md "Data conventions"): each version is a row with its own `row_id`;
 * `id` is the stable entity id other records point to; `valid_from`/`valid_to` bound the version. A change closes
 * the current row (`valid_to = now`) and inserts the new version with the same `id` (`valid_from = now`); a delete
 * only closes it. Reads "as of" an instant pick the row with `valid_from <= t < valid_to`.
 *
 * SQL for a table: `row_id uuid PRIMARY KEY, id uuid NOT NULL, valid_from timestamptz NOT NULL DEFAULT now(),
 * valid_to timestamptz`, plus `CREATE UNIQUE INDEX … (id) WHERE valid_to IS NULL` and, for codes,
 * `CREATE UNIQUE INDEX … (code) WHERE valid_to IS NULL`.
 */
export const versionColumns = () => ({
  rowId: uuid('row_id').primaryKey(),
  id: uuid('id').notNull(),
  validFrom: timestamp('valid_from', { withTimezone: true }).notNull().default(sql`now()`),
  validTo: timestamp('valid_to', { withTimezone: true }),
});

export interface VersionedTable {
  validFrom: AnyPgColumn;
  validTo: AnyPgColumn;
}

/** The version valid at `at` (a Date or an ISO string; a bare date `YYYY-MM-DD` means the end of that day). */
export function validAt(table: VersionedTable, at?: Date | string | null): SQL {
  if (at === undefined || at === null) return isNull(table.validTo);
  const t = typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at) ? endOfDay(at) : new Date(at);
  return and(lte(table.validFrom, t), or(isNull(table.validTo), gt(table.validTo, t)))!;
}

/** The current version of each entity. */
export const current = (table: VersionedTable): SQL => isNull(table.validTo);

function endOfDay(date: string): Date {
  // A price changed during a day applies to claims of that day: read the version in force at its end.
  return new Date(`${date}T23:59:59.999Z`);
}
