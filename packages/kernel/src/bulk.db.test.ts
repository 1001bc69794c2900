import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { asc, sql } from 'drizzle-orm';
import { integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { anyOf, insertAll, insertRows } from './bulk.js';
import { withTransaction } from './context.js';
import { preferGenericPlans, queryPrepared, queryRows } from './db.js';
import { isUniqueViolation } from './errors.js';
import { uuidv7 } from './ids.js';
import { startTestKernel, type TestKernel } from './testing.js';

const note = pgTable('bulk_test_note', {
  id: uuid('id')
    .primaryKey()
    .$defaultFn(() => uuidv7()),
  code: text('code').notNull(),
  amount: numeric('amount', { precision: 18, scale: 2 }),
  rank: integer('rank').notNull().default(7),
  detail: jsonb('detail').$type<{ reasons: Array<{ code: number; text: string }> } | null>(),
  at: timestamp('at', { withTimezone: true, mode: 'string' }),
});

let t: TestKernel;
before(async () => {
  t = await startTestKernel({ modules: [] });
});
beforeEach(async () => {
  const { db } = t.database;
  await db.execute(sql`DROP TABLE IF EXISTS bulk_test_line`);
  await db.execute(sql`DROP TABLE IF EXISTS bulk_test_note`);
  await db.execute(
    sql`CREATE TABLE bulk_test_note (id uuid PRIMARY KEY, code text NOT NULL UNIQUE, amount numeric(18,2), rank integer NOT NULL DEFAULT 7, detail jsonb, at timestamptz)`,
  );
  await db.execute(
    sql`CREATE TABLE bulk_test_line (id uuid PRIMARY KEY, note_id uuid NOT NULL REFERENCES bulk_test_note(id), qty numeric(18,2) NOT NULL CHECK (qty > 0))`,
  );
});
after(async () => {
  await t?.database.db.execute(sql`DROP TABLE IF EXISTS bulk_test_line`);
  await t?.database.db.execute(sql`DROP TABLE IF EXISTS bulk_test_note`);
  await t?.close();
});

const all = () => t.database.db.select().from(note).orderBy(asc(note.code));

const line = pgTable('bulk_test_line', {
  id: uuid('id')
    .primaryKey()
    .$defaultFn(() => uuidv7()),
  noteId: uuid('note_id').notNull(),
  qty: numeric('qty', { precision: 18, scale: 2 }).notNull(),
});

describe('insertRows', () => {
  it('writes every row as given: exact amounts, nested JSON, quotes and accents, dates', async () => {
    await insertRows(t.database, note, [
      {
        code: 'A',
        amount: '1234567.89',
        detail: { reasons: [{ code: 12, text: `l'assuré « Moussa » n'est pas couvert` }] },
        at: '2026-06-15T08:30:00.000Z',
      },
      { code: 'B', amount: '0.10', detail: null, at: null },
    ]);
    const rows = await all();
    assert.equal(rows.length, 2);
    assert.equal(rows[0]!.amount, '1234567.89');
    assert.deepEqual(rows[0]!.detail, { reasons: [{ code: 12, text: `l'assuré « Moussa » n'est pas couvert` }] });
    assert.equal(new Date(rows[0]!.at!).toISOString(), '2026-06-15T08:30:00.000Z');
    assert.equal(rows[1]!.amount, '0.10');
    assert.equal(rows[1]!.detail, null);
  });

  it('fills ids from $defaultFn and leaves a missing value to the column default, per row', async () => {
    await insertRows(t.database, note, [{ code: 'A' }, { code: 'B', rank: 3 }, { code: 'C' }]);
    const rows = await all();
    assert.deepEqual(
      rows.map((r) => [r.code, r.rank]),
      [
        ['A', 7],
        ['B', 3],
        ['C', 7],
      ],
    );
    assert.equal(new Set(rows.map((r) => r.id)).size, 3, 'each row got its own id');
  });

  it('writes an explicit null as NULL, never as the column default (nulls travel as absent JSON keys)', async () => {
    await insertRows(t.database, note, [
      { code: 'A', amount: null, at: null },
      { code: 'B', amount: '1.00', at: '2026-01-01T00:00:00.000Z' },
    ]);
    assert.deepEqual(
      (await all()).map((r) => [r.code, r.amount, r.at === null]),
      [
        ['A', null, true],
        ['B', '1.00', false],
      ],
    );
    // `rank` has a default (7) but is NOT NULL: an explicit null is refused, not silently replaced by 7.
    await assert.rejects(insertRows(t.database, note, [{ code: 'C', rank: null as unknown as number }]), /null/i);
  });

  it('fails whole on a duplicate, or skips it when asked', async () => {
    await insertRows(t.database, note, [{ code: 'A' }]);
    await assert.rejects(insertRows(t.database, note, [{ code: 'B' }, { code: 'A' }]), (err) => isUniqueViolation(err));
    assert.equal((await all()).length, 1, 'nothing of the failed statement was written');
    await insertRows(t.database, note, [{ code: 'B' }, { code: 'A' }], { onConflictDoNothing: true });
    assert.deepEqual(
      (await all()).map((r) => r.code),
      ['A', 'B'],
    );
  });

  it('writes large lists in chunks', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => ({
      code: `N${String(i).padStart(5, '0')}`,
      amount: `${i}.50`,
    }));
    await insertRows(t.database, note, rows, { chunk: 1000 });
    const [n] = await queryRows<{ n: string; s: string }>(
      t.database.db,
      sql`SELECT count(*)::text AS n, sum(amount)::text AS s FROM bulk_test_note`,
    );
    assert.equal(n!.n, '2500');
    assert.equal(n!.s, '3125000.00'); // Σ i + 0.50 for i < 2500
  });
});

