import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PgDialect, pgTable, varchar } from 'drizzle-orm/pg-core';
import { validAt, versionColumns } from './versioned.js';

const item = pgTable('item', { ...versionColumns(), code: varchar('code', { length: 6 }) });
const dialect = new PgDialect();

test('without a date, the current version is read', () => {
  assert.match(dialect.sqlToQuery(validAt(item)).sql, /"valid_to" is null/);
});

test('a bare date reads the version in force at the end of that day', () => {
  const q = dialect.sqlToQuery(validAt(item, '2026-03-01'));
  assert.match(q.sql, /"valid_from" <= \$1 and \("item"."valid_to" is null or "item"."valid_to" > \$2\)/);
  assert.deepEqual(q.params, ['2026-03-01T23:59:59.999Z', '2026-03-01T23:59:59.999Z']);
});
