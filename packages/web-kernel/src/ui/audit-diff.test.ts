import { describe, expect, it } from 'vitest';
import { diffFields } from './audit-diff';

describe('diffFields', () => {
  it('lists only the fields whose value changed', () => {
    expect(diffFields({ a: 1, b: 'x', c: [1] }, { a: 1, b: 'y', c: [1, 2] })).toEqual([
      { field: 'b', before: 'x', after: 'y' },
      { field: 'c', before: [1], after: [1, 2] },
    ]);
  });

  it('treats a creation as every field changing from nothing, and accepts JSON strings', () => {
    expect(diffFields(null, '{"name":"Admin"}')).toEqual([{ field: 'name', before: undefined, after: 'Admin' }]);
  });
});
