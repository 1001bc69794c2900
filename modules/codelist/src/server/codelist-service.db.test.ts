import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Ctx, coreTables, type ModuleDefinition, type MutuaError, startKernel } from '@mutua/kernel';
import { startTestKernel, type TestKernel } from '@mutua/kernel/testing';
import { and, eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { seedRows } from '../domain/seed.js';
import { type CodeListService, codeListService } from '../points.js';
import codelist from './index.js';
import { codeListEntry } from './schema.js';

const MODULES = [codelist as ModuleDefinition<unknown, unknown>];
let k: TestKernel;
let service: CodeListService;
let admin: Ctx;

before(async () => {
  k = await startTestKernel({ modules: MODULES });
  service = k.kernel.service(codeListService)!;
  admin = k.adminCtx();
});
after(async () => {
  await k?.close();
});

const rejects = (p: Promise<unknown>, code: string, check?: (e: MutuaError) => void) =>
  assert.rejects(p, (e: MutuaError) => {
    assert.equal(e.code, code, e.message);
    check?.(e);
    return true;
  });
const entry = async (list: string, code: string) => {
  const e = (await service.entries(admin, list, { includeInactive: true })).find((x) => x.code === code);
  if (!e) throw new Error(`${list}.${code} missing`);
  return e;
};
const countRows = async () =>
  Number((await k.database.db.select({ n: sql<number>`count(*)` }).from(codeListEntry))[0]?.n);

/** The field of the first problem of a GraphQL answer's first error. */
const firstField = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> | undefined }) =>
  (res.errors?.[0]?.extensions?.problems as Array<{ field: string }> | undefined)?.[0]?.field;

async function adminToken(): Promise<string> {
  const exists = await k.database.db
    .select()
    .from(coreTables.appUser)
    .where(eq(coreTables.appUser.username, 'cl-admin'));
  if (!exists.length) await k.createUser({ username: 'cl-admin', admin: true });
  return k.loginToken('cl-admin');
}

describe('the built-in lists', () => {
  it('are seeded on start, every code once', async () => {
    assert.equal(await countRows(), seedRows().length);
    assert.deepEqual(
      (await service.entries(admin, 'gender')).map((e) => e.code),
      ['M', 'F', 'O'],
    );
    assert.equal((await entry('confirmationType', 'A')).requiresNumber, true);
  });

  it('are seeded again on restart without touching an administrator’s edits, and missing codes come back', async () => {
    const male = await entry('gender', 'M');
    await service.updateEntry(admin, male.id, { nameFr: 'Homme', sortOrder: 9 });
    await service.deactivateEntry(admin, (await entry('profession', '4')).id);
    // A code missing from the table (say, added to Mutua after this database was created).
    await k.database.db
      .delete(codeListEntry)
      .where(and(eq(codeListEntry.list, 'payType'), eq(codeListEntry.code, 'M')));
    const restarted = await startKernel({
      composition: { modules: [{ id: 'codelist', config: {} }] },
      modules: MODULES,
      database: k.database,
      logger: pino({ level: 'silent' }),
    });
    await restarted.close();
    assert.equal(await countRows(), seedRows().length);
    const [row] = await k.database.db.select().from(codeListEntry).where(eq(codeListEntry.id, male.id));
    assert.equal(row?.nameFr, 'Homme');
    assert.equal(row?.sortOrder, 9);
    const [profession4] = await k.database.db
      .select()
      .from(codeListEntry)
      .where(and(eq(codeListEntry.list, 'profession'), eq(codeListEntry.code, '4')));
    assert.equal(profession4?.active, false);
    const [mobile] = await k.database.db
      .select()
      .from(codeListEntry)
      .where(and(eq(codeListEntry.list, 'payType'), eq(codeListEntry.code, 'M')));
    assert.equal(mobile?.name, 'Mobile phone');
  });
});

