import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { withTransaction } from './context.js';
import { queryRows } from './db.js';
import { ReferenceCache } from './reference-cache.js';
import { startTestKernel, type TestKernel } from './testing.js';

let t: TestKernel;
before(async () => {
  t = await startTestKernel({ modules: [] });
  const { db } = t.database;
  await db.execute(sql`CREATE TABLE ref_test_price (id text PRIMARY KEY, price numeric(18,2) NOT NULL)`);
  await db.execute(
    sql`CREATE TRIGGER ref_test_price_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ref_test_price FOR EACH STATEMENT EXECUTE FUNCTION mutua_reference_changed()`,
  );
  await db.execute(sql`INSERT INTO ref_test_price VALUES ('PARA', '100.00'), ('AMOX', '250.00')`);
});
after(async () => {
  await t?.database.db.execute(sql`DROP TABLE IF EXISTS ref_test_price`);
  await t?.close();
});

describe('ReferenceCache', () => {
  const cache = new ReferenceCache();
  let reads = 0;
  const prices = (ctx: { db: TestKernel['database']['db'] }, ids: string[]) =>
    cache.many<string>('price', ids, async (missing) => {
      reads++;
      const rows = await queryRows<{ id: string; price: string }>(
        ctx.db,
        sql`SELECT id, price::text AS price FROM ref_test_price WHERE id = ANY(${`{${missing.join(',')}}`}::text[])`,
      );
      return new Map(rows.map((r) => [r.id, r.price]));
    });

  it('reads once, remembers absent keys, and serves later transactions from memory', async () => {
    const ctx = { db: t.database.db };
    await cache.sync(ctx);
    const first = await prices(ctx, ['PARA', 'AMOX', 'NONE']);
    assert.deepEqual(
      [...first],
      [
        ['PARA', '100.00'],
        ['AMOX', '250.00'],
      ],
    );
    await cache.sync(ctx);
    const again = await prices(ctx, ['PARA', 'NONE']);
    assert.equal(again.get('PARA'), '100.00');
    assert.equal(again.has('NONE'), false);
    assert.equal(reads, 1, 'the second transaction read nothing');
  });

  it('sees a committed price change at the next sync, whichever connection made it', async () => {
    const ctx = { db: t.database.db };
    await t.database.db.execute(sql`UPDATE ref_test_price SET price = '120.00' WHERE id = 'PARA'`);
    await cache.sync(ctx);
    assert.equal((await prices(ctx, ['PARA'])).get('PARA'), '120.00');
  });

  it('keeps nothing a rolled-back change showed', async () => {
    const ctx = { db: t.database.db };
    await assert.rejects(
      withTransaction({ db: t.database.db } as never, async (tx) => {
        await tx.db.execute(sql`UPDATE ref_test_price SET price = '999.00' WHERE id = 'AMOX'`);
        await cache.sync(tx);
        assert.equal((await prices(tx, ['AMOX'])).get('AMOX'), '999.00', 'the transaction sees its own change');
        throw new Error('rolled back');
      }),
      /rolled back/,
    );
    await cache.sync(ctx);
    assert.equal((await prices(ctx, ['AMOX'])).get('AMOX'), '250.00');
  });

  it('reads a whole list once, then answers every key of it until reference data changes', async () => {
    const ctx = { db: t.database.db };
    const whole = new ReferenceCache();
    let loads = 0;
    const list = () =>
      whole.whole<string>('price-list', async () => {
        loads++;
        const rows = await queryRows<{ id: string; price: string }>(
          ctx.db,
          sql`SELECT id, price::text AS price FROM ref_test_price`,
        );
        return new Map(rows.map((r) => [r.id, r.price]));
      });
    await whole.sync(ctx);
    assert.equal((await list()).get('AMOX'), '250.00');
    await whole.sync(ctx);
    assert.equal((await list()).get('PARA'), '120.00', 'a key not asked the first time is there too');
    assert.equal(loads, 1);
    await t.database.db.execute(sql`UPDATE ref_test_price SET price = '130.00' WHERE id = 'PARA'`);
    await whole.sync(ctx);
    assert.equal((await list()).get('PARA'), '130.00');
    assert.equal(loads, 2, 'the change emptied the cache');
  });
});
