import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RIGHTS } from '../manifest.js';
import { rejects, useInsureeKernel } from './db-test-kernel.js';

const t = useInsureeKernel();
const head = { lastName: 'Issoufou', otherNames: 'Hamidou', dob: '1980-03-14', gender: 'M' };
const ALL = Object.values(RIGHTS);

describe('families and members', () => {
  it('creates a family with its head in one step, with a generated valid number, and emits insureeAdded', async () => {
    const v = await t.village('R1D1M1V1');
    const before = t.events.length;
    const { family, head: h } = await t.service.createFamily(t.admin, { locationId: v, poverty: true }, head);
    assert.equal(family.headInsureeId, h.id);
    assert.equal(h.isHead, true);
    assert.equal(h.relationship, null);
    assert.match(h.chfId, /^\d{9}$/);
    assert.deepEqual((await t.service.numberProblems(t.admin, h.chfId, h.id)).length, 0);
    assert.deepEqual(t.events.slice(before), [{ hook: 'added', familyId: family.id, insureeId: h.id }]);
    const members = await t.service.familyMembers(t.admin, family.id);
    assert.deepEqual(
      members.map((m) => m.lastName),
      ['Issoufou'],
    );
  });

  it('adds a member (insureeAdded), refuses removing the head without a new head, then changes the head', async () => {
    const v = await t.village('R1D1M1V2');
    const { family, head: h } = await t.service.createFamily(
      t.admin,
      { locationId: v },
      { ...head, otherNames: 'Ali' },
    );
    const before = t.events.length;
    const wife = await t.service.addInsuree(t.admin, family.id, {
      lastName: 'Moussa',
      otherNames: 'Aïchatou',
      dob: '1985-07-01',
      gender: 'F',
      relationship: '8',
    });
    assert.deepEqual(t.events.slice(before), [{ hook: 'added', familyId: family.id, insureeId: wife.id }]);
    await rejects(t.service.removeInsuree(t.admin, h.id), 'RULE_VIOLATION', (e) => {
      assert.equal(e.key, 'insuree.error.removeHead');
      assert.equal(e.problems[0]?.field, 'newHeadId');
    });
    await t.service.removeInsuree(t.admin, h.id, { newHeadId: wife.id });
    const fam = (await t.service.getFamily(t.admin, family.id))!;
    assert.equal(fam.headInsureeId, wife.id);
    const members = await t.service.familyMembers(t.admin, family.id);
    assert.deepEqual(
      members.map((m) => [m.otherNames, m.isHead]),
      [['Aïchatou', true]],
    );
    assert.equal(t.events.at(-1)?.hook, 'removed');
    assert.equal((await t.service.insureeHistory(t.admin, wife.id)).length, 2);
  });

  it('moves a member to another family and refuses moving the head', async () => {
    const a = await t.service.createFamily(
      t.admin,
      { locationId: await t.village('R1D1M1V3') },
      { ...head, otherNames: 'Issa' },
    );
    const b = await t.service.createFamily(
      t.admin,
      { locationId: await t.village('R1D1M2V1') },
      { ...head, otherNames: 'Garba' },
    );
    const kid = await t.service.addInsuree(t.admin, a.family.id, {
      lastName: 'Issoufou',
      otherNames: 'Rakia',
      dob: '2015-01-01',
      gender: 'F',
      relationship: '4',
    });
    const moved = await t.service.moveInsuree(t.admin, kid.id, b.family.id);
    assert.equal(moved.familyId, b.family.id);
    assert.deepEqual(
      t.events.slice(-2).map((e) => [e.hook, e.familyId]),
      [
        ['removed', a.family.id],
        ['added', b.family.id],
      ],
    );
    await rejects(t.service.moveInsuree(t.admin, a.head.id, b.family.id), 'RULE_VIOLATION');
  });

  it('refuses a future birth date, a bad code and a bad or taken insurance number, naming the fields', async () => {
    const v = await t.village('R1D1M1V1');
    const tomorrow = new Date(Date.now() + 86_400_000 * 2).toISOString().slice(0, 10);
    await rejects(
      t.service.createFamily(t.admin, { locationId: v }, { ...head, dob: tomorrow, gender: 'Z' }),
      'BAD_INPUT',
      (e) =>
        assert.deepEqual(
          e.problems.map((p) => `${p.field}:${p.key}`),
          ['head.dob:insuree.error.dobFuture', 'head.gender:codelist.error.unknownCode'],
        ),
    );
    await rejects(
      t.service.createFamily(t.admin, { locationId: v }, { ...head, chfId: '123456783' }),
      'BAD_INPUT',
      (e) => assert.equal(e.problems[0]?.key, 'insuree.error.numberChecksum'),
    );
    const first = await t.service.createFamily(
      t.admin,
      { locationId: v },
      { ...head, otherNames: 'Zakari', chfId: '123456782' },
    );
    assert.equal(first.head.chfId, '123456782');
    await rejects(
      t.service.createFamily(t.admin, { locationId: v }, { ...head, otherNames: 'Seydou', chfId: '123456782' }),
      'CONFLICT',
      (e) => assert.equal(e.problems[0]?.field, 'chfId'),
    );
    // A village is required and must be a village.
    await rejects(t.service.createFamily(t.admin, { locationId: await t.village('R1D1') }, head), 'BAD_INPUT', (e) =>
      assert.equal(e.problems[0]?.key, 'insuree.error.notVillage'),
    );
  });

  it('finds likely duplicates and requires confirmation to enrol them', async () => {
    const v = await t.village('R2D1M1V1');
    await t.service.createFamily(
      t.admin,
      { locationId: v },
      { lastName: 'Mahamadou', otherNames: 'Fatouma', dob: '1992-02-02', gender: 'F', phone: '+227 90 11 22 33' },
    );
    const lookalike = { lastName: 'Mahamadou', otherNames: 'Fatoumata', dob: '1992-02-02', gender: 'F' };
    const dups = await t.service.findDuplicates(t.admin, { ...lookalike, villageId: v });
    assert.deepEqual(
      dups.map((d) => [d.otherNames, d.reasons]),
      [['Fatouma', ['name']]],
    );
    const byPhone = await t.service.findDuplicates(t.admin, { ...head, phone: '22790112233' });
    assert.deepEqual(
      byPhone.map((d) => d.reasons),
      [['phone']],
    );
    await rejects(t.service.createFamily(t.admin, { locationId: v }, lookalike), 'RULE_VIOLATION', (e) => {
      assert.equal(e.key, 'insuree.error.duplicates');
      assert.equal(e.problems[0]?.params?.otherNames, 'Fatouma');
    });
    const ok = await t.service.createFamily(t.admin, { locationId: v }, lookalike, { confirmDuplicates: true });
    assert.equal(ok.head.otherNames, 'Fatoumata');
  });
});