describe('validating against the lists (the service other modules call)', () => {
  it('knows active codes, labels them in the asked language, and names the field of a wrong one', async () => {
    assert.equal(await service.isValid(admin, 'careType', 'I'), true);
    assert.equal(await service.isValid(admin, 'careType', 'X'), false);
    assert.equal(await service.isValid(admin, 'profession', '4'), false, 'deactivated above');
    assert.equal(await service.isValid(admin, 'profession', '4', { includeInactive: true }), true);
    assert.equal(await service.label(admin, 'hfLevel', 'H', 'fr'), 'Hôpital');
    assert.equal(await service.label(admin, 'hfLevel', 'H'), 'Hospital');
    assert.equal(await service.label(admin, 'hfLevel', 'Z'), null);
    const [problem] = await service.check(admin, 'gender', 'gender', 'Z');
    assert.deepEqual(problem, {
      field: 'gender',
      key: 'codelist.error.unknownCode',
      params: { field: 'gender', code: 'Z', list: 'codelist.list.gender' },
    });
    assert.deepEqual(await service.check(admin, 'gender', 'gender', null), []);
    assert.equal((await service.check(admin, 'gender', 'gender', ' ', { required: true }))[0]?.field, 'gender');
    await rejects(service.entries(admin, 'colour'), 'BAD_INPUT', (e) => assert.equal(e.problems[0]?.field, 'list'));
  });
});

