import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { auditJson, withoutNulls } from './audit.js';

/** The history panel's reading of a field (web-kernel audit-diff): an absent field is null, never an inherited one. */
const shown = (state: unknown, key: string) => {
  const o = state as Record<string, unknown> | null;
  return o && Object.hasOwn(o, key) ? (o[key] ?? null) : null;
};

const hasNullField = (v: unknown): boolean =>
  Array.isArray(v)
    ? v.some(hasNullField)
    : typeof v === 'object' && v !== null && Object.values(v).some((x) => x === null || hasNullField(x));

describe('audit states', () => {
  it('leave out empty fields at every depth, keep every value and every list item', () => {
    const claim = {
      code: 'C-001',
      explanation: null,
      claimed: '1250.00',
      reviewFlags: [],
      rejectionReason: 0,
      feedbackAvailable: false,
      items: [
        { id: 'l1', qtyApproved: null, priceAsked: '250.00', rejectionParams: { limit: null, date: '2026-03-01' } },
      ],
      secondaryIcdIds: [null, 'd2'],
    };
    assert.deepEqual(withoutNulls(claim), {
      code: 'C-001',
      claimed: '1250.00',
      reviewFlags: [],
      rejectionReason: 0,
      feedbackAvailable: false,
      items: [{ id: 'l1', priceAsked: '250.00', rejectionParams: { date: '2026-03-01' } }],
      secondaryIcdIds: [null, 'd2'],
    });
  });

  it('are plain JSON: dates as ISO text, undefined gone, nothing for no state', () => {
    assert.deepEqual(auditJson({ at: new Date('2026-06-15T08:30:00.000Z'), gone: undefined, kept: 'x' }), {
      at: '2026-06-15T08:30:00.000Z',
      kept: 'x',
    });
    assert.equal(auditJson(null), null);
    assert.equal(auditJson(undefined), null);
  });

  it('read the same in the history as the full state, field by field (property)', () => {
    const json = fc.jsonValue({ maxDepth: 3 });
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 9 }), fc.option(json)), (state) => {
        const kept = auditJson(state);
        for (const k of Object.keys(state))
          assert.deepEqual(shown(kept, k), withoutNulls(JSON.parse(JSON.stringify(shown(state, k)))));
        assert.ok(!hasNullField(kept), 'no field holds null');
      }),
    );
  });
});
