import { boolean, integer, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/** Entries of every code list (migrations/0001_codelist.sql creates the table, its unique index and checks). */
export const codeListEntry = pgTable('code_list_entry', {
  id: uuid('id').primaryKey(),
  list: varchar('list', { length: 40 }).notNull(),
  code: varchar('code', { length: 5 }).notNull(),
  name: varchar('name', { length: 50 }).notNull(),
  nameFr: varchar('name_fr', { length: 50 }).notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
  requiresNumber: boolean('requires_number').notNull().default(false),
  builtIn: boolean('built_in').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