describe('rights and location scope', () => {
  it('a district-limited user neither sees nor writes another district’s families', async () => {
    const other = await t.service.createFamily(
      t.admin,
      { locationId: await t.village('R2D1M1V2') },
      { ...head, otherNames: 'Laouali' },
    );
    const { ctx } = await t.user('officer-d1', ALL, ['R1D1']);
    assert.equal(await t.service.getFamily(ctx, other.family.id), null);
    assert.equal(await t.service.getInsuree(ctx, other.head.id), null);
    assert.equal(await t.service.findByNumber(ctx, other.head.chfId), null);
    const found = await t.service.searchInsurees(ctx, { lastName: 'Issoufou' }, {});
    assert.ok(found.edges.every((e) => e.node.id !== other.head.id));
    assert.equal(await t.service.canWriteFamily(ctx, other.family.id), false);
    await rejects(t.service.addInsuree(ctx, other.family.id, { ...head, otherNames: 'X' }), 'NOT_FOUND');
    // Another district's village is not even visible to this user: refused naming the village field.
    await rejects(
      t.service.createFamily(ctx, { locationId: await t.village('R2D1M1V2') }, { ...head, otherNames: 'Y' }),
      'BAD_INPUT',
      (e) => assert.equal(e.problems[0]?.field, 'locationId'),
    );
    const mine = await t.service.createFamily(
      ctx,
      { locationId: await t.village('R1D1M1V1') },
      { ...head, otherNames: 'Nouhou' },
    );
    assert.equal(await t.service.canWriteFamily(ctx, mine.family.id), true);
  });

  it('refuses a user without the right', async () => {
    const { ctx } = await t.user('reader', [RIGHTS.familySearch, RIGHTS.insureeSearch]);
    await rejects(t.service.createFamily(ctx, { locationId: await t.village('R1D1M1V1') }, head), 'FORBIDDEN');
  });
});

