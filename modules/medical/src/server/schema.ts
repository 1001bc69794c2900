import { versionColumns } from '@mutua/kernel';
import { boolean, char, numeric, pgTable, smallint, varchar } from 'drizzle-orm/pg-core';

/**
 * Tables owned by the medical module; migrations/0001_medical.sql creates them. All three registers are
 * effective-dated (kernel `versionColumns`): a change closes the current row and inserts a new version, same `id`.
 */
export const medicalItem = pgTable('medical_item', {
  ...versionColumns(),
  code: varchar('code', { length: 6 }).notNull(),
  name: varchar('name', { length: 100 }).notNull(),
  type: char('type', { length: 1 }).notNull(),
  package: varchar('package', { length: 255 }),
  price: numeric('price', { precision: 18, scale: 2 }).notNull(),
  quantity: numeric('quantity', { precision: 18, scale: 2 }),
  maximumQuantity: numeric('maximum_quantity', { precision: 18, scale: 2 }),
  careType: char('care_type', { length: 1 }).notNull(),
  frequency: smallint('frequency'),
  patientCategory: smallint('patient_category').notNull(),
});

export const medicalService = pgTable('medical_service', {
  ...versionColumns(),
  code: varchar('code', { length: 6 }).notNull(),
  name: varchar('name', { length: 100 }).notNull(),
  type: char('type', { length: 1 }).notNull(),
  category: char('category', { length: 1 }),
  level: char('level', { length: 1 }).notNull(),
  price: numeric('price', { precision: 18, scale: 2 }).notNull(),
  maximumQuantity: numeric('maximum_quantity', { precision: 18, scale: 2 }),
  careType: char('care_type', { length: 1 }).notNull(),
  frequency: smallint('frequency'),
  patientCategory: smallint('patient_category').notNull(),
  packageType: char('package_type', { length: 1 }).notNull(),
  manualPrice: boolean('manual_price').notNull(),
});

export const diagnosis = pgTable('diagnosis', {
  ...versionColumns(),
  code: varchar('code', { length: 6 }).notNull(),
  name: varchar('name', { length: 255 }).notNull(),
  nameFr: varchar('name_fr', { length: 255 }),
});
