import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

/** Kernel-owned tables (users, roles, audit, idempotency, jobs). Migrations: packages/kernel/migrations. */
export const appUser = pgTable('app_user', {
  id: uuid('id').primaryKey(),
  username: varchar('username', { length: 50 }).notNull(),
  lastName: varchar('last_name', { length: 100 }).notNull(),
  otherNames: varchar('other_names', { length: 100 }).notNull(),
  email: varchar('email', { length: 200 }),
  phone: varchar('phone', { length: 50 }),
  language: varchar('language', { length: 5 }).notNull().default('en'),
  passwordHash: text('password_hash'),
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  isActive: boolean('is_active').notNull().default(true),
  healthFacilityId: uuid('health_facility_id'),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  /** Tokens issued before this instant (whole seconds) are refused: set by a password reset or deactivation. */
  tokensValidAfter: timestamp('tokens_valid_after', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
});

export const role = pgTable('role', {
  id: uuid('id').primaryKey(),
  name: varchar('name', { length: 50 }).notNull(),
  nameFr: varchar('name_fr', { length: 50 }),
  /** openIMIS system-role bit (1 … 1048576); 0 for roles created by users. */
  isSystem: integer('is_system').notNull().default(0),
  isBlocked: boolean('is_blocked').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
});

export const roleRight = pgTable(
  'role_right',
  { roleId: uuid('role_id').notNull(), right: varchar('right_name', { length: 100 }).notNull() },
  (t) => [primaryKey({ columns: [t.roleId, t.right] })],
);

export const userRole = pgTable(
  'user_role',
  { userId: uuid('user_id').notNull(), roleId: uuid('role_id').notNull() },
  (t) => [primaryKey({ columns: [t.userId, t.roleId] })],
);

/** Districts a user is limited to (location ids; the location module owns the tree). */
export const userDistrict = pgTable(
  'user_district',
  { userId: uuid('user_id').notNull(), locationId: uuid('location_id').notNull() },
  (t) => [primaryKey({ columns: [t.userId, t.locationId] })],
);

export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull().default(sql`now()`),
  userId: uuid('user_id'),
  username: varchar('username', { length: 50 }),
  entity: varchar('entity', { length: 60 }).notNull(),
  entityId: varchar('entity_id', { length: 64 }).notNull(),
  action: varchar('action', { length: 30 }).notNull(),
  before: jsonb('before'),
  after: jsonb('after'),
});

export const mutationLog = pgTable(
  'mutation_log',
  {
    userId: uuid('user_id').notNull(),
    clientMutationId: varchar('client_mutation_id', { length: 100 }).notNull(),
    operation: varchar('operation', { length: 100 }).notNull(),
    result: jsonb('result'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.userId, t.clientMutationId] })],
);

export const job = pgTable('job', {
  id: uuid('id').primaryKey(),
  type: varchar('type', { length: 100 }).notNull(),
  payload: jsonb('payload').notNull(),
  /** queued | running | done | failed */
  status: varchar('status', { length: 10 }).notNull().default('queued'),
  attempts: integer('attempts').notNull().default(0),
  maxAttempts: integer('max_attempts').notNull().default(3),
  done: integer('done').notNull().default(0),
  total: integer('total').notNull().default(0),
  checkpoint: jsonb('checkpoint'),
  result: jsonb('result'),
  error: text('error'),
  lockedBy: varchar('locked_by', { length: 100 }),
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
  runAfter: timestamp('run_after', { withTimezone: true }).notNull().default(sql`now()`),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  startedAt: timestamp('started_at', { withTimezone: true }),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

export const kernelSetting = pgTable('kernel_setting', {
  key: varchar('key', { length: 100 }).primaryKey(),
  value: text('value').notNull(),
});

export const knownRight = pgTable('known_right', {
  right: varchar('right_name', { length: 100 }).primaryKey(),
});

export const revokedToken = pgTable('revoked_token', {
  jti: varchar('jti', { length: 64 }).primaryKey(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});
