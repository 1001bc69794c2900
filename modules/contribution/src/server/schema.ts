import { versionColumns } from '@mutua/kernel';
import { boolean, char, date, numeric, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/** Contribution (premium) versions, DOMAIN.md §11 (migrations/0001_contribution.sql, same names). */
export const premium = pgTable('premium', {
  ...versionColumns(),
  policyId: uuid('policy_id').notNull(),
  productId: uuid('product_id').notNull(),
  familyId: uuid('family_id').notNull(),
  payerId: uuid('payer_id'),
  amount: numeric('amount', { precision: 18, scale: 2 }).notNull(),
  receipt: varchar('receipt', { length: 50 }).notNull(),
  payDate: date('pay_date', { mode: 'string' }).notNull(),
  payType: char('pay_type', { length: 1 }).notNull(),
  isPhotoFee: boolean('is_photo_fee').notNull().default(false),
  isOffline: boolean('is_offline').notNull().default(false),
  source: varchar('source', { length: 50 }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