describe('editing the lists', () => {
  it('refuses a user without the edit right', async () => {
    const user = await k.createUser({ username: 'clerk', rights: ['codelist.entry.search'] });
    const ctx = k.ctxAs(user);
    const female = await entry('gender', 'F');
    await rejects(service.updateEntry(ctx, female.id, { name: 'Woman' }), 'FORBIDDEN');
    await rejects(
      service.addEntry(ctx, 'profession', { code: '5', name: 'Farmer', nameFr: 'Agriculteur' }),
      'FORBIDDEN',
    );
    await rejects(service.deactivateEntry(ctx, (await entry('education', '1')).id), 'FORBIDDEN');
    const token = await k.loginToken('clerk');
    const res = await k.gql(
      'mutation($i: UpdateCodeListEntryInput!) { updateCodeListEntry(input: $i) { codeListEntry { id } } }',
      { i: { id: female.id, name: 'Woman' } },
      { token },
    );
    assert.equal(res.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    // Reading needs no right.
    const read = await k.gql<{ codeList: { entries: unknown[] } }>(
      '{ codeList(list: "gender") { entries { code } } }',
      {},
      { token },
    );
    assert.equal(read.data?.codeList.entries.length, 3);
  });

  it('shows a rename in codeList, in French and in English', async () => {
    const token = await adminToken();
    const spouse = await entry('relationship', '8');
    const renamed = await k.gql(
      `mutation($i: UpdateCodeListEntryInput!) {
        updateCodeListEntry(input: $i) { codeListEntry { code name nameFr } } }`,
      { i: { id: spouse.id, name: 'Husband/Wife', nameFr: 'Époux/Épouse' } },
      { token },
    );
    assert.equal(renamed.errors, undefined);
    const query = '{ codeList(list: "relationship") { name entries { code label } } }';
    type Answer = { codeList: { name: string; entries: Array<{ code: string; label: string }> } };
    const fr = await k.gql<Answer>(query, {}, { token, locale: 'fr' });
    assert.equal(fr.data?.codeList.name, 'Lien de parenté');
    assert.equal(fr.data?.codeList.entries.find((e) => e.code === '8')?.label, 'Époux/Épouse');
    const en = await k.gql<Answer>(query, {}, { token, locale: 'en' });
    assert.equal(en.data?.codeList.entries.find((e) => e.code === '8')?.label, 'Husband/Wife');
    const audit = await k.database.db
      .select()
      .from(coreTables.auditLog)
      .where(and(eq(coreTables.auditLog.entity, 'CodeListEntry'), eq(coreTables.auditLog.entityId, spouse.id)));
    assert.deepEqual(
      audit.map((a) => a.action),
      ['update'],
    );
  });

  it('says in French which field is wrong', async () => {
    const token = await adminToken();
    const update =
      'mutation($i: UpdateCodeListEntryInput!) { updateCodeListEntry(input: $i) { codeListEntry { id } } }';
    const add = 'mutation($i: AddCodeListEntryInput!) { addCodeListEntry(input: $i) { codeListEntry { id } } }';
    const bad = await k.gql(
      add,
      { i: { list: 'profession', code: 'AB', name: 'Farmer', nameFr: ' ' } },
      { token, locale: 'fr' },
    );
    const err = bad.errors?.[0];
    assert.equal(err?.extensions?.code, 'BAD_INPUT');
    const problems = err?.extensions?.problems as Array<{ field: string; message: string }>;
    assert.deepEqual(
      problems.map((p) => p.field),
      ['code', 'nameFr'],
    );
    assert.match(problems[0]?.message ?? '', /nombre entier/);
    assert.match(problems[1]?.message ?? '', /Libellé \(français\) est obligatoire/);

    const closed = await k.gql(add, { i: { list: 'gender', code: 'X', name: 'X', nameFr: 'X' } }, { token });
    assert.equal(firstField(closed), 'list');
    const unknown = await k.gql('{ codeList(list: "colour") { id } }', {}, { token });
    assert.equal(unknown.errors?.[0]?.extensions?.code, 'BAD_INPUT');
    assert.match(unknown.errors?.[0]?.message ?? '', /no code list colour/);
    const protectedList = await k.gql(
      update,
      { i: { id: (await entry('careType', 'B')).id, active: false } },
      { token, locale: 'fr' },
    );
    assert.match(protectedList.errors?.[0]?.message ?? '', /liste Type de soins restent actives/);

    const badId = await k.gql(update, { i: { id: 'not-a-uuid', name: 'x' } }, { token });
    assert.equal(badId.errors?.[0]?.extensions?.code, 'BAD_INPUT');
    assert.equal(firstField(badId), 'id');
    const recode = await k.gql(update, { i: { id: (await entry('gender', 'O')).id, code: 'X' } }, { token });
    assert.equal(firstField(recode), 'code');
    const sort = await k.gql(update, { i: { id: (await entry('gender', 'O')).id, sortOrder: 100000 } }, { token });
    assert.equal(firstField(sort), 'sortOrder');
  });

  it('adds local entries to open lists only, and deactivates outside protected lists', async () => {
    const farmer = await service.addEntry(admin, 'profession', { code: '5', name: 'Farmer', nameFr: 'Agriculteur' });
    assert.equal(farmer.builtIn, false);
    assert.equal(farmer.sortOrder, 5);
    assert.equal(await service.isValid(admin, 'profession', '5'), true);
    await rejects(
      service.addEntry(admin, 'profession', { code: '5', name: 'Twin', nameFr: 'Double' }),
      'BAD_INPUT',
      (e) => assert.equal(e.problems[0]?.key, 'codelist.error.codeTaken'),
    );
    // A local entry may be re-coded; a built-in one may not.
    assert.equal((await service.updateEntry(admin, farmer.id, { code: '50' })).code, '50');
    await rejects(service.deactivateEntry(admin, (await entry('careType', 'B')).id), 'BAD_INPUT', (e) =>
      assert.equal(e.problems[0]?.field, 'active'),
    );
    const widowed = await service.deactivateEntry(admin, (await entry('maritalStatus', 'W')).id);
    assert.equal(widowed.active, false);
    assert.deepEqual(
      (await service.entries(admin, 'maritalStatus')).map((e) => e.code),
      ['N', 'M', 'S', 'D'],
    );
    const back = await service.updateEntry(admin, widowed.id, { active: true });
    assert.equal(back.active, true);
  });
});