describe('GraphQL', () => {
  const CREATE = `mutation($input: CreateFamilyInput!) { createFamily(input: $input) {
    clientMutationId family { id location { code } members { chfId isHead } } head { id chfId } } }`;

  it('a retry with the same clientMutationId creates one family', async () => {
    const v = await t.village('R1D2M1V1');
    const input = {
      clientMutationId: 'fam-retry-1',
      locationId: v,
      head: { lastName: 'Oumarou', otherNames: 'Mariama', dob: '1990-01-01', gender: 'F' },
    };
    const a = await t.k.gql<{ createFamily: { family: { id: string } } }>(CREATE, { input }, { token: t.token });
    const b = await t.k.gql<{ createFamily: { family: { id: string } } }>(CREATE, { input }, { token: t.token });
    assert.equal(a.errors, undefined);
    assert.equal(a.data?.createFamily.family.id, b.data?.createFamily.family.id);
    const list = await t.service.searchInsurees(t.admin, { lastName: 'Oumarou', otherNames: 'Mariama' }, {});
    assert.equal(list.totalCount, 1);
  });

  it('translates a future birth date and names the field', async () => {
    const res = await t.k.gql(
      CREATE,
      {
        input: {
          locationId: await t.village('R1D2M1V1'),
          head: { lastName: 'A', otherNames: 'B', dob: '2999-01-01', gender: 'M' },
        },
      },
      { token: t.token, locale: 'fr' },
    );
    const problems = res.errors?.[0]?.extensions?.problems as Array<{ field: string; message: string }>;
    assert.equal(problems[0]?.field, 'head.dob');
    assert.match(problems[0]!.message, /date de naissance est dans le futur/);
  });

  it('searches insurees with keyset paging and totalCount, and serves the photo with rights', async () => {
    const q = `query($after: String) { insurees(lastName: "Issoufou", first: 2, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id lastName otherNames } } } }`;
    type Page = {
      insurees: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: Array<{ node: { id: string } }>;
      };
    };
    const p1 = await t.k.gql<Page>(q, {}, { token: t.token });
    assert.ok((p1.data?.insurees.totalCount ?? 0) >= 3);
    const p2 = await t.k.gql<Page>(q, { after: p1.data?.insurees.pageInfo.endCursor }, { token: t.token });
    const ids1 = p1.data!.insurees.edges.map((e) => e.node.id);
    const ids2 = p2.data!.insurees.edges.map((e) => e.node.id);
    assert.equal(ids1.length, 2);
    assert.ok(ids2.every((id) => !ids1.includes(id)));

    const fam = await t.service.createFamily(
      t.admin,
      { locationId: await t.village('R1D2M1V2') },
      { ...head, otherNames: 'Photo' },
    );
    // A 1×1 PNG.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const boundary = 'mutuaBoundary';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const up = await t.k.kernel.app.inject({
      method: 'POST',
      url: `/api/insuree/insurees/${fam.head.id}/photo`,
      headers: { authorization: `Bearer ${t.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    assert.equal(up.statusCode, 200, up.body);
    const { photoUrl } = up.json() as { photoUrl: string };
    const get = await t.k.kernel.app.inject({
      method: 'GET',
      url: photoUrl,
      headers: { authorization: `Bearer ${t.token}` },
    });
    assert.equal(get.statusCode, 200);
    assert.equal(get.headers['content-type'], 'image/png');
    assert.deepEqual(get.rawPayload, png);
    const anon = await t.k.kernel.app.inject({ method: 'GET', url: photoUrl });
    assert.equal(anon.statusCode, 401);
    await rejects(
      t.service.setPhoto(t.admin, fam.head.id, {
        mime: 'image/png',
        data: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]),
      }),
      'BAD_INPUT',
    );
  });
});
