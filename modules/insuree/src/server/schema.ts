import { versionColumns } from '@mutua/kernel';
import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  customType,
  date,
  integer,
  jsonb,
  pgTable,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/** Family versions (DOMAIN.md §9.1; migrations/0001_insuree.sql). */
export const family = pgTable('family', {
  ...versionColumns(),
  headInsureeId: uuid('head_insuree_id'),
  locationId: uuid('location_id').notNull(),
  poverty: boolean('poverty'),
  familyType: varchar('family_type', { length: 2 }),
  confirmationType: varchar('confirmation_type', { length: 3 }),
  confirmationNo: varchar('confirmation_no', { length: 12 }),
  address: varchar('address', { length: 200 }),
  ethnicity: char('ethnicity', { length: 1 }),
  jsonExt: jsonb('json_ext').$type<Record<string, unknown>>(),
});

/** Insuree versions (DOMAIN.md §9.2). */
export const insuree = pgTable('insuree', {
  ...versionColumns(),
  familyId: uuid('family_id').notNull(),
  chfId: varchar('chf_id', { length: 50 }).notNull(),
  lastName: varchar('last_name', { length: 100 }).notNull(),
  otherNames: varchar('other_names', { length: 100 }).notNull(),
  dob: date('dob', { mode: 'string' }).notNull(),
  gender: varchar('gender', { length: 1 }),
  isHead: boolean('is_head').notNull().default(false),
  relationship: varchar('relationship', { length: 4 }),
  maritalStatus: varchar('marital_status', { length: 1 }),
  profession: varchar('profession', { length: 4 }),
  education: varchar('education', { length: 4 }),
  phone: varchar('phone', { length: 50 }),
  email: varchar('email', { length: 100 }),
  typeOfId: varchar('type_of_id', { length: 1 }),
  passport: varchar('passport', { length: 25 }),
  currentVillageId: uuid('current_village_id'),
  currentAddress: varchar('current_address', { length: 200 }),
  healthFacilityId: uuid('health_facility_id'),
  cardIssued: boolean('card_issued').notNull().default(false),
  photoId: uuid('photo_id'),
  jsonExt: jsonb('json_ext').$type<Record<string, unknown>>(),
  enrolledOn: date('enrolled_on', { mode: 'string' }).notNull().default(sql`CURRENT_DATE`),
});

/** Photos (DOMAIN.md §9.3), stored in the database with the record. */
export const insureePhoto = pgTable('insuree_photo', {
  id: uuid('id').primaryKey(),
  insureeId: uuid('insuree_id').notNull(),
  mime: varchar('mime', { length: 20 }).notNull(),
  bytes: integer('bytes').notNull(),
  data: bytea('data').notNull(),
  takenOn: date('taken_on', { mode: 'string' }).notNull().default(sql`CURRENT_DATE`),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
});
