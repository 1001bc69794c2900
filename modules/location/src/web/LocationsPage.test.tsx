import { createMutuaApp, type Me, MutuaProviders } from '@mutua/web-kernel';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
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

const me = (rights: string[]): Me => ({
  id: 'u1',
  username: 'admin',
  lastName: 'A',
  otherNames: 'B',
  email: null,
  language: 'en',
  rights,
  isAdmin: false,
  districtIds: null,
  healthFacilityId: null,
  mustChangePassword: false,
});

function start(rights: string[]) {
  const asked: Array<string | null> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const { variables } = JSON.parse(String(init.body)) as { variables: { parentId: string | null } };
      asked.push(variables.parentId);
      const children = TREE[variables.parentId ?? 'root'] ?? [];
      return new Response(JSON.stringify({ data: { locationChildren: children } }), {
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
  const app = createMutuaApp({
    modules: [locationWeb],
    history: createMemoryHistory({ initialEntries: ['/admin/locations'] }),
    user: me(rights),
  });
  void app.i18n.changeLanguage('en');
  render(
    <MutuaProviders app={app}>
      <RouterProvider router={app.router} context={{ auth: app.auth }} />
    </MutuaProviders>,
  );
  return asked;
}

describe('locations tree', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('loads a level only when its parent is expanded', async () => {
    const asked = start(['location.location.search']);
    const region = await screen.findByRole('treeitem', { name: 'R1 Tahoua' });
    expect(region.getAttribute('aria-expanded')).toBe('false');
    expect(asked).toEqual([null]);
    fireEvent.click(screen.getByRole('button', { name: '▸ Tahoua' }));
    expect(await screen.findByRole('treeitem', { name: "R1D2 Birni N'Konni" })).toBeTruthy();
    await waitFor(() => expect(asked).toEqual([null, 'r1']));
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
