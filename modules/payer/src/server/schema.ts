import { versionColumns } from '@mutua/kernel';
import { char, pgTable, uuid, varchar } from 'drizzle-orm/pg-core';

/** Payers, effective-dated (one row a version); migrations/0001_payer.sql creates the table and its indexes. */
export const payer = pgTable('payer', {
  ...versionColumns(),
  type: char('type', { length: 1 }).notNull(),
  name: varchar('name', { length: 100 }).notNull(),
  address: varchar('address', { length: 100 }),
  locationId: uuid('location_id').notNull(),
  phone: varchar('phone', { length: 50 }),
  fax: varchar('fax', { length: 50 }),
  email: varchar('email', { length: 50 }),
});
