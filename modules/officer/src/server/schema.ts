import { boolean, date, pgTable, primaryKey, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/*
 * Current rows plus the kernel's audit log, soft delete through `deleted_at` — not effective-dated. Officers and
 * claim administrators are people records that families, policies and claims point to by a stable id; nothing is
 * priced or computed "as of" their past state, so versions would only add joins. The audit log (before/after of
 * every write, readable in the History panel) keeps the history openIMIS kept in its validity_to rows.
 */

/** Enrolment officers (DOMAIN.md §2.1 Officer). */
export const officer = pgTable('officer', {
  id: uuid('id').primaryKey(),
  code: varchar('code', { length: 8 }).notNull(),
  lastName: varchar('last_name', { length: 100 }).notNull(),
  otherNames: varchar('other_names', { length: 100 }).notNull(),
  dob: date('dob', { mode: 'string' }),
  phone: varchar('phone', { length: 50 }),
  email: varchar('email', { length: 200 }),
  locationId: uuid('location_id').notNull(),
  substituteId: uuid('substitute_id'),
  worksTo: date('works_to', { mode: 'string' }),
  veoCode: varchar('veo_code', { length: 25 }),
  veoLastName: varchar('veo_last_name', { length: 100 }),
  veoOtherNames: varchar('veo_other_names', { length: 100 }),
  veoDob: date('veo_dob', { mode: 'string' }),
  veoPhone: varchar('veo_phone', { length: 25 }),
  phoneCommunication: boolean('phone_communication').notNull().default(false),
  address: varchar('address', { length: 200 }),
  userId: uuid('user_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
});

/** The villages an officer serves. */
export const officerVillage = pgTable(
  'officer_village',
  {
    officerId: uuid('officer_id').notNull(),
    villageId: uuid('village_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.officerId, t.villageId] })],
);

/** Claim administrators (DOMAIN.md §2.1 ClaimAdmin). */
export const claimAdmin = pgTable('claim_admin', {
  id: uuid('id').primaryKey(),
  code: varchar('code', { length: 8 }).notNull(),
  lastName: varchar('last_name', { length: 100 }).notNull(),
  otherNames: varchar('other_names', { length: 100 }).notNull(),
  dob: date('dob', { mode: 'string' }),
  phone: varchar('phone', { length: 50 }),
  email: varchar('email', { length: 200 }),
  hfId: uuid('hf_id').notNull(),
  userId: uuid('user_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
});
