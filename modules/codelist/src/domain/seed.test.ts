import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { codeProblems } from './entry-rules.js';
import { CODE_LISTS, listDef, NAME_MAX } from './lists.js';
import { SEED, seedRows } from './seed.js';

describe('the built-in code lists', () => {
  it('seeds every declared list, and declares every seeded list', () => {
    assert.deepEqual(Object.keys(SEED).sort(), CODE_LISTS.map((l) => l.id).sort());
    assert.equal(new Set(CODE_LISTS.map((l) => l.id)).size, CODE_LISTS.length);
  });

  it('gives every entry of any list a unique, well-formed code and both names', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CODE_LISTS), (def) => {
        const entries = SEED[def.id] ?? [];
        assert.ok(entries.length > 0, def.id);
        const codes = entries.map((e) => e[0]);
        assert.equal(new Set(codes).size, codes.length, `${def.id}: duplicate codes`);
        entries.forEach(([code, name, nameFr], i) => {
          const others = codes.filter((_, j) => j !== i);
          assert.deepEqual(codeProblems(def, code, others), [], `${def.id}.${code}`);
          for (const n of [name, nameFr]) assert.ok(n.trim() !== '' && n.length <= NAME_MAX, `${def.id}.${code}`);
        });
      }),
      { numRuns: CODE_LISTS.length * 4 },
    );
  });

  it('holds the codes of DOMAIN.md §3 the rules depend on', () => {
    const codes = (list: string) => (SEED[list] ?? []).map((e) => e[0]).sort();
    assert.deepEqual(codes('gender'), ['F', 'M', 'O']);
    assert.deepEqual(codes('careType'), ['B', 'I', 'O']);
    assert.deepEqual(codes('hfLevel'), ['C', 'D', 'H']);
    assert.deepEqual(codes('visitType'), ['E', 'O', 'R']);
    assert.deepEqual(codes('payType'), ['B', 'C', 'F', 'M']);
    assert.deepEqual(codes('serviceCategory'), ['A', 'C', 'D', 'H', 'O', 'S', 'V']);
    assert.deepEqual(codes('relationship'), ['1', '2', '3', '4', '5', '6', '7', '8']);
  });

  it('numbers the sort order from 1 within each list, and flags numbers only on confirmation types', () => {
    const rows = seedRows();
    for (const def of CODE_LISTS) {
      const mine = rows.filter((r) => r.list === def.id);
      assert.deepEqual(
        mine.map((r) => r.sortOrder),
        mine.map((_, i) => i + 1),
      );
      if (!listDef(def.id)?.hasRequiresNumber)
        assert.ok(
          mine.every((r) => !r.requiresNumber),
          def.id,
        );
    }
    assert.ok(rows.some((r) => r.list === 'confirmationType' && r.requiresNumber));
  });
});
