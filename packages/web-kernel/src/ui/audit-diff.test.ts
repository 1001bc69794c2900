import { describe, expect, it } from 'vitest';
import { describeChanges, diffFields } from './audit-diff';

describe('diffFields', () => {
  it('lists only the fields whose value changed', () => {
    expect(diffFields({ a: 1, b: 'x', c: [1] }, { a: 1, b: 'y', c: [1, 2] })).toEqual([
      { field: 'b', before: 'x', after: 'y' },
      { field: 'c', before: [1], after: [1, 2] },
    ]);
  });

  it('reads own fields only, whatever their names', () => {
    expect(diffFields({}, { toString: 'x', constructor: null })).toEqual([
      { field: 'toString', before: undefined, after: 'x' },
    ]);
  });

  it('treats a creation as every field changing from nothing, and accepts JSON strings', () => {
    expect(diffFields(null, '{"name":"Admin"}')).toEqual([{ field: 'name', before: undefined, after: 'Admin' }]);
  });
});

describe('describeChanges', () => {
  const view = {
    fields: {
      status: { label: 'Status', format: (v: unknown) => ({ 2: 'Entered', 4: 'Checked' })[v as 2 | 4] ?? String(v) },
      id: null,
    },
  };

  it('shows the labels and values the view gives, in its order, leaves out its hidden fields, and the rest as stored', () => {
    expect(describeChanges({ status: 2 }, { code: 'C-1', id: 'x1', status: 4 }, view)).toEqual([
      { field: 'status', label: 'Status', before: 'Entered', after: 'Checked' },
      { field: 'code', label: 'code', before: '∅', after: 'C-1' },
    ]);
  });

  it('reads an empty value as ∅ without asking the format, and leaves out changes that read the same', () => {
    const tags = { fields: { tags: { label: 'Tags', format: (v: unknown) => (v as string[]).join(', ') || '∅' } } };
    expect(describeChanges({}, { tags: [] }, tags)).toEqual([]);
    expect(describeChanges({ status: 4 }, { status: null }, view)).toEqual([
      { field: 'status', label: 'Status', before: 'Checked', after: '∅' },
    ]);
  });

  it('leaves out bookkeeping fields, and reads the rest through the fallback the panel gives', () => {
    const fallback = {
      label: (f: string) => ({ lastName: 'Nom', cardIssued: 'Carte délivrée' })[f] ?? f,
      value: (v: unknown) => (typeof v === 'boolean' ? (v ? 'oui' : 'non') : String(v)),
    };
    expect(
      describeChanges(
        { lastName: 'Diallo', cardIssued: false, validityFrom: 't1' },
        { lastName: 'Diallo Awa', cardIssued: true, validityFrom: 't2', rowId: 'r2' },
        { labelKey: 'insuree.field' },
        fallback,
      ),
    ).toEqual([
      { field: 'lastName', label: 'Nom', before: 'Diallo', after: 'Diallo Awa' },
      { field: 'cardIssued', label: 'Carte délivrée', before: 'non', after: 'oui' },
    ]);
  });
});
