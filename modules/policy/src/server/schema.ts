import { versionColumns } from '@mutua/kernel';
import { char, date, numeric, pgTable, smallint, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Policy versions (effective-dated like product: a change closes the row and opens a new one with the same `id`;
 * a delete only closes it). migrations/0001_policy.sql has the same columns.
 */
export const policy = pgTable('policy', {
  ...versionColumns(),
  familyId: uuid('family_id').notNull(),
  productId: uuid('product_id').notNull(),
  stage: char('stage', { length: 1 }).notNull(),
  status: smallint('status').notNull(),
  enrollDate: date('enroll_date', { mode: 'string' }).notNull(),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  effectiveDate: date('effective_date', { mode: 'string' }),
  expiryDate: date('expiry_date', { mode: 'string' }).notNull(),
  value: numeric('value', { precision: 18, scale: 2 }).notNull(),
  officerId: uuid('officer_id'),
  previousPolicyId: uuid('previous_policy_id'),
});

/**
 * Coverage of one member by one family policy (DOMAIN.md §9.4). Current rows have no `valid_to`; a member leaving
 * the family or a deleted policy closes the row. `effective_date` null = not (yet) covered.
 */
export const insureePolicy = pgTable('insuree_policy', {
  id: uuid('id').primaryKey(),
  policyId: uuid('policy_id').notNull(),
  insureeId: uuid('insuree_id').notNull(),
  enrollmentDate: date('enrollment_date', { mode: 'string' }).notNull(),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  effectiveDate: date('effective_date', { mode: 'string' }),
  expiryDate: date('expiry_date', { mode: 'string' }).notNull(),
  validFrom: timestamp('valid_from', { withTimezone: true }).notNull().defaultNow(),
  validTo: timestamp('valid_to', { withTimezone: true }),
});
