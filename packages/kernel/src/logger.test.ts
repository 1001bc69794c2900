import assert from 'node:assert/strict';
import { test } from 'node:test';
import { safeError } from './logger.js';

test('a failed query is logged without its parameter values (personal data)', () => {
  const err = new Error(
    'Failed query: insert into app_user (username, phone) values ($1, $2)\nparams: amina,+227 90 12 34 56',
  );
  const logged = JSON.stringify(safeError(err));
  assert.doesNotMatch(logged, /amina|90 12 34 56/);
  assert.match(logged, /insert into app_user/);
  assert.match(logged, /params: \[not logged\]/);
});

test('the database error code and cause are kept for the operator', () => {
  const err = Object.assign(new Error('Failed query: select 1\nparams: x'), {
    cause: { message: 'duplicate key', code: '23505' },
  });
  assert.deepEqual(safeError(err).cause, { message: 'duplicate key', code: '23505' });
});
