import assert from 'node:assert/strict';
import { test } from 'node:test';
import { graphql } from 'graphql';
import pino from 'pino';
import type { Ctx } from '../context.js';
import { InputError } from '../errors.js';
import { addMessages } from '../i18n.js';
import { createBuilder, guardSchema } from './builder.js';

test('a business error thrown below a root field reaches the caller translated, with its code', async () => {
  addMessages({ en: { t: { bad: 'Bad {{what}}' } }, fr: { t: { bad: '{{what}} invalide' } } });
  const b = createBuilder();
  const Thing = b.objectRef<{ id: string }>('Thing').implement({
    fields: (t) => ({
      sync: t.string({
        nullable: true,
        resolve: () => {
          throw new InputError('t.bad', { what: 'sync' });
        },
      }),
      later: t.string({
        nullable: true,
        resolve: async () => {
          throw new InputError('t.bad', { what: 'later' });
        },
      }),
      fine: t.exposeString('id'),
    }),
  });
  b.queryField('thing', (t) =>
    t.field({ type: Thing, nullable: true, extensions: { public: true }, resolve: () => ({ id: 'ok' }) }),
  );
  b.mutationField('noop', (t) => t.boolean({ extensions: { public: true }, resolve: () => true }));
  const schema = guardSchema(b.toSchema(), new Set());
  const ctx = { locale: 'fr', user: null, logger: pino({ level: 'silent' }) } as unknown as Ctx;
  const res = await graphql({ schema, source: '{ thing { fine sync later } }', contextValue: ctx });
  assert.deepEqual(
    JSON.parse(JSON.stringify(res.data)),
    { thing: { fine: 'ok', sync: null, later: null } },
    'the sibling fields still resolve',
  );
  const messages = (res.errors ?? []).map((e) => [e.message, e.extensions.code]).sort();
  assert.deepEqual(messages, [
    ['later invalide', 'BAD_INPUT'],
    ['sync invalide', 'BAD_INPUT'],
  ]);
});
