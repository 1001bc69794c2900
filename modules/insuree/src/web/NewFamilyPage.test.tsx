import codelistWeb from '@mutua/codelist/web';
import { createMutuaApp, type Me, MutuaProviders } from '@mutua/web-kernel';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import insureeWeb from './index';

const me = (language: 'en' | 'fr'): Me => ({
  id: 'u1',
  username: 'eo',
  lastName: 'Garba',
  otherNames: 'Issa',
  email: null,
  language,
  rights: ['insuree.family.add', 'insuree.family.search', 'insuree.insuree.search', 'insuree.insuree.add'],
  isAdmin: false,
  districtIds: null,
  healthFacilityId: null,
  mustChangePassword: false,
});

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
const conn = (nodes: unknown[]) => ({
  edges: nodes.map((node, i) => ({ cursor: String(i), node })),
  pageInfo: { hasNextPage: false, endCursor: null },
  totalCount: nodes.length,
});
const entry = (list: string, code: string, name: string, nameFr: string) => ({
  id: `${list}-${code}`,
  list,
  code,
  name,
  nameFr,
  sortOrder: 0,
  active: true,
  builtIn: true,
  requiresNumber: false,
});
const lists = [
  { id: 'gender', entries: [entry('gender', 'M', 'Male', 'Masculin'), entry('gender', 'F', 'Female', 'Féminin')] },
  ...[
    'maritalStatus',
    'profession',
    'education',
    'identificationType',
    'familyType',
    'confirmationType',
    'relationship',
  ].map((id) => ({ id, entries: [] })),
].map((l) => ({
  ...l,
  name: l.id,
  policy: 'open',
  canAdd: false,
  canDeactivate: false,
  codeMaxLength: 4,
  numericCodes: false,
  hasRequiresNumber: false,
}));
const village = { id: '0190aaaa-0000-7000-8000-000000000001', code: 'R1D1M1V1', name: 'Affala' };
const duplicate = {
  insureeId: '0190aaaa-0000-7000-8000-000000000009',
  familyId: '0190aaaa-0000-7000-8000-000000000008',
  chfId: '100000015',
  lastName: 'Issoufou',
  otherNames: 'Hamidou',
  dob: '1980-03-14',
  reasons: ['name'],
};

function fakeApi() {
  const sent: Array<{ query: string; variables: Record<string, unknown> }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as { query: string; variables: Record<string, unknown> };
      sent.push(body);
      if (body.query.includes('CodeLists')) return json({ data: { codeLists: lists } });
      if (body.query.includes('query Locations(')) return json({ data: { locations: conn([village]) } });
      if (body.query.includes('InsureeDuplicates')) return json({ data: { insureeDuplicates: [duplicate] } });
      if (body.query.includes('createFamily')) {
        return json({
          data: { createFamily: { family: { id: duplicate.familyId.replace('8', '7') }, head: { id: 'h1' } } },
        });
      }
      return json({ data: { family: null } });
    }),
  );
  return sent;
}

function renderAt(path: string, user: Me) {
  const app = createMutuaApp({
    modules: [codelistWeb, insureeWeb],
    history: createMemoryHistory({ initialEntries: [path] }),
    user,
  });
  void app.i18n.changeLanguage(user.language);
  render(
    <MutuaProviders app={app}>
      <RouterProvider router={app.router} context={{ auth: app.auth }} />
    </MutuaProviders>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('family form', () => {
  it('shows likely duplicates and saves the family with its head only after confirmation (French)', {
    timeout: 60_000,
  }, async () => {
    const sent = fakeApi();
    renderAt('/families/new', me('fr'));
    const last = await screen.findByLabelText('Nom', { exact: true });
    fireEvent.change(last, { target: { value: 'Issoufou' } });
    fireEvent.change(screen.getByLabelText('Prénoms', { exact: true }), { target: { value: 'Hamidou' } });
    fireEvent.change(screen.getByLabelText('Date de naissance', { exact: true }), { target: { value: '1980-03-14' } });
    // The village picker searches as the user types.
    const villageBox = screen.getByLabelText('Village', { exact: true });
    fireEvent.change(villageBox, { target: { value: 'Aff' } });
    fireEvent.click(await screen.findByText('R1D1M1V1 — Affala', {}, { timeout: 5000 }));
    expect(screen.getByRole('button', { name: 'Prendre une photo' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

    const dialog = await screen.findByRole('dialog', {}, { timeout: 10_000 });
    expect(within(dialog).getByText('Doublons possibles')).toBeTruthy();
    expect(within(dialog).getByText(/100000015/)).toBeTruthy();
    expect(within(dialog).getByText('nom proche, même date de naissance et même village')).toBeTruthy();
    expect(sent.some((s) => s.query.includes('createFamily'))).toBe(false);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Ce sont des personnes différentes : enregistrer' }));
    await waitFor(() => expect(sent.some((s) => s.query.includes('createFamily'))).toBe(true), { timeout: 10_000 });
    const input = sent.find((s) => s.query.includes('createFamily'))!.variables.input as Record<string, unknown>;
    expect(input).toMatchObject({
      locationId: village.id,
      confirmDuplicates: true,
      head: { lastName: 'Issoufou', otherNames: 'Hamidou', dob: '1980-03-14', chfId: null },
    });
  });
});
