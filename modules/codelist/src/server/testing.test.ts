import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Ctx, systemUser } from '@mutua/kernel';
import pino from 'pino';
import { fakeCodeListService } from './testing.js';

const ctx = (over: Partial<Ctx> = {}): Ctx => ({
  db: undefined as never,
  user: systemUser(),
  locale: 'en',
  logger: pino({ level: 'silent' }),
  afterCommit: null,
  ...over,
});

describe('the fake code list service', () => {
  it('validates and labels codes like the real one', async () => {
    const s = fakeCodeListService();
    assert.equal(await s.isValid(ctx(), 'gender', 'F'), true);
    assert.equal(await s.isValid(ctx(), 'gender', 'X'), false);
    assert.equal(await s.label(ctx({ locale: 'fr' }), 'careType', 'I'), 'Hospitalisation');
    assert.equal((await s.check(ctx(), 'visitType', 'visitType', 'Z'))[0]?.key, 'codelist.error.unknownCode');
  });

  it('applies the rules and the edit right', async () => {
    const s = fakeCodeListService();
    const [male] = await s.entries(ctx(), 'gender');
    await assert.rejects(s.updateEntry(ctx(), male!.id, { code: 'H' }), { code: 'BAD_INPUT' });
    const clerk = { ...systemUser(), isAdmin: false };
    await assert.rejects(s.updateEntry(ctx({ user: clerk }), male!.id, { name: 'Man' }), { code: 'FORBIDDEN' });
    const farmer = await s.addEntry(ctx(), 'profession', { code: '5', name: 'Farmer', nameFr: 'Agriculteur' });
    assert.equal(await s.isValid(ctx(), 'profession', '5'), true);
    await s.deactivateEntry(ctx(), farmer.id);
    assert.equal(await s.isValid(ctx(), 'profession', '5'), false);
  });
});
