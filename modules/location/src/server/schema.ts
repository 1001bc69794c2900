import { boolean, char, date, integer, pgTable, primaryKey, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * Tables owned by the location module; migrations/0001_location.sql creates them (with the indexes and checks).
 * Current-state rows plus the kernel's audit log, soft delete through `deleted_at` (ARCHITECTURE.md data conventions).
 */
export const location = pgTable('location', {
  id: uuid('id').primaryKey(),
  code: varchar('code', { length: 8 }).notNull(),
  name: varchar('name', { length: 50 }).notNull(),
  type: char('type', { length: 1 }).notNull(),
  parentId: uuid('parent_id'),
  malePopulation: integer('male_population'),
  femalePopulation: integer('female_population'),
  otherPopulation: integer('other_population'),
  families: integer('families'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
});

/** DOMAIN.md §4.2 without the price-list links, which belong to the price-list module (kept in its own table). */
export const healthFacility = pgTable('health_facility', {
  id: uuid('id').primaryKey(),
  code: varchar('code', { length: 8 }).notNull(),
  name: varchar('name', { length: 100 }).notNull(),
  accCode: varchar('acc_code', { length: 25 }),
  legalForm: char('legal_form', { length: 1 }).notNull(),
  level: char('level', { length: 1 }).notNull(),
  subLevel: char('sub_level', { length: 1 }),
  careType: char('care_type', { length: 1 }).notNull(),
  locationId: uuid('location_id').notNull(),
  address: varchar('address', { length: 100 }),
  phone: varchar('phone', { length: 50 }),
  fax: varchar('fax', { length: 50 }),
  email: varchar('email', { length: 50 }),
  status: varchar('status', { length: 2 }).notNull().default('AC'),
  offline: boolean('offline').notNull().default(false),
  contractStartDate: date('contract_start_date', { mode: 'string' }),
  contractEndDate: date('contract_end_date', { mode: 'string' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
});

/** Villages a facility serves, with the share of each village's population (capitation input). */
export const hfCatchment = pgTable(
  'health_facility_catchment',
  {
    hfId: uuid('hf_id').notNull(),
    villageId: uuid('village_id').notNull(),
    percentage: integer('percentage').notNull(),
  },
  (t) => [primaryKey({ columns: [t.hfId, t.villageId] })],
);
