import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkChildrenTarget, checkLocation, checkMoveTarget, childType, levelOf, retype } from './location-rules.js';

const LEVELS = ['R', 'D', 'W', 'V'];
const fields = (ps: Array<{ field: string }>) => ps.map((p) => p.field);

describe('location field rules', () => {
  it('accepts a village under a municipality and gives it the village type', () => {
    const r = checkLocation({ code: 'V1', name: 'Galmi', malePopulation: 10 }, LEVELS, 'W');
    assert.deepEqual(r.problems, []);
    assert.equal(r.type, 'V');
  });

  it('refuses a code longer than 8 characters and a name longer than 50', () => {
    const r = checkLocation({ code: 'ABCDEFGHI', name: 'x'.repeat(51) }, LEVELS, null);
    assert.deepEqual(fields(r.problems), ['code', 'name']);
    assert.equal(r.problems[0]?.key, 'location.error.tooLong');
  });

  it('refuses a blank code or name as required', () => {
    const r = checkLocation({ code: '  ', name: '' }, LEVELS, null);
    assert.deepEqual(
      r.problems.map((p) => p.key),
      ['location.error.required', 'location.error.required'],
    );
  });

  it('refuses a district type directly under nothing (a district needs a region above it)', () => {
    const r = checkLocation({ code: 'D1', name: 'Dosso', type: 'D' }, LEVELS, null);
    assert.equal(r.problems[0]?.key, 'location.error.parentRequired');
  });

  it('refuses a type that is not the level right under the parent', () => {
    const r = checkLocation({ code: 'V1', name: 'Galmi', type: 'V' }, LEVELS, 'D');
    assert.equal(r.problems[0]?.key, 'location.error.typeUnderParent');
    assert.equal(r.problems[0]?.params?.expected, 'W');
  });

  it('refuses a child under a village, the last level', () => {
    const r = checkLocation({ code: 'X', name: 'X' }, LEVELS, 'V');
    assert.equal(r.problems[0]?.key, 'location.error.parentIsLeaf');
  });

  it('refuses negative or fractional population figures', () => {
    const r = checkLocation({ code: 'V', name: 'V', malePopulation: -1, families: 1.5 }, LEVELS, 'W');
    assert.deepEqual(fields(r.problems), ['malePopulation', 'families']);
  });

  it('reports a parent id that does not exist', () => {
    const r = checkLocation({ code: 'V', name: 'V' }, LEVELS, undefined);
    assert.equal(r.problems[0]?.key, 'location.error.parentNotFound');
  });
});

/** A random tree below a moved node: node i > 0 has a parent among 0..i-1. */
const subtreeArb = fc
  .array(fc.nat(), { maxLength: 12 })
  .map((parents) => {
    const depth = [0];
    for (const [i, p] of parents.entries()) depth.push(depth[p % (i + 1)]! + 1);
    return depth.map((d, i) => ({ id: `n${i}`, depth: d, parent: i === 0 ? -1 : parents[i - 1]! % i }));
  })
  .filter((nodes) => nodes.every((n) => n.depth < LEVELS.length));

describe('re-typing on move', () => {
  it('keeps every child exactly one level under its parent, wherever the subtree lands', () => {
    fc.assert(
      fc.property(
        subtreeArb,
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(null, 'R', 'D', 'W', 'V'),
        (nodes, from, target) => {
          const typed = nodes
            .filter((n) => from + n.depth < LEVELS.length)
            .map((n) => ({ id: n.id, type: LEVELS[from + n.depth]!, depth: n.depth, parent: n.parent }));
          if (typed.length !== nodes.length) return;
          const { changes, problem } = retype(typed, target, LEVELS);
          const top = target === null ? 0 : levelOf(target, LEVELS) + 1;
          const deepest = Math.max(...typed.map((n) => n.depth));
          if (top + deepest >= LEVELS.length) {
            assert.equal(problem?.key, 'location.error.moveTooDeep');
            return;
          }
          assert.equal(problem, undefined);
          const after = new Map(typed.map((n) => [n.id, n.type]));
          for (const c of changes) after.set(c.id, c.to);
          assert.equal(after.get('n0'), childType(target, LEVELS));
          for (const n of typed) {
            if (n.parent < 0) continue;
            const parentLevel = levelOf(after.get(`n${n.parent}`)!, LEVELS);
            assert.equal(levelOf(after.get(n.id)!, LEVELS), parentLevel + 1);
          }
          // Moving to the level it already has changes nothing.
          if (top === from) assert.equal(changes.length, 0);
        },
      ),
    );
  });

  it('turns a municipality moved under a region into a district, and its villages into municipalities', () => {
    const { changes } = retype(
      [
        { id: 'w', type: 'W', depth: 0 },
        { id: 'v', type: 'V', depth: 1 },
      ],
      'R',
      LEVELS,
    );
    assert.deepEqual(changes, [
      { id: 'w', from: 'W', to: 'D' },
      { id: 'v', from: 'V', to: 'W' },
    ]);
  });

  it('refuses moving a node under itself or its descendants', () => {
    assert.equal(checkMoveTarget(new Set(['a', 'b']), 'b')?.key, 'location.error.moveIntoOwnSubtree');
    assert.equal(checkMoveTarget(new Set(['a', 'b']), 'c'), undefined);
    assert.equal(checkMoveTarget(new Set(['a']), null), undefined);
  });
});

describe('deleting with children kept', () => {
  it('needs a new parent at the same level as the deleted location', () => {
    assert.equal(checkChildrenTarget({ id: 'a', type: 'D' }, { id: 'b', type: 'D' }), undefined);
    assert.equal(
      checkChildrenTarget({ id: 'a', type: 'D' }, { id: 'b', type: 'R' })?.key,
      'location.error.newParentLevel',
    );
    assert.equal(checkChildrenTarget({ id: 'a', type: 'D' }, undefined)?.key, 'location.error.parentNotFound');
  });
});