describe('insertAll', () => {
  it('writes a parent and its children in one statement, or nothing when one row is refused', async () => {
    const id = uuidv7();
    await insertAll(t.database, [
      [note, [{ id, code: 'P1', amount: '30.00' }]],
      [
        line,
        [
          { noteId: id, qty: '1' },
          { noteId: id, qty: '2.5' },
        ],
      ],
    ]);
    const [n] = await queryRows<{ n: string; q: string }>(
      t.database.db,
      sql`SELECT count(*)::text AS n, sum(qty)::text AS q FROM bulk_test_line WHERE note_id = ${id}`,
    );
    assert.deepEqual([n!.n, n!.q], ['2', '3.50']);
    const other = uuidv7();
    await assert.rejects(
      insertAll(t.database, [
        [note, [{ id: other, code: 'P2' }]],
        [line, [{ noteId: other, qty: '0' }]], // refused by the check
      ]),
    );
    assert.deepEqual(
      (await all()).map((r) => r.code),
      ['P1'],
      'the parent of the refused line was not written either',
    );
  });
});

describe('anyOf', () => {
  it('matches the listed ids only, and nothing for an empty list', async () => {
    await insertRows(t.database, note, [{ code: 'A' }, { code: 'B' }, { code: 'C' }]);
    const ids = (await all()).map((r) => r.id);
    const pick = async (xs: string[]) =>
      (await t.database.db.select().from(note).where(anyOf(note.id, xs)).orderBy(asc(note.code))).map((r) => r.code);
    assert.deepEqual(await pick([ids[0]!, ids[2]!]), ['A', 'C']);
    assert.deepEqual(await pick([]), []);
    const codes = await t.database.db
      .select()
      .from(note)
      .where(anyOf(note.code, ['B', 'C'], 'text'));
    assert.equal(codes.length, 2);
  });
});

describe('queryPrepared', () => {
  it('answers each call with its own values, on the pool and inside a transaction, after the table was remade', async () => {
    await insertRows(t.database, note, [
      { code: 'A', amount: '1.50' },
      { code: 'B', amount: '2.25' },
    ]);
    const byCode = (db: TestKernel['database']['db'], code: string) =>
      queryPrepared<{ amount: string }>(
        db,
        sql`SELECT amount::text AS amount FROM bulk_test_note WHERE code = ${code}`,
      );
    const count = (db: TestKernel['database']['db']) =>
      queryPrepared<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM bulk_test_note`);
    for (let i = 0; i < 12; i++) {
      assert.deepEqual(await byCode(t.database.db, i % 2 ? 'A' : 'B'), [{ amount: i % 2 ? '1.50' : '2.25' }]);
      assert.deepEqual(await count(t.database.db), [{ n: 2 }]);
    }
    await withTransaction({ db: t.database.db } as never, async (tx) => {
      await insertRows(tx, note, [{ code: 'C', amount: '3.00' }]);
      assert.deepEqual(await byCode(tx.db, 'C'), [{ amount: '3.00' }], 'sees its own transaction');
      assert.deepEqual(await count(tx.db), [{ n: 3 }]);
    });
    assert.deepEqual(await byCode(t.database.db, 'Z'), []);
  });

  it('plans generically only inside the transaction that asked (the pooled connection goes back as it was)', async () => {
    const mode = async (db: TestKernel['database']['db']) =>
      (await queryRows<{ m: string }>(db, sql`SELECT current_setting('plan_cache_mode') AS m`))[0]!.m;
    const pooled = await mode(t.database.db);
    await withTransaction({ db: t.database.db } as never, async (tx) => {
      await preferGenericPlans(tx);
      assert.equal(await mode(tx.db), 'force_generic_plan');
      await insertRows(tx, note, [{ code: 'G', amount: '4.00' }]);
    });
    assert.equal(pooled, 'auto');
    for (let i = 0; i < 12; i++) assert.equal(await mode(t.database.db), 'auto', 'every pooled connection');
    assert.equal((await all()).length, 1);
  });
});
