import { mockGql, renderApp, testUser } from '@mutua/web-kernel/testing';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import locationWeb from './index';

const node = (id: string, code: string, name: string, type: string, parentId: string | null) => ({
  id,
  code,
  name,
  type,
  parentId,
  malePopulation: null,
  femalePopulation: null,
  otherPopulation: null,
  families: null,
});
const TREE: Record<string, unknown[]> = {
  root: [node('r1', 'R1', 'Tahoua', 'R', null)],
  r1: [node('d1', 'R1D1', 'Tahoua', 'D', 'r1'), node('d2', 'R1D2', "Birni N'Konni", 'D', 'r1')],
};

/** Renders the tree page; returns the parent ids asked for, in order. */
function start(rights: string[]) {
  const calls = mockGql({
    LocationChildren: (v) => ({ locationChildren: TREE[(v.parentId as string | null) ?? 'root'] ?? [] }),
  });
  renderApp({ modules: [locationWeb], path: '/admin/locations', user: testUser({ rights }) });
  return () => calls.map((c) => c.variables.parentId);
}

describe('locations tree', () => {
  it('loads a level only when its parent is expanded', async () => {
    const asked = start(['location.location.search']);
    const region = await screen.findByRole('treeitem', { name: 'R1 Tahoua' });
    expect(region.getAttribute('aria-expanded')).toBe('false');
    expect(asked()).toEqual([null]);
    fireEvent.click(screen.getByRole('button', { name: '▸ Tahoua' }));
    expect(await screen.findByRole('treeitem', { name: "R1D2 Birni N'Konni" })).toBeTruthy();
    await waitFor(() => expect(asked()).toEqual([null, 'r1']));
  });

  it('offers only the actions the user has the right to', async () => {
    start(['location.location.search', 'location.location.edit']);
    await screen.findByRole('treeitem', { name: 'R1 Tahoua' });
    // Editing a region needs the regions right, which this user lacks.
    expect(screen.queryByRole('button', { name: 'Edit Tahoua' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete Tahoua' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add Region' })).toBeNull();
  });
});
