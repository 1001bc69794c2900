import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  canAdd,
  canDeactivate,
  checkEntryChange,
  checkNewEntry,
  deactivateProblems,
  entryLabel,
} from './entry-rules.js';
import { CODE_LISTS, type CodeListDef, listDef } from './lists.js';
import type { CodeListEntry } from './types.js';

const def = (id: string): CodeListDef => {
  const d = listDef(id);
  if (!d) throw new Error(id);
  return d;
};
const entry = (over: Partial<CodeListEntry> = {}): CodeListEntry => ({
  id: 'e1',
  list: 'profession',
  code: '1',
  name: 'Housewife',
  nameFr: 'Femme au foyer',
  sortOrder: 1,
  active: true,
  requiresNumber: false,
  builtIn: true,
  ...over,
});
const CTX = { otherCodes: ['2', '3'], activeCount: 4 };

describe('the protected-code rule', () => {
  it('never lets a built-in entry be re-coded, whatever the list and the new code', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CODE_LISTS), fc.stringMatching(/^[A-Za-z0-9]{1,5}$/), (d, code) => {
        const before = entry({ list: d.id, code: 'X' });
        fc.pre(code !== 'X');
        const p = checkEntryChange(d, before, { code }, CTX);
        assert.deepEqual(
          p.map((x) => [x.field, x.key]),
          [['code', 'codelist.error.builtInCode']],
        );
      }),
    );
  });

  it('lets a built-in entry be renamed and re-sorted in every list', () => {
    for (const d of CODE_LISTS) {
      const before = entry({ list: d.id, code: 'M' });
      assert.deepEqual(checkEntryChange(d, before, { code: 'M', name: 'Man', nameFr: 'Homme', sortOrder: 7 }, CTX), []);
    }
  });

  it('lets a local entry take a free code, but not a taken one', () => {
    const local = entry({ code: '9', builtIn: false });
    assert.deepEqual(checkEntryChange(def('profession'), local, { code: '10' }, CTX), []);
    assert.equal(checkEntryChange(def('profession'), local, { code: '2' }, CTX)[0]?.key, 'codelist.error.codeTaken');
  });

  it('keeps the entries of protected lists active, and every list with one active entry', () => {
    assert.equal(
      deactivateProblems(def('gender'), entry({ list: 'gender', code: 'O' }), 3)[0]?.key,
      'codelist.error.protectedList',
    );
    assert.equal(deactivateProblems(def('profession'), entry(), 1)[0]?.key, 'codelist.error.lastActive');
    assert.deepEqual(deactivateProblems(def('profession'), entry(), 4), []);
    assert.deepEqual(deactivateProblems(def('maritalStatus'), entry({ list: 'maritalStatus' }), 5), []);
    assert.equal(
      checkEntryChange(def('careType'), entry({ list: 'careType', code: 'B' }), { active: false }, CTX)[0]?.field,
      'active',
    );
  });

  it('opens additions only to the lists openIMIS lets schemes extend', () => {
    const open = CODE_LISTS.filter(canAdd).map((d) => d.id);
    assert.deepEqual(open.sort(), [
      'confirmationType',
      'education',
      'familyType',
      'identificationType',
      'profession',
      'relationship',
    ]);
    for (const id of ['gender', 'careType', 'hfLevel', 'visitType', 'serviceCategory', 'payType']) {
      assert.equal(canDeactivate(def(id)), false, id);
      assert.equal(checkNewEntry(def(id), { code: 'Z', name: 'Z', nameFr: 'Z' }, [])[0]?.field, 'list');
    }
  });
});

describe('new entries', () => {
  it('names each wrong field', () => {
    const p = checkNewEntry(def('profession'), { code: 'A', name: ' ', nameFr: 'x'.repeat(51), sortOrder: -1 }, []);
    assert.deepEqual(
      p.map((x) => [x.field, x.key]),
      [
        ['code', 'codelist.error.codeNumeric'],
        ['name', 'codelist.error.required'],
        ['nameFr', 'codelist.error.tooLong'],
        ['sortOrder', 'codelist.error.sortOrder'],
      ],
    );
  });

  it('refuses a code already in the list, whatever its case, and one longer than the column', () => {
    assert.equal(
      checkNewEntry(def('familyType'), { code: 'h', name: 'H', nameFr: 'H' }, ['H'])[0]?.key,
      'codelist.error.codeTaken',
    );
    assert.equal(
      checkNewEntry(def('identificationType'), { code: 'BC', name: 'Birth certificate', nameFr: 'Acte' }, [])[0]?.key,
      'codelist.error.codeTooLong',
    );
  });

  it('accepts any short free code with two names in an open list', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CODE_LISTS.filter(canAdd)),
        fc.string({ minLength: 1, maxLength: 50 }).filter((s) => s.trim() !== ''),
        (d, name) => {
          const code = d.numeric ? '99' : 'Z';
          assert.deepEqual(checkNewEntry(d, { code, name, nameFr: name, sortOrder: 5 }, ['1', 'A']), []);
        },
      ),
    );
  });
});

describe('labels', () => {
  it('reads the French name in French and falls back to English when it is blank', () => {
    assert.equal(entryLabel(entry(), 'fr'), 'Femme au foyer');
    assert.equal(entryLabel(entry(), 'en'), 'Housewife');
    assert.equal(entryLabel(entry({ nameFr: ' ' }), 'fr'), 'Housewife');
  });
});
